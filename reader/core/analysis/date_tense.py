"""Which way a date expression points in time, read from the verb of its clause (spaCy parse).

"will meet on Monday" looks forward, "met on Monday" back, and so does a modal's perfect ("may
have left on Friday"); the present progressive looks ahead as far as an arrangement does, and
back to an event it goes on after ("are cleaning up after Sunday's storm"); a modal of
obligation looks forward ("must register by Friday"); a plan looks forward ("is due to present
on March 4", "the summit is set for March") unless the plan itself is past ("was slated to
speak on Saturday", which points either way: unknown); "since", "ago" look back; a bare verb
takes the tense of the verb it depends on. ``date_resolution`` turns the tense into a
direction for weekdays and year-less months. Also the clause a date belongs to
(``clause_verb``), which ``date_context`` uses to give a year-less month its clause's year.
"""

from __future__ import annotations

from typing import Any, Protocol

from reader.core.analysis.date_years import Tense


class Containing(Protocol):
    """Spans that answer whether a range lies inside one of them (the article's quotations)."""

    def containing(self, start: int, end: int) -> bool: ...


FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "should", "may", "might"})
FUTURE_PERFECT_MODALS = frozenset({"will", "'ll", "shall"})
"""The future perfect ("by Thursday the river will have risen two metres") is done by a moment
ahead; other modals' perfects ("may have left", "would have reached") look back."""
OBLIGATION_AUX = frozenset({"must", "can", "ca"})
"""Modals of obligation and permission: "voters must register by Friday", "residents can apply
until Friday" set what is to be done, so the day lies ahead ("could" is also a past ability,
"could not attend on Friday", and stays out)."""
PAST_AUX = frozenset({"have", "has", "had", "'ve", "was", "were", "been"})
PROGRESSIVE_PRESENT = frozenset({"is", "are", "am", "'s", "'re"})
PROGRESSIVE_AHEAD: Tense = "present"
"""The present progressive looks ahead as an arrangement does ("the union is meeting
management on Thursday"), and an arrangement lies near: read as a schedule's present, a day
more than about nine months ahead (``SCHEDULE_HORIZON_DAYS``) is no plan but the date of the
event an ongoing activity is about ("police are investigating a shooting on March 10", written
on March 19: the March 10 just gone), so it takes the nearest year."""
AFTER_EVENT = frozenset({"after", "following"})
"""Prepositions that set an ongoing activity after an event ("residents are cleaning up after
Sunday's storm"): see ``_ongoing_after_event``."""
# Words that make what follows a plan: "due to present", "planned for", "invited to join".
FUTURE_CUES = frozenset(
    {
        "due", "planned", "scheduled", "expected", "set", "slated", "upcoming", "forthcoming",
        "going", "plans", "plan", "intends", "aims", "hopes", "wants", "invited", "asked",
        "agreed", "promised", "pledged", "vowed", "threatened", "likely", "poised", "ready",
        "prepared", "preparing", "next",
    }
)  # fmt: skip
PREDICTION_CUES = frozenset({"forecast", "forecasted", "predicted", "projected", "tipped", "bound"})
"""Passives of prediction before "to": what "the storm is forecast to hit on Friday", "the bill
is projected to pass on Thursday" predict lies ahead, as a plan does."""
FUTURE_CUES |= PREDICTION_CUES
NEWS_PEG = frozenset({"comes", "come"})
FOLLOWS = frozenset({"follows", "follow"})
"""Present verbs that set the news against an event (the "peg"): "the move follows Tuesday's
vote", "the decision comes days after Sunday's election". The event is behind the news, so it
is past, not a timetable's present: see ``_news_peg``."""
POSTPONED = frozenset(
    {"postponed", "delayed", "deferred", "adjourned", "rescheduled", "moved", "pushed", "put",
     "suspended", "extended", "brought"}
)  # fmt: skip
"""Verbs that move an event or a deadline to a new time ("the trial was adjourned until Monday",
"the vote has been pushed back to April 12"): see ``_moved_to``."""
REPORTING = frozenset(
    {"say", "says", "tell", "tells", "add", "adds", "argue", "argues", "note", "notes", "write",
     "writes", "warn", "warns", "claim", "claims", "report", "reports", "insist", "insists"}
)  # fmt: skip
SCHEDULED_ONSETS = frozenset(
    f"{verb}{ending}"
    for verb in ("begin", "start", "commence", "resume", "expire", "open", "close", "end")
    for ending in ("", "s")
)
"""Present forms (the pipeline has no lemmatizer) of verbs naming when a scheduled state
starts or stops. In the simple present they state a timetable ("the law takes effect in
January", "the season opens in April"), so a date they govern lies ahead, however far;
a caption's present ("speaks during a debate on December 29") keeps the nearest date."""
_IN_FORCE = frozenset({"effect", "force"})
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "ccomp", "acl", "relcl"})


def governing_tense(doc: Any, start: int, end: int, quotes: Containing | None = None) -> Tense:
    """Past, present, future or unknown, from the verb that governs the expression.

    A verb on the other side of a quotation mark is not the date's own (the small model
    sometimes runs a quote and the next sentence together): then the tense is unknown.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return "unknown"
    node = span.root
    quoted = quotes.containing(start, end) if quotes else False
    if any(child.lower_ == "ago" for child in node.children):
        return "past"
    after_event = False
    for _ in range(12):
        head = node.head
        if head is node:
            return "unknown"
        if head.lower_ == "since" and node.dep_ == "pobj":
            return "past"
        if head.lower_ in AFTER_EVENT and head.pos_ == "ADP" and node.dep_ == "pobj":
            after_event = True
        if node.dep_ == "pobj" and _moved_to(head):
            return "future"
        cues = [head] if head.lower_ in FUTURE_CUES else []
        cues += [
            c for c in head.children
            if c.dep_ in ("amod", "acomp", "attr") and c.lower_ in FUTURE_CUES
        ]  # fmt: skip
        if cues:  # "planned for March", "the expected date", "is due in December"
            return "unknown" if _plan_in_the_past(cues[0]) else "future"
        if head.pos_ in ("VERB", "AUX"):
            if quotes and quotes.containing(head.idx, head.idx) != quoted:
                return "unknown"
            verb = _attachment_fix(head, span.root)
            if (after_event and _ongoing_after_event(verb)) or _news_peg(verb, after_event):
                return "past"
            return verb_tense(verb)
        node = head
    return "unknown"


STATE_OF_THINGS = frozenset({"has", "have"})
"""Present verbs that describe how things stand, beside existential "there is/are"."""
_OPENING_MARKS = frozenset({"\u201c", '"', "\u2018", "'"})


def means_nowadays(doc: Any, start: int, end: int) -> bool:
    """Whether a fronted "Today" means "nowadays", not the calendar day.

    Set against the past ("Before the war, there was a shortage. Today there are no
    medicines at all"; "Today, the firm has 500 staff"), a sentence-initial "Today" modifying
    an existential "there is/are" or a possessive "has/have" in the present describes how things
    stand now, not what happens on the day: it has no calendar value. Events keep theirs
    ("Today the minister signed the bill", "Today the president is in Paris").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].lower_ != "today":
        return False
    today = span[0]
    fronted = today.is_sent_start or (today.i > 0 and doc[today.i - 1].text in _OPENING_MARKS)
    if not fronted:
        return False
    verb = today.head
    if today.dep_ != "npadvmod" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    existential = verb.lower_ in ("is", "are") and any(c.dep_ == "expl" for c in verb.children)
    return existential or verb.lower_ in STATE_OF_THINGS


def in_past_perfect(doc: Any, start: int, end: int) -> bool:
    """Whether the verb governing an expression is in the past perfect ("had left on
    Thursday"): an event before a past moment the sentence has set."""
    verb = _verb_above(doc, start, end)
    if verb is None:
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBN" and "had" in auxes


def _verb_above(doc: Any, start: int, end: int) -> Any | None:
    """The first verb above an expression's root in the parse (within 12 heads), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    for _ in range(12):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


BACKSHIFTED_FUTURE = frozenset({"would", "'d"})


def reported_future(doc: Any, start: int, end: int) -> int | None:
    """Whether the verb governing an expression is a future reported in the past: "would" in
    a clause that a past verb reports ("officials said on Friday that talks would resume on
    Monday"). The future is seen from the moment of speech, not from publication ("will"
    keeps the writer's own now: "said on Monday that it will cut jobs on Friday"). The token
    index of the reporting verb, or None."""
    verb = _verb_above(doc, start, end)
    if verb is None:
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    head = verb.head
    reported = (
        bool(auxes & BACKSHIFTED_FUTURE)
        and verb.dep_ == "ccomp"
        and head.pos_ in ("VERB", "AUX")
        and head.tag_ == "VBD"
    )
    return int(head.i) if reported else None


def spoken_in(doc: Any, start: int, end: int) -> int | None:
    """Token index of the verb whose clause an expression dates (``clause_verb``), with an
    adjunct between a reporting verb and its clause's subject given to the reporting verb ("said
    in November it would ...", hung by the parser on "would": see ``_attachment_fix``)."""
    index = clause_verb(doc, start, end)
    span = doc.char_span(start, end, alignment_mode="expand")
    if index is None or span is None or len(span) == 0:
        return index
    fixed: int = _attachment_fix(doc[index], span.root).i
    return fixed


def clause_verb(doc: Any, start: int, end: int) -> int | None:
    """Token index of the main verb of the clause an expression is in, or None.

    An adverbial clause belongs to the clause it modifies ("After denying the rumours in the
    summer of 2004, he announced ... in mid-August" is one clause of "announced"); a clause
    modifying a noun does not ("The deal, signed in 2015, expires in October").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    node = span.root
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX") and node is not span.root:
            break
        if node.head is node:
            return node.i if node.pos_ in ("VERB", "AUX") else None
        node = node.head
    else:
        return None
    for _ in range(6):
        head = node.head
        if node.dep_ == "advcl" and head.pos_ in ("VERB", "AUX"):
            node = head
        elif node.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            node = head.head
        else:
            break
    index: int = node.i
    return index


def _attachment_fix(verb: Any, date: Any) -> Any:
    """The verb a date really belongs to when the parser hung it on the clause after it.

    In "Trump said on Sunday he would speak on Tuesday" the small model attaches "on Sunday"
    to "speak"; an adjunct between the reporting verb and the subject of its clause belongs
    to the reporting verb.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    head = verb.head
    if (
        verb.dep_ == "ccomp"
        and subjects
        and head.pos_ in ("VERB", "AUX")
        and head.i < date.i < subjects[0].i
    ):
        return head
    return verb


def verb_tense(verb: Any, depth: int = 0) -> Tense:
    """Tense of one verb from its auxiliaries and tag; bare verbs inherit from their head."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    modal = auxes & (FUTURE_AUX | OBLIGATION_AUX | {"could"})
    if modal and "have" in auxes and verb.tag_ == "VBN":
        # a modal's perfect looks back ("may have left on Friday"), but the future perfect
        # looks ahead to the moment by which it is done
        return "future" if modal & FUTURE_PERFECT_MODALS else "past"
    if auxes & (FUTURE_AUX | OBLIGATION_AUX):
        return "future"
    if "to" in auxes:
        head = verb.head
        if head.lower_ in FUTURE_CUES:
            return "unknown" if _plan_in_the_past(head) else "future"
        if head.i == verb.i:
            return "future"
        return _inherit(verb, depth)
    tag = verb.tag_
    if tag == "VBD" or (tag == "VBN" and (auxes & PAST_AUX or verb.dep_ in ("acl", "amod"))):
        return "past"
    if tag == "VBG":
        if auxes & PROGRESSIVE_PRESENT:
            return PROGRESSIVE_AHEAD
        if auxes & {"was", "were"}:
            return "past"
        return _inherit(verb, depth)
    if tag in ("VBZ", "VBP"):
        if verb.lower_ in REPORTING:
            return "unknown"
        return "future" if _names_scheduled_onset(verb) else "present"
    if tag in ("VB", "VBN"):
        return _inherit(verb, depth)
    return "unknown"


def _ongoing_after_event(verb: Any) -> bool:
    """Whether a verb is in the present progressive, so that an event it follows is past.

    "Residents are cleaning up after Sunday's storm", "the minister is facing criticism after
    Monday's vote": what is going on now comes after the event, so the event has happened.
    A simple present ("shops reopen after Monday's holiday") is a timetable and a future
    ("will resume after Sunday's vote") looks ahead: both keep their own direction.
    """
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and bool(auxes & PROGRESSIVE_PRESENT)


def _news_peg(verb: Any, after_event: bool) -> bool:
    """Whether a present verb sets the news after the event a date belongs to: "the move
    follows Tuesday's vote" (any date it governs), "the arrest comes a week after the attack
    on Saturday" (a date reached through "after"). "The decision comes ahead of Sunday's
    vote" keeps looking ahead."""
    if verb.tag_ not in ("VBZ", "VBP"):
        return False
    return verb.lower_ in FOLLOWS or (after_event and verb.lower_ in NEWS_PEG)


def _moved_to(preposition: Any) -> bool:
    """Whether a preposition gives the new time of a postponement ("adjourned until Monday",
    "pushed back to April 12", "put off till Friday"): that time lies ahead of the move, and a
    move a story reports is recent, so the date lies ahead of publication, whatever the tense
    of the verb that moved it."""
    if preposition.lower_ not in ("until", "till", "to") or preposition.pos_ != "ADP":
        return False
    verb = preposition.head
    if verb.dep_ in ("prt", "advmod") and verb.lower_ in ("back", "off", "forward"):
        verb = verb.head
    return verb.lower_ in POSTPONED and verb.pos_ in ("VERB", "AUX")


def _names_scheduled_onset(verb: Any) -> bool:
    """Whether a verb is one of SCHEDULED_ONSETS, or "take effect" / "come (go) into force"."""
    if verb.lower_ in SCHEDULED_ONSETS:
        return True
    if verb.lower_ in ("take", "takes"):
        return any(c.dep_ == "dobj" and c.lower_ in _IN_FORCE for c in verb.children)
    if verb.lower_ in ("come", "comes", "go", "goes"):
        return any(
            c.dep_ == "prep"
            and c.lower_ == "into"
            and any(g.lower_ in _IN_FORCE for g in c.children)
            for c in verb.children
        )
    return False


def _plan_in_the_past(cue: Any) -> bool:
    """Whether a plan word is itself in the past ("was slated to introduce him on Saturday",
    "he was asked to break the news on Dec. 18", "had planned to"): the plan points forward
    from a past moment, so the date may lie on either side of publication (unknown)."""
    auxes = {c.lower_ for c in cue.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"was", "were", "had"} or cue.tag_ == "VBD":
        return True
    head = cue.head  # "was due to", "were likely to": the copula carries the tense
    return cue.dep_ in ("acomp", "attr") and head.lower_ in ("was", "were")


ONSET_PARTICIPLES = frozenset({"starting", "beginning", "commencing"})
"""Participles used as prepositions of onset ("Starting Monday, visitors must book"): the day
is when the clause they open takes hold, so it has that clause's tense."""


def _opens_from(verb: Any) -> bool:
    """Whether a verb is an onset participle heading a prepositional phrase ("Starting Monday")."""
    return verb.dep_ == "prep" and verb.lower_ in ONSET_PARTICIPLES


def _inherit(verb: Any, depth: int) -> Tense:
    """A bare verb takes its head verb's tense ("will meet ... and then travel on Tuesday")."""
    head = verb.head
    if head.i == verb.i or depth > 6:
        return "unknown"
    if verb.dep_ not in INHERITING_DEPS and not _opens_from(verb):
        return "unknown"
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        if head.lower_ in FUTURE_CUES:
            return "future"
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return "unknown"
    return verb_tense(head, depth + 1)
