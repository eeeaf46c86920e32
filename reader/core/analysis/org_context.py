"""A name the words around it call an organization is one, wherever the article writes it.

Linguistic patterns, in any English news text, where the small model leaves a company's or a
group's name untagged, calls it a place or a work of art:

1. a common noun of an organization's kind names the class of the name beside it: before it
   ("the retailer Brantwell", "tech giant Zoomit"), in apposition ("another company, Pelco,"),
   or before "like" / "such as" ("resistance groups like Indivisible"), and so does every
   name listed after that one ("groups like Indivisible, Kelpline and Tidewatch");
2. the name modifies a noun that only an organization has: "a Zoomit spokesperson", "Pelco
   shares", "the Sinaloa drug cartel", "the campaign's Facebook page", "his Twitter account".

The name (a run of capitalised proper nouns) then is an organization, and so is every other
mention written the same way (one sense per article). A name the model calls a person keeps
that type under pattern 2 ("a Trump spokesperson": a person has a spokesperson too), and a
name the place data knows (country, territory, city, US state) stays a place.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress
from typing import Any

from reader.core.analysis import name_kinds, name_lists, places, rules, title_case
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import country_key, normalise, territory_code
from reader.core.analysis.doc_columns import sent_starts, sentence_initial, span_texts, word_hashes
from reader.core.analysis.runner import doc_ents, doc_text, token_column
from reader.core.model import COUNTRY, ORGANIZATION, PERSON, PLACE

_CLASS_NOUNS = """
    company companies firm firms startup start-up startups retailer retailers airline airlines
    carrier broadcaster broadcasters newspaper newspapers magazine magazines network networks
    platform platforms app apps cartel cartels gang gangs charity charities nonprofit
    non-profit insurer lender automaker carmaker manufacturer conglomerate giant group groups
    organization organizations organisation organisations outlet outlets publisher brand
    brands developer subsidiary chain supermarket club clubs team teams side bank banks union
    unions agency agencies insurers lenders operator operators provider providers maker makers
    distributor supplier suppliers contractor contractors
"""
CLASS_NOUNS: frozenset[str] = frozenset(_CLASS_NOUNS.split())
"""Lower-case nouns of an organization's kind, written before or beside its name."""

_OWNED_NOUNS = """
    spokesperson spokesman spokeswoman spokespeople spokesmen spokeswomen shares stock
    shareholders cartel subsidiary subsidiaries account accounts page feed channel website
    employees staffers executives headquarters fans customers subscribers
"""
OWNED_NOUNS: frozenset[str] = frozenset(_OWNED_NOUNS.split())
"""Lower-case nouns that a name modifies only when it is an organization's (or a person's)."""


def _known_place(text: str) -> bool:
    return bool(
        country_key(text) or territory_code(text) or places.is_city(text) or places.state_name(text)
    )


def _name_token(token: Any) -> bool:
    return (
        token.is_alpha
        and token.text[0].isupper()  # "Zoomit", "IBM", "BioMarine"
        and len(token) > 1
        and token.lower_ not in rules.TITLE_WORDS
    )


def _name_flags(doc: Any) -> list[bool]:
    """``_name_token`` of every token, read from token columns (a Token for each is slow)."""
    text = doc_text(doc)
    titles = word_hashes(doc, rules.TITLE_WORDS)  # as LOWER holds them
    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    lower = token_column(doc, "LOWER")
    flags = [False] * len(idx)
    for i in compress(range(len(idx)), token_column(doc, "IS_ALPHA")):
        flags[i] = text[idx[i]].isupper() and length[i] > 1 and lower[i] not in titles
    return flags


class _Context:
    """What patterns 1 and 2 read of one Doc's tokens, as columns (see ``doc_columns``)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text_of = span_texts(doc)
        self.names = _name_flags(doc)
        self.starts = sent_starts(doc)
        self.initial = sentence_initial(doc)
        self.orth = token_column(doc, "ORTH")
        self.lower = token_column(doc, "LOWER")
        self.is_lower = token_column(doc, "IS_LOWER")
        self.pos = token_column(doc, "POS")
        strings = doc.vocab.strings  # as the columns hold words and parts of speech
        self.like, self.as_, self.such, self.noun, self.comma = (
            strings[word] for word in ("like", "as", "such", "NOUN", ",")
        )
        self.joins = {strings[word]: word for word in (",", "and", "or")}
        self.class_nouns = word_hashes(doc, CLASS_NOUNS)
        self.owned_nouns = word_hashes(doc, OWNED_NOUNS)

    def name_run(self, i: int) -> tuple[int, int]:
        """The run of capitalised words around token ``i``, within its sentence."""
        names, starts = self.names, self.starts
        start, end = i, i + 1
        while start > 0 and names[start - 1] and not starts[start - 1]:
            start -= 1
        while end < len(names) and names[end] and not starts[end]:
            end += 1
        return start, end

    def class_before(self, start: int) -> bool:
        """ "the retailer Brantwell", "groups like Indivisible", "groups such as Indivisible"."""
        lower = self.lower
        i = start - 1
        if i >= 1 and lower[i] == self.like:
            i -= 1
        elif i >= 2 and lower[i] == self.as_ and lower[i - 1] == self.such:
            i -= 2
        return i >= 0 and bool(self.is_lower[i]) and lower[i] in self.class_nouns

    def listed_with(self, start: int, end: int) -> list[tuple[int, int]]:
        """ "companies like Zoomit, Kelpline, and Brantwell": the names listed after the first
        example of a class noun's "like" / "such as" (see ``name_lists``)."""
        lower = self.lower
        if not (lower[start - 1] == self.like or lower[start - 1] == self.as_):
            return []
        return name_lists.listed_after(
            end, self.names, self.starts, lambda i: self.joins.get(lower[i], ""), self.name_run
        )

    def appositive_to_class(self, start: int, end: int) -> bool:
        """ "another company, Pelco, announced": the name stands in apposition to a class
        noun (the comma first: a span's root costs more)."""
        if self.orth[start - 1] != self.comma:
            return False
        root = self.doc[start:end].root
        return bool(root.dep_ == "appos" and root.head.is_lower and root.head.lower_ in CLASS_NOUNS)

    def owned_after(self, end: int) -> bool:
        """ "a Zoomit spokesperson", "the Sinaloa drug cartel": lower-case nouns after the
        name, the last of them one that an organization has."""
        i = end
        while i < len(self.pos) and self.is_lower[i] and self.pos[i] == self.noun:
            if self.lower[i] in self.owned_nouns:
                return True
            i += 1
        return False


def _organizations_by_context(context: _Context) -> dict[str, bool]:
    """Surfaces (normalised) the context calls an organization; True where the class noun
    says so (pattern 1, which may overrule the model's PERSON), False for pattern 2 only."""
    found: dict[str, bool] = {}
    initial = context.initial
    after = 0  # the end of the last run looked at
    for i in [i for i, name in enumerate(context.names) if name and not initial[i]]:
        if i < after:
            continue
        start, end = context.name_run(i)
        after = end
        if start < i or initial[start]:
            continue
        key = normalise(context.text_of(start, end))
        if start > 0 and context.class_before(start):
            found[key] = True
            for listed in context.listed_with(start, end):  # the model's PERSON stays
                found.setdefault(normalise(context.text_of(*listed)), False)
                after = listed[1]
        elif start > 0 and context.appositive_to_class(start, end):
            found[key] = True
        elif context.owned_after(end):
            found.setdefault(key, False)
    return found


def organizations_by_context(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """Candidates (and untagged name runs) that the patterns above call organizations."""
    context = _Context(doc)
    found = _organizations_by_context(context)
    if not found:
        return cands
    out = []
    covered: set[int] = set()
    for c in cands:
        covered.update(range(c.start, c.end))
        text = context.text_of(c.start, c.end)
        key = normalise(text)
        if (
            key in found
            and not c.fixed
            and not _known_place(text)
            and (c.type in (None, PLACE) or (c.type == PERSON and found[key]))
        ):
            c = replace(c, label="ORG", type=ORGANIZATION, key=None)
        out.append(c)
    taken = {t for ent in doc_ents(doc) for t in range(ent.start, ent.end)} | covered
    after = 0
    for i in [i for i, name in enumerate(context.names) if name]:
        if i < after or i in taken:
            continue
        start, end = context.name_run(i)
        after = end
        text = context.text_of(start, end)
        if (
            normalise(text) in found
            and not taken.intersection(range(start, end))
            and not context.initial[start]
            and not _known_place(text)
        ):
            out.append(Candidate(start, end, "ORG", ORGANIZATION))
    return out


def _capitalised(token: Any) -> bool:
    """A word of a name: capitalised, letters only ("Seven", "FC", "Health"), not "The"."""
    return bool(token.is_alpha and token.text[0].isupper() and token.lower_ != "the")


def _head_first_end(doc: Any, end: int) -> int:
    """Where "<Head> of/on [the] <Name>" ends ("Ministry of Health", "House Committee on
    Financial Services"), chaining further "of"/"and" links; ``end`` if none. An
    infinitive "to" joins a name too, and its object ("Committee to Protect Journalists",
    "Committee to Reelect the President"): "to" the parse marks as a verb's, not a place's."""
    best, i, links = end, end, name_kinds.HEAD_FIRST_LINKS
    if end + 1 < len(doc) and doc[end].lower_ == "to" and doc[end].dep_ == "aux":
        links = links | {"to"}
    while i + 1 < len(doc) and doc[i].lower_ in links and not doc[i].is_sent_start:
        j = i + 1 + (doc[i + 1].lower_ == "the")
        if j >= len(doc) or not _capitalised(doc[j]) or doc[j].is_sent_start:
            break
        k = j
        while k < len(doc) and _capitalised(doc[k]) and not doc[k].is_sent_start:
            k += 1
        if any(t.ent_type_ in ("DATE", "TIME") for t in doc[j:k]):
            break  # "the Senate on Monday"
        if doc[i].lower_ == "on" and k - j < 2:
            break  # "Parliament on Brexit": a topic; "Council on Foreign Relations" is a name
        if doc[i].lower_ == "and" and (
            doc[k - 1].text in name_kinds.HEAD_FIRST_BODIES
            or any(t.lower_ in rules.PERSON_TITLES for t in doc[j:k])
        ):
            break  # "the Ministry of Health and Ministry of Education", "... and Mayor Lee"
        if doc[i].lower_ == "to" and k < len(doc) and doc[k].lower_ == "the":
            links = frozenset({"the"})  # the infinitive's object: "... to Reelect the President"
            best, i = k, k
            continue
        best, i, links = k, k, name_kinds.HEAD_FIRST_LINKS | {"and"}
    return best


def _own_word_spans(doc: Any, skip: bytearray, places_at: set[int]) -> list[tuple[int, int]]:
    """Token spans of names that say themselves they are bodies (see ``bodies_by_own_words``);
    no "of" name grows from a place the model found ("the West Bank on ...").

    The flags come from the Doc's token columns (making a Token per word costs more than the
    rest), the text of capitalised words only; a run is looked at further only when its first
    or last word could make it a body's name."""
    text = doc_text(doc)
    idx, length = token_column(doc, "IDX"), token_column(doc, "LENGTH")
    starts = [flag == 1 for flag in token_column(doc, "SENT_START")]
    caps = [False] * len(idx)
    words: dict[int, str] = {}
    for i in (i for i, alpha in enumerate(token_column(doc, "IS_ALPHA")) if alpha):
        at = idx[i]
        if text[at].isupper() and not skip[at]:
            word = words[i] = text[at : at + length[i]]
            caps[i] = word not in ("The", "THE")
    last_words = name_kinds.HEAD_FIRST_BODIES | name_kinds.ORGANIZATION_HEADS
    last_words |= name_kinds.LEGAL_FORMS | name_kinds.CLUB_LAST_WORDS
    found = []
    i, n = 0, len(caps)
    while i < n:
        if not caps[i]:
            i += 1
            continue
        start, end = i, i + 1
        while end < n and caps[end] and not starts[end]:
            end += 1
        i = end
        if words[end - 1] not in last_words and words[start] not in name_kinds.CLUB_FIRST_WORDS:
            continue
        if words[end - 1] in name_kinds.HEAD_FIRST_BODIES and start not in places_at:
            full = _head_first_end(doc, end)
            if full > end:
                found.append((start, full))
                i = full
                continue
        span = doc[start:end]
        if name_kinds.named_as_body(span.text) and all(t.pos_ == "PROPN" for t in span):
            found.append((start, end))
    return found


def bodies_by_own_words(doc: Any, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Names whose own words say they are organizations, where the model missed them or cut
    them into pieces.

    3. the name's last word is a body's head noun, a legal form or a club's word, and every
       word of it is a proper noun ("Atlantis Semiconductors", "Marlow Town FC");
    4. a body's head noun comes first and "of" or "on" joins it to the rest of the name
       ("Ministry of Health", "Group of Seven").

    The name replaces the model's spans inside it, never one that runs past it or that the
    rules fixed, nor the model's own typed reading of the same extent ("West Bank"), nor an
    event's name; a title-case line (a headline) is left alone, since there every word is
    capitalised.
    """
    skip = bytearray(len(text))
    for start, end in title_case.doc_title_case_lines(doc):
        skip[start:end] = b"\x01" * (end - start)
    places_at = {c.start for c in cands if c.type in (PLACE, COUNTRY)}
    spans = _own_word_spans(doc, skip, places_at)
    if not spans:
        return cands
    owners: dict[int, list[int]] = {}
    for n, c in enumerate(cands):
        for t in range(c.start, c.end):
            owners.setdefault(t, []).append(n)
    dropped: set[int] = set()
    added = []
    for start, end in spans:
        inside = {n for t in range(start, end) for n in owners.get(t, ())}
        covered = [cands[n] for n in inside]
        if any(c.start < start or c.end > end or c.fixed for c in covered):
            continue
        if any((c.start, c.end) == (start, end) and c.type not in (None, PERSON)
               for c in covered):  # fmt: skip
            continue  # the model's own reading of exactly this name stands
        name = doc[start:end]
        if _known_place(name.text) or name_kinds.facility_name(name.text):
            continue
        if name_kinds.event_head(name) or name_kinds.happening_name(name):
            continue
        dropped |= inside
        added.append(Candidate(start, end, "ORG", ORGANIZATION))
    return [c for n, c in enumerate(cands) if n not in dropped] + added


def coordinated_with_organizations(doc: Any, cands: list[Candidate]) -> list[Candidate]:
    """5. Names coordinated with an organization are of its kind: a one-word proper noun in
    "Zoomit, Twitter and Telegram" or "Google and Meta" that the model left untagged, called a
    person or an unknown place is an organization too. A word of a person's name found
    elsewhere in the article stays that person ("Musk and Tesla"), a known place stays a place.
    """
    person_words = {
        w
        for c in cands
        if c.type == PERSON and c.end - c.start > 1
        for w in doc[c.start : c.end].text.split()
    }
    at = {c.start: n for n, c in enumerate(cands) if c.end - c.start == 1}
    covered = {t for c in cands for t in range(c.start, c.end)}
    out = list(cands)
    added: dict[int, Candidate] = {}
    for c in cands:
        if c.type != ORGANIZATION:
            continue
        # the other members of its coordination ("X, Y and Z"; spaCy leaves the token out)
        for word in doc[c.start : c.end].root.conjuncts:
            if word.pos_ != "PROPN" or not word.is_alpha or not word.text[0].isupper():
                continue
            if any(child.dep_ == "compound" for child in word.children):
                continue  # a name of several words: its own
            if word.text in person_words or _known_place(word.text) or word.i in added:
                continue
            n = at.get(word.i)
            if n is None:
                if (
                    word.i not in covered
                    and not word.ent_type_  # "March" (DATE) is no name of a body
                    and not rules.is_sentence_initial(word)
                ):
                    added[word.i] = Candidate(word.i, word.i + 1, "ORG", ORGANIZATION)
                continue
            other = out[n]
            if not other.fixed and other.type in (None, PERSON, PLACE):
                out[n] = replace(other, label="ORG", type=ORGANIZATION, key=None)
    return out + list(added.values())
