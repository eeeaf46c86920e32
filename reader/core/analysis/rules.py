"""Rules that fix the small model's usual mistakes on wire news, one reliable rule each.

Each rule is measured: ``bench/accuracy.py --ablation`` shows what each one adds on the
hand-labelled fixtures, and tests/core/analysis/test_entities_rules.py holds sentences where the
model fails without it. An EntityRuler with country names was measured too and lowered F1 (it
tags "Japan" inside "Japan Aerospace Exploration Agency", "Sudan" inside "Port Sudan"), so
fixes are post-processing of the model's spans. The span conventions (docs/schema.md):

- a person's title or role is not part of the name ("President Emmanuel Macron" ->
  "Emmanuel Macron", "French President Emmanuel Macron" too);
- a lower-case "the" is never part of a mention ("the United States" -> "United States"); a
  capitalised "The" inside a sentence is part of a name ("with reference to The Guardian") and
  is added when the model left it out; a sentence-initial "The" is dropped, since case says
  nothing there;
- the possessive ("'s", "’s", "'") and surrounding punctuation are not part of a mention;
- trailing lower-case words are not part of a name ("Georgian Dream party" -> "Georgian Dream",
  "Apple 500 million" -> "Apple").

Where a span is cut into names before it is cleaned is in ``span_splits``; the spans the
text's own form gives (date header, wire dateline, photo credits) in ``wire_lines``.
"""

from __future__ import annotations

import re
from typing import Any

from reader.core.analysis import name_kinds
from reader.core.analysis.doc_columns import span_texts
from reader.core.analysis.runner import token_column

# Words that introduce a name without being part of it (lower case). Multi-word titles
# ("Prime Minister", "Foreign Secretary") are covered word by word.
_TITLES = """
    president vice prime minister deputy chancellor secretary foreign defence defense interior
    finance state general attorney senator sen sen. rep rep. representative congressman
    congresswoman governor gov gov. mayor king queen prince princess crown pope cardinal
    archbishop bishop rabbi imam sheikh emir sultan ayatollah mr mr. mrs mrs. ms ms. dr dr.
    prof prof. professor sir dame lord lady judge justice ambassador envoy commissioner
    chairman chairwoman chair chief executive ceo director spokesman spokeswoman spokesperson
    coach captain striker midfielder defender goalkeeper manager colonel col col. lieutenant
    lt lt. major maj maj. sergeant sgt sgt. admiral commander field marshal gen gen. brigadier
    officer minister-president premier speaker leader former late acting incoming outgoing
    opposition agency head top senior new then-president then-prime economy trade health
    education climate labour labor justice culture energy
    supervisor superintendent supt supt. inspector insp insp. corporal cpl cpl. constable pc
    detective det det. hon hon. honourable honorable rev rev. reverend pastor father
    councillor councilor councilman councilwoman alderman assemblyman assemblywoman
    assemblymember delegate magistrate sheriff trustee private pte pvt capt capt.
"""
TITLE_WORDS: frozenset[str] = frozenset(_TITLES.split())

# Abbreviated honorifics and ranks (lower case, dot removed): written only before a person's
# name, so a span that starts with one is a person ("Dr Mitchell" tagged ORG) and, inside a
# longer span, the name starts after it ("Leader of the House Dr Jane Roe").
_HONORIFICS = """
    mr mrs ms miss dr prof supt insp cpl sgt det rev hon sen gov rep pc lt col capt maj gen
    cmdr adm brig
"""
HONORIFICS: frozenset[str] = frozenset(_HONORIFICS.split())

# Lower-case particles that belong to a surname ("de la Fuente", "van der Leyen", "al-Sisi").
# Titles that only ever precede a person's name (a stricter set than TITLE_WORDS).
_PERSON_TITLES = """
president chancellor minister secretary senator governor mayor king queen prince princess pope
mr mr. mrs mrs. ms ms. dr dr. sir dame judge ambassador commissioner coach premier
"""
PERSON_TITLES: frozenset[str] = frozenset(_PERSON_TITLES.split())

_PARTICLES = "de del della der den di da das dos du la le van von ter al el bin ibn abu"
NAME_PARTICLES: frozenset[str] = frozenset(_PARTICLES.split())

# Names that are organizations whatever the model says: seats of power that news uses for the
# institution inside them (it tags "the White House" FAC in one sentence and ORG in the next),
# and unions of states that it tags GPE ("the EU") though they are not countries.
ALWAYS_ORGANIZATIONS = frozenset(
    {
        "EU",
        "E.U.",
        "European Union",
        "African Union",
        "UN",
        "U.N.",
        "United Nations",
        "NATO",
        "White House",
        "Kremlin",
        "Pentagon",
        "Downing Street",
        "Whitehall",
        "Élysée",
        "Elysee",
        "Élysée Palace",
        "Elysee Palace",
        "Quai d'Orsay",
        "Capitol Hill",
        "Blue House",
        "Zhongnanhai",
    }
)

DASHES = frozenset({"-", "–", "—", "--"})

ARTICLE = re.compile(r"^[Tt]he$")
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
GLUED_POSSESSIVE = re.compile(r"\w[‘'’]s$")


def is_sentence_initial(token: Any) -> bool:
    """True at the start of a sentence or of a line (the model may miss line breaks)."""
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return (prev.is_space and "\n" in prev.text) or prev.text_with_ws.endswith("\n")


def _is_title_at(doc: Any, i: int) -> bool:
    """Token ``i`` is a title word or a nationality word, read from the token columns: asked
    of the model's every ORG span, where a Token a word cost more than the test."""
    from reader.core.analysis.countries import demonym_code

    lower = doc.vocab.strings[token_column(doc, "LOWER")[i]]
    return lower in TITLE_WORDS or demonym_code(span_texts(doc)(i, i + 1)) is not None


def clean_span(doc: Any, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Token bounds of a name after the span rules above; None when nothing is left.

    Reads the per-Doc token columns (``runner.token_column``) and the Doc's text, not a Token
    per look: the model's every span passes here."""
    punct, space = token_column(doc, "IS_PUNCT"), token_column(doc, "IS_SPACE")
    lower, word = token_column(doc, "IS_LOWER"), span_texts(doc)  # word(i, i + 1): a token's text
    # Punctuation and spaces at either edge.
    while start < end and (punct[start] or space[start]):
        start += 1
    while end > start and (punct[end - 1] or space[end - 1]):
        end -= 1
    if start >= end or not any(map(str.isupper, word(start, end))):
        return None  # a name has a capital letter: never "n’t" or "said"
    # Possessive (and what follows it, e.g. a stray "'s" mid-span never belongs to the name),
    # except inside a body's name before its head noun ("Workers’ Party", "People's Bank").
    for i in range(start + 1, end):
        if word(i, i + 1) in POSSESSIVE:
            if (
                label == "ORG"
                and i + 1 < end
                and word(i + 1, i + 2) in name_kinds.ORGANIZATION_HEADS
            ):
                continue
            end = i
            break
    # A possessive the tokenizer left glued on because it is written with an opening quote
    # mark for the apostrophe ("The Economist‘s Open Future"): the name ends with that word.
    for i in range(start, end - 1):
        if GLUED_POSSESSIVE.search(word(i, i + 1)):
            end = i + 1
            break
    # Leading article; after a dash ("Kaieteur News – The Petroleum Commission is ...") a new
    # clause starts, as at a sentence start.
    first = word(start, start + 1)
    if ARTICLE.match(first) and end - start > 1:
        keep = (
            first == "The"
            and not is_sentence_initial(doc[start])
            and not (start > 0 and word(start - 1, start) in DASHES)
        )
        if not keep:
            start += 1
            while end - start > 1 and punct[start]:  # 'the “Committee to ...”'
                start += 1
    elif (
        label != "PERSON"
        and start > 0
        and word(start - 1, start) == "The"
        and not is_sentence_initial(doc[start - 1])
    ):
        start -= 1
    # A person's titles, roles and nationality adjectives before the name, and whatever comes
    # before an honorific inside the span ("Leader of the House Dr Jane Roe").
    if label == "PERSON":
        start = max(start, after_last_honorific(doc, start, end))
        while end - start > 1 and (
            _is_title_at(doc, start) or (lower[start] and doc[start].lower_ not in NAME_PARTICLES)
        ):
            start += 1
    # "pro-Russian", "anti-American": the nationality word is the last part.
    if label == "NORP":
        while end - start > 1 and (lower[start] or word(start, start + 1) in "-–"):
            start += 1
    # Leading lower-case words of a body's name ("the state Democratic Party"), and an ordinal
    # the model left out ("4th District Court of Appeal").
    if label == "ORG":
        while end - start > 1 and lower[start] and doc[start].lower_ not in NAME_PARTICLES:
            start += 1
        if (
            start > 0
            and ORDINAL.fullmatch(word(start - 1, start))
            and token_column(doc, "IS_TITLE")[start]
        ):
            start -= 1
    # Trailing lower-case words, then the numbers they qualified ("Apple 500 million").
    alpha, spacy = token_column(doc, "IS_ALPHA"), token_column(doc, "SPACY")
    stripped = False
    while (
        end - start > 1
        and lower[end - 1]
        and alpha[end - 1]
        and spacy[end - 2]  # not the tail of a hyphenated word ("Co-operation")
    ):
        end -= 1
        stripped = True
    if stripped:
        like_num = token_column(doc, "LIKE_NUM")
        while end - start > 1 and like_num[end - 1]:
            end -= 1
    while end > start and (punct[end - 1] or space[end - 1]):
        end -= 1
    return (start, end) if start < end else None


# A footnote number glued after a word ("Boris Shor.3"), edge punctuation inside a token
# ("-Biden" of "anti-Biden"), a possessive the tokenizer left on ("Meadows’").
_EDGE_LEFT = re.compile(r"^[-–—'’‘\"“(]+")
_EDGE_RIGHT = re.compile(r"(?:\.\d+|['’‘]s?|[\"”),;:!?]+)$")

# Nouns that only a person stands in apposition to: "his sister, Inderdai Deyal".
_PERSON_NOUNS = """
    sister brother mother father son daughter wife husband widow widower aunt uncle niece nephew
    cousin grandmother grandfather grandson granddaughter child friend neighbour neighbor
    partner girlfriend boyfriend fiancée fiance fiancé lawyer attorney relative
"""
PERSON_NOUNS: frozenset[str] = frozenset(_PERSON_NOUNS.split())


def trim_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of a mention without what a token carried on its edges."""
    left = _EDGE_LEFT.match(text)
    right = _EDGE_RIGHT.search(text)
    new_start = start + (left.end() if left else 0)
    new_end = end - (len(right.group()) if right else 0)
    return new_start, max(new_start, new_end)


def after_person_noun(doc: Any, start: int, end: int) -> bool:
    """A name right after "<kin or person noun>," is that person ("Ramdehol's sister,
    Inderdai Deyal said"), whatever the model tagged it."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    noun = doc[start - 2]
    return (
        noun.pos_ == "NOUN"
        and noun.lower_ in PERSON_NOUNS
        and all(t.is_title for t in doc[start:end])
    )


def is_honorific(token: Any) -> bool:
    """ "Dr", "Supt.", "Mrs": an abbreviated title that only stands before a person's name."""
    return token.is_title and token.lower_.rstrip(".") in HONORIFICS


def after_last_honorific(doc: Any, start: int, end: int) -> int:
    """Index just past the last honorific in the span that a capitalised word follows, or start."""
    found = start
    for i in range(start, end - 1):
        following = i + 1 + (doc[i + 1].text == ".")
        if is_honorific(doc[i]) and following < end and doc[following].is_title:
            found = following
    return found


def starts_with_honorific(doc: Any, start: int, end: int) -> bool:
    """ "Dr Mitchell", "Supt. Mary Kane": an honorific, then only capitalised name words."""
    if end - start < 2 or not token_column(doc, "IS_TITLE")[start] or not is_honorific(doc[start]):
        return False  # the name's words are read only after an honorific (most spans: none)
    words = [t for t in doc[start + 1 : end] if t.text != "."]
    return bool(words) and all(t.is_alpha and t.is_title for t in words)


def part_of_title(doc: Any, start: int, end: int) -> bool:
    """ "Secretary of State", "Minister of Health": an ORG span of title words after
    "<title> of" completes the title before a name, not an organization."""
    if start < 2 or token_column(doc, "LOWER")[start - 1] != doc.vocab.strings["of"]:
        return False
    return _is_title_at(doc, start - 2) and all(_is_title_at(doc, i) for i in range(start, end))


def facility_name(text: str) -> bool:
    """ "Tanegashima Space Center", "Heathrow Airport", "Baker Road": a place, though tagged
    ORG (the words are in ``name_kinds``)."""
    return name_kinds.facility_name(text)


def after_person_title(doc: Any, start: int, end: int) -> bool:
    """ "Chancellor Olaf Scholz" is a person even when the model says ORG: a short
    capitalised name right after a title that only people carry."""
    if start == 0 or not 1 <= end - start <= 3:
        return False
    alpha, title = token_column(doc, "IS_ALPHA"), token_column(doc, "IS_TITLE")
    if not all(alpha[i] and title[i] for i in range(start, min(end, len(alpha)))):
        return False  # the columns, not a Token a word: asked of most of the model's spans
    prev = doc[start - 1]
    return prev.lower_ in PERSON_TITLES and prev.is_title


def only_title_words(doc: Any, start: int, end: int) -> bool:
    """ "Interior", "British Energy": words of a title before a name, tagged ORG by mistake."""
    # the word after first: most spans are followed by a word of no title
    if end >= len(doc) or not _is_title_at(doc, end):
        return False
    return all(_is_title_at(doc, i) for i in range(start, end))


def looks_like_full_name(doc: Any, start: int, end: int) -> bool:
    """Two or three capitalised words, as "Giorgia Meloni" or "Luiz Lula"."""
    return 2 <= end - start <= 3 and all(t.is_alpha and t.is_title for t in doc[start:end])


def is_language_use(span: Any) -> bool:
    """ "in French" names a language, not a nationality: a lone NORP object of "in"."""
    if len(span) != 1:
        return False
    token = span[0]
    return bool(token.dep_ == "pobj" and token.head.lower_ == "in")


def preceded_by_article(doc: Any, start: int) -> bool:
    """A lower-case "the" before a person span means it is not a person ("the Moon")."""
    return start > 0 and doc[start - 1].text == "the"
