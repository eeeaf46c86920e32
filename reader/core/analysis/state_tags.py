"""US party-state tags after a legislator's name: "Rep. Ann Hale (D-Calif.)".

American news writes a member of Congress's party and state in parentheses after the name,
the party as one capital (D, R, I) joined by a hyphen to the state in its AP abbreviation
("N.C.", "Ill.") or, for the short names AP never abbreviates, in full ("R-Texas"). The small
model leaves the state of the tag untagged (it reads "D-Calif." as a compound noun), though it
names a place, the same one as the state's full name (``places.state_name``). The tag's shape
is the evidence: a lone abbreviation elsewhere ("Ind." for independent, "Miss." for a title)
is not searched for.
"""

from __future__ import annotations

import re

from reader.core.analysis.literal_trie import longest_first
from reader.core.analysis.places import STATE_ABBREVIATIONS

# States AP writes in full in every position, beside the abbreviated ones' full names.
_UNABBREVIATED = ("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Texas", "Utah")
_STATES = {*STATE_ABBREVIATIONS, *STATE_ABBREVIATIONS.values(), *_UNABBREVIATED}
_TAG = re.compile(r"\((?:D|R|I|Ind)\s?[-‐–]\s?(?P<state>" + longest_first(_STATES) + r")\s?\)")


def party_state_tags(text: str) -> list[tuple[int, int]]:
    """Character spans of the state in every party-state tag of ``text`` ("N.C." of "(R-N.C.)")."""
    return [(m.start("state"), m.end("state")) for m in _TAG.finditer(text)]
