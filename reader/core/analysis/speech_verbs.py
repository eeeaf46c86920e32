"""Verbs that report speech ("say", "add", "tell", ...), recognised in any inflection.

The pipeline runs without its lemmatizer (it is not needed elsewhere and costs time), so the
few inflections of these verbs are undone here by rule.
"""

from __future__ import annotations

from typing import Any

SPEECH_VERBS = frozenset(
    {
        "say", "add", "tell", "write", "warn", "insist", "state", "declare", "explain",
        "note", "argue", "claim", "announce", "ask", "reply", "respond", "answer", "comment",
        "remark", "stress", "emphasise", "emphasize", "urge", "call", "describe", "admit",
        "acknowledge", "assert", "maintain", "recall", "suggest", "conclude", "confirm",
        "deny", "predict", "promise", "pledge", "vow", "tweet", "post", "shout", "whisper",
        "joke", "quip", "complain", "concede", "caution", "speak", "testify", "repeat",
        "observe", "mention", "accuse", "proclaim", "reiterate", "underline", "retort", "quote",
        "agree", "continue", "confide", "relate",
    }
)  # fmt: skip
IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "writes": "write",
}  # fmt: skip
WEAK_VERBS = frozenset(
    {"respond", "answer", "ask", "call", "post", "repeat", "observe", "agree", "continue"}
)
"""Verbs that report speech only sometimes ("respond forcefully"); a stronger one above wins."""
GO_FORMS = frozenset({"go", "goes", "went", "going", "gone"})
"""Forms of "go", a speech verb with the particle "on" ('"...," she went on')."""
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "it": "n",
}  # fmt: skip
"""Pronouns a speaker may be named by; "n" (it) stands for an organization or a country."""


SPEECH_NOUNS = frozenset(
    {
        "statement", "statements", "comment", "comments", "remark", "remarks", "message",
        "warning", "response", "reply", "announcement", "appeal", "plea", "speech",
        "messages", "warnings", "responses", "replies", "announcements", "appeals", "pleas",
        "speeches",
    }
)  # fmt: skip
"""Nouns of a speech act, which a light verb turns into saying: "she issued a statement",
"he had a more succinct statement", "they gave a warning" (the subject is the speaker)."""
CLAIM_NOUNS = SPEECH_NOUNS | frozenset(
    {
        "demand", "demands", "call", "calls", "words", "promise", "promises", "claim",
        "claims", "pledge", "pledges", "vow", "accusation", "accusations", "insistence",
        "description", "assertion", "speeches",
    }
)  # fmt: skip
"""Nouns of what someone said, whose possessor is the speaker of a quotation they hold:
"Hitler's demands for more 'living space'", "the minister's call for 'calm'"."""


def is_light_speech_verb(token: Any) -> bool:
    """A verb whose direct object is a speech noun ("issued a statement", "made remarks")."""
    return token.pos_ in ("VERB", "AUX") and any(
        child.dep_ == "dobj" and child.lower_ in SPEECH_NOUNS for child in token.children
    )


def speech_lemma(word: str) -> str | None:
    """The base form if ``word`` is an inflection of a speech verb, else None."""
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word in SPEECH_VERBS:
        return word
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "d"):
        if not word.endswith(suffix) or len(word) <= len(suffix) + 1:
            continue
        stem = word[: -len(suffix)]
        candidates = [stem, stem + "e"]
        if suffix in ("ied", "ies"):
            candidates.append(stem + "y")
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])  # admitted -> admit
        for base in candidates:
            if base in SPEECH_VERBS:
                return base
    return None
