"""Direct quotations and their speakers.

Quotations are found by pairing quotation marks in the text (quote_marks.py): straight, curly
and guillemets (and curly singles where a text quotes with them), partial or spanning
sentences; the marks, the spaces inside them and a trailing comma are not part of a quote.
Each one is then read against the dependency parse:

Speaker, first cue that applies:
  1. The speech verb governing the quotation: walking up the parse from the quoted words to the
     first speech verb ("say", "add", "tell", "write", "warn", ... see speech_verbs.py) outside
     the marks, or a speech verb hanging off the quotation ('"...," he said' parsed the other
     way round). Its subject is the speaker ("X said", "said X", "X told reporters", "X said:
     ..."), resolved by speakers.py (names, pronouns, titles).
  2. A speech verb right after the closing mark or right before the opening one, for parses that
     went astray (the pattern fallback), and "according to X" in the same sentence; with no
     speech verb at all, a name the quotation is handed to ('“...,” Mary Kane, director of
     ...') or the person whose clause a colon hands over to it ('She does not hide it: “...”');
     inside the complement of a noun of saying, its possessor ("Hitler's demands for more
     'living space'", "his call for 'calm'").
  3. Inheritance (quote_inheritance.py): a quotation with no cue of its own takes the speaker
     of the previous quotation
     in its paragraph (a second sentence of quoted speech), of the quotation it continues from
     the previous paragraph, of the last quotation of the previous paragraph when its own
     paragraph is nothing but quotation (an interview answer going on), or else of the speech
     verb of an earlier sentence in its paragraph, or, for a paragraph of nothing but
     quotation, of the last speech verb of the paragraph before ('..., said Dr Mary Kane.' /
     '"It is not enough."'), or else of the quotation that opens the next paragraph with its
     own attribution (a lead quote); a quotation opening a sentence with no cue at all takes
     the person the sentence before it was about ('Mark Davies was blunt. “We got it wrong.”').
     A partial quote inside a sentence of narration that follows a full sentence of narration
     inherits nothing ('Fines rose. The law makes clear that fines apply to “false claims”').
  4. Echoes (quote_echoes.py): a quotation with no cue of its own that repeats the words of
     another quotation (a pull quote, a quoted headline) takes that quotation's speaker.
  5. Transcripts (quote_transcripts.py): one still without a speaker, in a paragraph labelled
     'Ms Roe: ...' (an interview turn), is that person's; in a turn no person labels (the
     interviewer's), one in a sentence where "you" is a speech verb's subject is the guest's
     who labels the next turn ('The Paper: You argue that cities are “too slow”.').

Scare quotes (kind "scare", no speaker): a quoted term or title, not quoted speech.
  - A name or title in capitals ("CBS This Morning", "Stage 3", a cited report "Who Has Your
    Back?") is a scare quote unless a comma hands it over to a speaker ('"The End," he said');
    past four words, only when no cue of steps 1-2 attributes it.
  - Otherwise a quotation of at most four words, with no verb and no sentence-final
    punctuation, is a scare quote when one of these holds:
      - no cue of steps 1-2 attributes it to anyone (inheritance alone does not make a term
        speech);
      - it follows a word that names a term ("so-called", "dubbed", "branded", "known as",
        "the rubric of", "the term"), even inside reported speech or with a final stop;
      - it is not inside the reported clause of a speech verb whose speaker is known, and
        it modifies a noun outside the marks ("gig economy" workers), it is a noun phrase
        whose determiner or possessor stays outside the marks (a "mass" of soldiers, his
        team's "courage"), or it is a single noun ("dorms"), unless the nearest verb above it
        is itself a speech verb (he called it a "disaster").
    A partial quote in reported speech is speech by the reporting verb's speaker, whatever
    its shape: 'Macron said the troops would serve as a "security guarantee"', 'Starmer said
    the plan would move to the "operational phase"' (the speech verb governs the quotation
    through the parse and its subject resolves to someone).
  - The same words that were a scare quote once in the article are one every time after
    (an earlier partial quote of them stays the speaker's: 'he calls them "superminds"').
Everything else is speech, including partial quotes inside a reported clause ('Macron said the
two countries shared "a common responsibility"'); speech with no resolvable speaker keeps
speaker None.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.analysis.doc_columns import char_tokens, heads
from reader.core.analysis.doc_columns import span as doc_span
from reader.core.analysis.quote_echoes import echo_speakers
from reader.core.analysis.quote_inheritance import QuoteReading, inherit_speakers
from reader.core.analysis.quote_marks import QuoteSpan
from reader.core.analysis.quote_transcripts import transcript_speakers
from reader.core.analysis.runner import doc_quotes, doc_text
from reader.core.analysis.speakers import Speaker, SpeakerResolver, speaker_of
from reader.core.analysis.speech_verbs import CLAIM_NOUNS, WEAK_VERBS, speech_lemma
from reader.core.model import ORGANIZATION, PERSON, Entity, Quote

MAX_TERM_WORDS = 4
MAX_CLIMB = 12
MAX_NOUN_CLIMB = 3
PATTERN_WINDOW = 3
_NP_OPENERS = frozenset(
    {
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their",
        "our", "my", "your", "whose",
    }
)  # fmt: skip
_SO_CALLED = re.compile(
    r"(?i)\b(?:so[- ]called|dubbed|branded|labell?ed|termed|known as|(?:the )?rubric of"
    r"|the (?:term|word|phrase|label))\s*$"
)
"""Words that name a term rather than use it: what follows in quotes is a mention."""
_SENTENCE_END = frozenset(".!?…。！？")
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "in", "on", "a", "de", "la"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def find_quotes(doc: Any, entities: list[Entity]) -> list[Quote]:
    """Quotes in ``doc`` with speakers resolved to ``entities`` (canonical name and id)."""
    text = doc_text(doc)
    spans = doc_quotes(doc)
    if not spans:
        return []
    quoted = [(s.open_at, s.close_at + 1) for s in spans]
    resolver = SpeakerResolver(doc, entities, quoted, text)
    readings = [_read(doc, resolver, span) for span in spans]
    inherit_speakers(resolver, readings)
    echo_speakers(text, readings)
    transcript_speakers(resolver, readings)
    terms: set[str] = set()
    for reading in readings:  # a term once is a term again ("atypical contracts") from then on
        key = _key(resolver, reading)
        if key in terms:
            reading.kind = "scare"
        elif reading.kind == "scare":
            terms.add(key)
    return [
        Quote(
            start=r.span.start,
            end=r.span.end,
            text=text[r.span.start : r.span.end],
            speaker=r.speaker.name if r.speaker and r.kind == "speech" else None,
            speaker_id=r.speaker.entity_id if r.speaker and r.kind == "speech" else None,
            kind="scare" if r.kind == "scare" else "speech",
        )
        for r in readings
    ]


def _read(doc: Any, resolver: SpeakerResolver, span: QuoteSpan) -> QuoteReading:
    bounds = char_tokens(doc, span.start, span.end, "expand")
    if bounds is None or bounds[0] >= bounds[1]:
        return QuoteReading(span, [])
    first, end = bounds
    # a Span, not a list: a quotation's Tokens are built only where a rule reads them
    tokens = doc_span(doc, first, end)
    reading = QuoteReading(span, tokens)
    claimed = _claimed_by(resolver, first, end)  # the nearest cue: "X's demands for “...”"
    verbs = [] if claimed else _governing_speech_verbs(resolver, first, end)
    governed = bool(verbs) or claimed is not None
    if not verbs and not claimed:
        verbs = [v for v in [_adjacent_speech_verb(resolver, span)] if v is not None]
    reading.speaker = claimed or _first_speaker(resolver, verbs)
    reading.reported = governed and reading.speaker is not None
    if reading.speaker is None:
        seg_start, seg_end = resolver.layout.segments[resolver.layout.segment_of(tokens[0])]
        reading.speaker = resolver.according_to(seg_start, max(seg_end, end))
    if reading.speaker is None and not verbs:
        reading.speaker = _signed_by(resolver, span) or _introduced_by_colon(resolver, span)
    reading.direct = bool(verbs) or reading.speaker is not None or _headline_source(resolver, span)
    if _is_term(doc, resolver, reading):
        reading.kind = "scare"
    return reading


def _first_speaker(resolver: SpeakerResolver, verbs: list[Any]) -> Speaker | None:
    """Speaker of the nearest speech verb whose subject is a person or an organization.

    A nearer verb loses to one further up when its subject is not ("Trudeau said Canada would
    respond 'forcefully'": the word is Trudeau's) or when it is a weak one ("respond").
    """
    fallback: Speaker | None = None
    for verb in verbs:
        speaker = resolver.subject_of(verb)
        if speaker is None:
            continue
        strong = speech_lemma(verb.text) not in WEAK_VERBS
        if strong and speaker.type in (PERSON, ORGANIZATION):
            return speaker
        fallback = fallback or speaker
    return fallback


def _governing_speech_verbs(resolver: SpeakerResolver, start: int, end: int) -> list[Any]:
    """Speech verbs above the quotation (tokens ``start:end``) in the parse (nearest first),
    or off its root."""
    head, doc = heads(resolver.doc), resolver.doc  # the head's index without a Token for it
    roots = [doc[i] for i in range(start, end) if not start <= head[i] < end or head[i] == i]
    found: list[Any] = []
    for root in roots:
        token = root
        for _ in range(MAX_CLIMB):
            inside = start <= token.i < end
            if not inside and resolver.is_speech_verb(token) and token not in found:
                found.append(token)
            if token.head.i == token.i or not resolver.layout.same_paragraph(token.head, root):
                break
            token = token.head
        if found:
            return found
    for root in roots:
        for child in root.children:
            if (
                not start <= child.i < end
                and resolver.is_speech_verb(child)
                and not resolver.layout.is_quoted(child)
                and resolver.layout.same_paragraph(child, root)
            ):
                return [child]
    return []


def _adjacent_speech_verb(resolver: SpeakerResolver, span: QuoteSpan) -> Any | None:
    """A speech verb within a few words after the closing mark or before the opening one."""
    doc = resolver.doc
    paragraph = resolver.layout.paragraph(span.start)
    after = char_tokens(doc, span.close_at, min(span.close_at + 1, len(resolver.text)), "expand")
    before = char_tokens(doc, span.open_at, span.open_at + 1, "expand")
    for anchor, step in ((after, 1), (before, -1)):
        if anchor is None:
            continue
        i = anchor[1] if step == 1 else anchor[0] - 1
        seen = 0
        while 0 <= i < len(doc) and seen < PATTERN_WINDOW + 2:
            token = doc[i]
            if resolver.layout.paragraph(token.idx) != paragraph or resolver.layout.is_quoted(
                token
            ):
                break
            if resolver.is_speech_verb(token):
                return token
            if not token.is_punct:
                seen += 1
            i += step
    return None


def _claimed_by(resolver: SpeakerResolver, start: int, end: int) -> Speaker | None:
    """The possessor of a noun of saying that holds the quotation (tokens ``start:end``):
    "Hitler's demands for more “living space”", "his call for “calm”" (a partial quote of
    someone's words, not a term).
    """
    head = heads(resolver.doc)
    token = resolver.doc[next((i for i in range(start, end) if not start <= head[i] < end), start)]
    for _ in range(MAX_NOUN_CLIMB):
        if token.head.i == token.i or token.dep_ not in ("pobj", "prep", "dobj", "appos"):
            return None
        token = token.head
        if token.pos_ == "NOUN" and token.lower_ in CLAIM_NOUNS:
            owners = [
                c for c in token.children if c.dep_ == "poss" and not resolver.layout.is_quoted(c)
            ]
            return resolver.resolve_noun_phrase(owners[0]) if owners else None
    return None


def _signed_by(resolver: SpeakerResolver, span: QuoteSpan) -> Speaker | None:
    """The person a quotation is handed to with no verb at all: '“...,” Mary Kane, director
    of the agency.' (a comma after the words, then a name that ends its clause)."""
    text = resolver.text
    if "," not in text[span.end : span.close_at + 2]:
        return None
    doc = resolver.doc
    after = doc.char_span(span.close_at, span.close_at + 1, alignment_mode="expand")
    if after is None:
        return None
    i = after.end
    while i < len(doc) and doc[i].is_punct and doc[i].text != "\n":
        i += 1
    if i >= len(doc) or resolver.layout.paragraph(doc[i].idx) != resolver.layout.paragraph(
        span.start
    ):
        return None
    entity = resolver.entity_at(doc[i])
    if entity is None or entity.type != PERSON:
        return None
    j = i
    while j + 1 < len(doc) and resolver.entity_at(doc[j + 1]) is entity:
        j += 1
    following = doc[j + 1] if j + 1 < len(doc) else None
    ends_clause = following is None or following.text in (",", ".", ";") or "\n" in following.text
    if not ends_clause:
        return None
    return speaker_of(entity)


def _introduced_by_colon(resolver: SpeakerResolver, span: QuoteSpan) -> Speaker | None:
    """The person whose clause a colon hands over to a quotation ('Al-Kahlout does not hide
    it: “We consider this one of the hardest decisions.”'): the subject of that clause."""
    before = _token_before(resolver.doc, span.open_at)
    if before is None or before.text != ":" or resolver.layout.is_quoted(before):
        return None
    verb = before.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or resolver.layout.is_quoted(verb):
        return None
    speaker = resolver.subject_of(verb)
    return speaker if speaker is not None and speaker.type == PERSON else None


def _headline_source(resolver: SpeakerResolver, span: QuoteSpan) -> bool:
    """'Prison official: ‘Anyone’ could escape': a source, a colon and its words, no verb at
    all before the colon (a headline's attribution). The words are speech, even unnamed."""
    before = _token_before(resolver.doc, span.open_at)
    if before is None or before.text != ":" or resolver.layout.is_quoted(before):
        return False
    start, _ = resolver.layout.segments[resolver.layout.segment_of(before)]
    lead = [t for t in resolver.doc[start : before.i] if not t.is_punct and not t.is_space]
    return bool(lead) and not any(t.pos_ in ("VERB", "AUX") for t in lead)


def _is_term(doc: Any, resolver: SpeakerResolver, reading: QuoteReading) -> bool:
    """Scare-quote rules of the module docstring."""
    span = reading.span
    quoted = resolver.text[span.start : span.end]
    words = quoted.split()
    # '"The End," he said' is speech: the comma hands the words over to a speaker.
    comma = "," in resolver.text[span.end : span.close_at + 2]
    if _is_name(words) and not comma and (not reading.direct or len(words) <= MAX_TERM_WORDS):
        return True
    before = resolver.text[max(0, reading.span.open_at - 20) : reading.span.open_at]
    if len(words) <= MAX_TERM_WORDS and _SO_CALLED.search(before):
        return True  # 'benignly branded "intelligent video analytics."', 'the rubric of "security"'
    if len(words) > MAX_TERM_WORDS:
        return False  # read first: the verbs below need a Token for every word
    verbs = [t for t in reading.tokens if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"]
    if verbs or quoted[-1:] in _SENTENCE_END:
        return False  # a quoted sentence is never a term, whatever its script
    if not reading.direct:
        return True
    if reading.reported:
        return False  # a partial quote: 'He said the troops would be a "security guarantee"'
    inside = {t.i for t in reading.tokens}
    head = next((t for t in reading.tokens if t.head.i not in inside), reading.tokens[0])
    if head.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    # a modifier of a noun outside the marks: "gig economy" workers
    modifier = head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN")
    previous = _token_before(doc, reading.span.open_at)
    opens_np = previous is not None and (
        previous.lower_ in _NP_OPENERS or previous.text in _POSSESSIVE
    )
    single_noun = len(words) == 1 and head.pos_ in ("NOUN", "PROPN")
    if not (modifier or opens_np or single_noun):
        return False
    token = head.head
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token.i not in inside:
            return not resolver.is_speech_verb(token)
        if token.head.i == token.i:
            break
        token = token.head
    return True


def _is_name(words: list[str]) -> bool:
    """A title or name in capitals ("CBS This Morning", "Who Has Your Back?"), not a sentence."""
    if len(words) < 2 or words[-1][-1:] in ".,":
        return False
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in _NAME_PARTICLES for w in words[1:]
    )


def _key(resolver: SpeakerResolver, reading: QuoteReading) -> str:
    return resolver.text[reading.span.start : reading.span.end].lower()


def _token_before(doc: Any, char: int) -> Any | None:
    bounds = char_tokens(doc, char, char + 1, "expand")
    if bounds is None or bounds[0] == 0:
        return None
    return doc[bounds[0] - 1]
