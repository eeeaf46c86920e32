"""The annotated HTML copy in a real browser: headless Chromium, driven over DevTools.

Checks what a reader of the shared file sees: highlights in the right colours and numbers,
the optional layers hidden, a click on an entity lighting up its mentions, nothing fetched
from the network, the Content-Security-Policy in force, and hostile article text inert.
Screenshots go to build/e2e/ (or $ENTITY_READER_ARTIFACTS) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.colors import colors_for
from reader.core.export.formats import save
from reader.core.model import EXTRA_TYPES, HIGHLIGHTED_TYPES, Annotations
from tests.conftest import REPO, require_tool
from tests.core.export.cdp import Browser
from tests.core.export.png import color_counts

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _artifacts() -> Path:
    folder = Path(os.environ.get("ENTITY_READER_ARTIFACTS", REPO / "build" / "e2e"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    chromium = require_tool("chromium")
    opened = Browser(chromium, tmp_path / "profile")
    try:
        yield opened
    finally:
        opened.close()


def _requests(browser: Browser) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
    ]


def _log(browser: Browser) -> list[str]:
    return [
        e["params"]["entry"]["text"] for e in browser.events if e.get("method") == "Log.entryAdded"
    ]


def _center(browser: Browser, selector: str) -> tuple[float, float]:
    """Scroll the element into view at once and return its centre, for a real click.

    A previous click may have started a smooth scroll; wait until the page stops moving so the
    coordinates are still right when the click lands.
    """
    browser.send(
        "Runtime.evaluate",
        {
            "expression": """new Promise(function (done) {
                var last = -1, still = 0;
                (function tick() {
                  var y = window.scrollY;
                  still = (y === last) ? still + 1 : 0;
                  last = y;
                  if (still >= 5) { done(true); } else { setTimeout(tick, 30); }
                }());
              })""",
            "awaitPromise": True,
        },
    )
    x, y = browser.evaluate(
        f"""(function () {{ var el = document.querySelector({selector!r});
             el.scrollIntoView({{block: "center", behavior: "instant"}});
             var r = el.getBoundingClientRect();
             return [r.x + r.width / 2, r.y + r.height / 2]; }}())"""
    )
    return x, y


def _blocked(browser: Browser) -> set[str]:
    """Request ids the browser refused because of the Content-Security-Policy."""
    return {
        e["params"]["requestId"]
        for e in browser.events
        if e.get("method") == "Network.loadingFailed" and e["params"].get("blockedReason") == "csp"
    }


MENTIONS_BY_TYPE = """(function () {
  var out = {};
  document.querySelectorAll("mark.ent").forEach(function (m) {
    var t = m.getAttribute("data-type");
    out[t] = out[t] || {};
    out[t][m.getAttribute("data-mention")] = true;
  });
  Object.keys(out).forEach(function (t) { out[t] = Object.keys(out[t]).length; });
  return out;
}())"""

STYLE_BY_TYPE = """(function () {
  var out = {};
  document.querySelectorAll("mark.ent").forEach(function (m) {
    var s = getComputedStyle(m);
    out[m.getAttribute("data-type")] = [s.backgroundColor, s.borderBottomColor];
  });
  return out;
}())"""


@pytest.mark.model
def test_highlights_colours_counts_and_click(
    analysed_sample: Annotations, browser: Browser, tmp_path: Path
) -> None:
    page = save(analysed_sample, tmp_path / "sample.html")
    url = page.as_uri()
    browser.open(url)

    expected = {}
    for entity in analysed_sample.entities:
        expected[entity.type] = expected.get(entity.type, 0) + entity.mention_count
    assert browser.evaluate(MENTIONS_BY_TYPE) == expected  # the headline's names count too
    headline = sorted(m.text for e in analysed_sample.entities for m in e.title_mentions)
    assert headline, "the sample's headline names people the body names"
    assert (
        browser.evaluate(
            "Array.prototype.map.call(document.querySelectorAll('header h1 mark.ent'),"
            " function (m) { return m.textContent; }).sort()"
        )
        == headline
    )

    styles = browser.evaluate(STYLE_BY_TYPE)
    for entity_type in expected:
        colors = colors_for(entity_type)
        if entity_type in HIGHLIGHTED_TYPES:
            assert styles[entity_type] == [_rgb(colors.background), _rgb(colors.color)]
        else:  # places and nationalities start hidden, as in the app
            assert styles[entity_type] == ["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"]

    shot = browser.screenshot(tmp_path / "page.png")
    shutil.copy(tmp_path / "page.png", _artifacts() / "export-chromium.png")
    pixels = color_counts(shot)
    for entity_type in HIGHLIGHTED_TYPES:
        colors = colors_for(entity_type)
        assert pixels[colors.background] > 200, f"{entity_type} highlights are not on screen"
        assert pixels[colors.color] > 50, f"{entity_type} underline / swatch is not on screen"
    for entity_type in EXTRA_TYPES:
        assert pixels[colors_for(entity_type).background] == 0

    # a real mouse click on the most mentioned person in the entity list
    person = max(
        (e for e in analysed_sample.entities if e.type == "person"), key=lambda e: e.mention_count
    )
    browser.click(*_center(browser, f'button.ent-btn[data-entity="{person.id}"]'))
    focused = browser.evaluate(
        """[Array.prototype.map.call(document.querySelectorAll("mark.focus"),
              function (m) { return m.getAttribute("data-mention"); }),
            document.getElementById("status").textContent,
            document.body.classList.contains("focusing")]"""
    )
    assert len(set(focused[0])) == person.mention_count
    assert focused[1] == f"{person.name}: {person.mention_count} mentions"
    assert focused[2] is True
    browser.screenshot(tmp_path / "clicked.png")
    shutil.copy(tmp_path / "clicked.png", _artifacts() / "export-chromium-clicked.png")

    # Escape clears the selection; a click on "Places" in the legend shows that layer
    browser.press("Escape", 27)
    assert browser.evaluate("document.querySelectorAll('.focus, body.focusing').length") == 0
    browser.click(*_center(browser, 'button[data-layer="t-place"]'))
    if "place" in expected:
        place = colors_for("place")
        shown = browser.evaluate(STYLE_BY_TYPE)["place"]
        assert shown == [_rgb(place.background), _rgb(place.color)]

    assert _requests(browser) == [url]
    assert not any("Content Security Policy" in text for text in _log(browser)), _log(browser)


def test_page_loads_nothing_and_csp_blocks_anything_else(
    small: Annotations, browser: Browser, tmp_path: Path
) -> None:
    page = save(small, tmp_path / "small.html")
    browser.open(page.as_uri())
    assert browser.evaluate("document.querySelectorAll('mark.ent').length") == 9
    # the page's own script and style ran under the policy...
    assert browser.evaluate("document.body.className") == "hide-t-place hide-t-nationality"
    # ...and nothing else may: an injected inline script, a fetch, an image
    ran = browser.evaluate(
        """(function () { var s = document.createElement("script");
             s.textContent = "window.injected = 1;"; document.body.appendChild(s);
             return window.injected === 1; }())"""
    )
    assert ran is False
    browser.send(
        "Runtime.evaluate",
        {
            "expression": "fetch('https://example.invalid/x').then(function(){return 1},"
            "function(){return 0})",
            "awaitPromise": True,
        },
    )
    browser.evaluate("var i = new Image(); i.src = 'https://example.invalid/p.png'; 1")
    browser.send(
        "Runtime.evaluate",
        {"expression": "new Promise(function (r) { setTimeout(r, 300); })", "awaitPromise": True},
    )
    # the image request was refused by the policy before it left the browser
    attempted = [
        e["params"]["requestId"]
        for e in browser.events
        if e.get("method") == "Network.requestWillBeSent"
        and e["params"]["request"]["url"] != page.as_uri()
    ]
    assert attempted and set(attempted) <= _blocked(browser)
    assert not [
        e
        for e in browser.events
        if e.get("method") == "Network.responseReceived"
        and e["params"]["response"]["url"] != page.as_uri()
    ]
    refusals = [t for t in _log(browser) if "Content Security Policy" in t]
    assert len(refusals) >= 2, _log(browser)


def test_clicking_a_quote_or_date_shows_it_in_the_text(
    small: Annotations, browser: Browser, tmp_path: Path
) -> None:
    page = save(small, tmp_path / "small.html")
    browser.open(page.as_uri())
    flashed = "Array.prototype.map.call(document.querySelectorAll('.flash'), e => e.textContent)"
    browser.click(*_center(browser, "aside li[data-quote]"))
    assert "".join(browser.evaluate(flashed)) == small.quotes[0].text  # pieces around marks
    browser.click(*_center(browser, "aside li[data-date]"))
    assert browser.evaluate(flashed) == ["Saturday"]
    # the speaker inside a quote still selects the person, not the quote
    browser.click(*_center(browser, "aside li[data-quote] button.ent-btn"))
    assert browser.evaluate("document.getElementById('status').textContent") == (
        "Emmanuel Macron: 2 mentions"
    )


def test_hostile_article_runs_nothing(
    hostile: Annotations, browser: Browser, tmp_path: Path
) -> None:
    page = save(hostile, tmp_path / "hostile.html")
    browser.open(page.as_uri())
    assert browser.evaluate("document.querySelectorAll('img, svg, b, iframe').length") == 0
    assert browser.evaluate("document.querySelectorAll('script').length") == 2
    assert browser.evaluate("document.title") == hostile.article.title
    body_text = browser.evaluate("document.querySelector('article').textContent")
    assert "<img src=x onerror=alert(1)>" in body_text
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    assert not [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert _requests(browser) == [page.as_uri()]
