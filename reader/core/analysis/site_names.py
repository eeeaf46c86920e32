"""The publication's own name in its text is an organization: media named in credits and bylines.

A page names its site in credits and attributions ("Axios' Kaveh Waddell reports", "he tells
Axios", "Download the NOW Grenada app"), and the small model often misses it or calls it a person.
The loader knows the site (``Article.site``: "axios.com", "The Tico Times | Costa Rica News"), so
its name is looked for as written: the part before a " | " tagline, with and without a leading
"The" (longest first), or a web address's name capitalised ("Axios", "AXIOS"). A one-word name is
not taken at a sentence start, where any word is capitalised ("Wired"), unless a possessive
follows it ("Axios' Kaveh Waddell").
"""

from __future__ import annotations

import re

_DOMAIN = re.compile(r"(?:www\.)?([a-z0-9][a-z0-9-]*)\.(?:com|net|org|co\.uk|co|news|tv|io)")


def name_forms(site: str | None) -> list[str]:
    """How the site's name is written in running text, longest first."""
    if not site:
        return []
    name = site.split(" | ")[0].strip()
    domain = _DOMAIN.fullmatch(name.lower())
    if domain:
        base = domain.group(1)
        forms = {base.capitalize(), base.upper()} if base.isalpha() else set()
    else:  # "The Economist" is the paper's name, capital "The" included, and so is "Economist"
        forms = {name, name.removeprefix("The ").strip()}
    return sorted((f for f in forms if len(f) >= 3), key=lambda f: (-len(f), f))


def occurrences(text: str, site: str | None) -> list[tuple[int, int]]:
    """Character spans of the site's name in ``text``, whole words, case as written."""
    spans: list[tuple[int, int]] = []
    for form in name_forms(site):
        for match in re.finditer(r"(?<![\w.])" + re.escape(form) + r"(?!\w)", text):
            start, end = match.span()
            if any(s < end and start < e for s, e in spans):
                continue
            possessive = text.startswith(("'", "’"), end)
            if " " not in form and _sentence_start(text, start) and not possessive:
                continue
            spans.append((start, end))
    return sorted(spans)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"
