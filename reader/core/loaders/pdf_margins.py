"""Lines a PDF's page layout or a browser's printing adds around the text, found and dropped.

Running headers and footers repeat at the top or bottom of most pages (page numbers ignored);
bare page numbers; a browser's print header and footer (the date and time of printing, the
page's title, its address, a page counter). Never every line: a PDF whose pages all repeat
keeps them.
"""

from __future__ import annotations

import re
from collections import Counter

EDGE_LINES = 2
"""How many lines at the top and at the bottom of a page may be a running header or footer."""
REPEAT_SHARE = 0.5
"""A line at a page edge on at least this share of pages (and two or more) is a running line."""
PAGE_NUMBER = re.compile(
    r"^(?:(?:page\s*)?[-–—\s]*\d{1,4}[-–—\s]*(?:(?:of|/)\s*\d{1,4})?|[ivxlc]{1,7})$", re.I
)
PRINT_STAMP = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
)
"""The date and time a browser stamps on each printed page ("12/2/26, 3:16 PM")."""
PRINT_ADDRESS = re.compile(r"(?:https?|file)://\S+")
PRINT_COUNTER = re.compile(r"\b(?:page\s+)?\d{1,4}\s*(?:/|of)\s*\d{1,4}\b", re.I)


def drop_running_lines(
    pages: list[list[str]], title: str | None = None, notices: list[str] | None = None
) -> list[str]:
    """All lines in order, without running headers/footers, page numbers and a browser's
    print header and footer (``is_print_line``); "\f" between pages.

    Never all of them: when every line with text would go (each page the same few lines), the
    lines are kept and ``notices`` gets a sentence saying so.
    """
    with_text = [page for page in pages if any(page)]
    running = _running_keys(with_text)
    result: list[str] = []
    for page in with_text:
        edges = set(_edge_indices(page))
        for index, line in enumerate(page):
            if index in edges and (
                _key(line) in running or PAGE_NUMBER.match(line) or is_print_line(line, title)
            ):
                continue
            result.append(line)
        result.append("\f")
    if with_text and not any(line and line != "\f" for line in result):
        if notices is not None:
            notices.append(
                "Every line of this PDF repeats on each page, so none was dropped as a "
                "running header or footer."
            )
        return [line for page in with_text for line in [*page, "\f"]]
    return result


def _running_keys(pages: list[list[str]]) -> set[str]:
    """The lines (as ``_key``) that run along the page edges.

    Pattern: a running header or footer sits at the top or bottom of most pages and nowhere
    else. A line the body itself repeats (a refrain, a table's row, a paragraph printed twice)
    lands at an edge now and then only because pages break there: a line found inside pages
    at least as often as at their edges is text.
    """
    at_edges: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    for page in pages:
        edges = set(_edge_indices(page))
        at_edges.update({_key(page[index]) for index in edges})
        inside.update(_key(line) for index, line in enumerate(page) if line and index not in edges)
    needed = max(2, REPEAT_SHARE * len(pages))
    return {key for key, count in at_edges.items() if count >= needed and inside[key] < count}


def is_print_line(line: str, title: str | None = None) -> bool:
    """Whether a line at a page's edge is what a browser prints around a web page.

    Pattern: the print header and footer hold only the date and time of printing, the page's
    title (the PDF's /Title), its address and a page counter: "12/2/26, 3:16 PM  Wildfires
    in Greece" above and "https://example.com/story  1/4" below (Chromium), "Page 1 of 4" and
    the same stamp (Firefox). A line needs a stamp or an address, and nothing else but those.
    """
    rest, stamps = PRINT_STAMP.subn(" ", line)
    rest, addresses = PRINT_ADDRESS.subn(" ", rest)
    if not stamps and not addresses:
        return False
    rest = PRINT_COUNTER.sub(" ", rest)
    if title:
        rest = rest.replace(title, " ")
    return not rest.strip()


def _edge_indices(page: list[str]) -> list[int]:
    filled = [index for index, line in enumerate(page) if line]
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line).casefold()
