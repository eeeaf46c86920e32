"""Saved web pages: article body and metadata, not menus, ads, comments or scripts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.core.errors import LoadError
from reader.core.loaders import load_article
from reader.core.loaders.html import LITTLE_TEXT_NOTICE, NO_TEXT_NOTICE

from .checks import assert_consistent

ARTICLE = [
    "KYIV, March 16 (Reuters) - Ukraine and its allies met in Paris on Sunday to discuss "
    "security guarantees after any ceasefire, officials said.",
    "French President Emmanuel Macron told regional newspapers that several European "
    "countries had expressed their willingness to join a possible deployment.",
    "He said the contingents would be sent to key locations and would conduct training "
    "programmes, as a show of long-term support for the country.",
    "The British prime minister said his government was ready to contribute troops and "
    "aircraft, and would host a further meeting in London next week.",
]

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Allies discuss guarantees | Example News</title>
<meta property="og:title" content="Allies discuss security guarantees">
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-16T09:30:00+02:00">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Allies discuss security guarantees", "datePublished": "2025-03-16T09:30:00+02:00",
  "author": {{"@type": "Person", "name": "Jane Reporter"}}}}
</script>
<script>var tracker = "SCRIPT-MARKER"; document.write("SCRIPT-MARKER");</script>
<style>.ad {{ color: red }}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/login">Sign in</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<div class="ad advertisement">ADVERT-MARKER Buy now!</div>
<main><article>
<h1>Allies discuss security guarantees</h1>
<p class="byline">By Jane Reporter</p>
{paragraphs}
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>COMMENT-MARKER I disagree with this article entirely.</p></div></section>
</main>
<footer><p>FOOTER-MARKER © 2025 Example News. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""


def _page(tmp_path: Path, html: str, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def test_article_body_and_metadata(tmp_path: Path) -> None:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE)
    article = load_article(_page(tmp_path, PAGE.format(paragraphs=paragraphs)))
    assert article.format == "html"
    assert article.text == "\n".join(ARTICLE)
    for marker in ("SCRIPT-MARKER", "ADVERT-MARKER", "COMMENT-MARKER", "FOOTER-MARKER"):
        assert marker not in article.text
    assert "Sign in" not in article.text
    assert article.title == "Allies discuss security guarantees"
    assert article.byline == "Jane Reporter"
    assert article.published == dt.date(2025, 3, 16)
    assert article.dateline == "Kyiv"
    assert article.site == "Reuters"
    assert article.notices == []
    assert_consistent(article)


def test_declared_date_wins_over_dates_in_the_page(tmp_path: Path) -> None:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE)
    html = PAGE.format(paragraphs=paragraphs).replace(
        "<main>", '<main><p class="updated">Updated 14 May 2025</p>'
    )
    assert load_article(_page(tmp_path, html)).published == dt.date(2025, 3, 16)


def test_page_without_article_text_opens_with_a_notice(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Menu</title></head><body><nav><ul>"
        + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(20))
        + "</ul></nav></body></html>"
    )
    article = load_article(_page(tmp_path, html))
    assert article.title == "Menu"
    assert NO_TEXT_NOTICE in article.notices or LITTLE_TEXT_NOTICE in article.notices
    assert_consistent(article)


def test_short_page_says_little_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Brief</title></head><body><article>"
        "<p>Only one short paragraph of text is on this page today.</p>"
        "</article></body></html>"
    )
    article = load_article(_page(tmp_path, html))
    assert "Only one short paragraph" in article.text
    assert LITTLE_TEXT_NOTICE in article.notices


def test_other_language_gets_a_notice(tmp_path: Path) -> None:
    german = [
        "Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz beschlossen, "
        "das die Förderung von Bahnstrecken zwischen den großen Städten deutlich erhöht.",
        "Die Opposition kritisierte, dass die Mittel für ländliche Regionen nicht ausreichen "
        "und viele kleine Bahnhöfe weiterhin ohne barrierefreien Zugang bleiben werden.",
        "Der Verkehrsminister verteidigte den Entwurf und kündigte weitere Gespräche mit den "
        "Ländern im Herbst an, bevor die ersten Projekte ausgeschrieben werden.",
    ]
    html = (
        "<html lang='de'><head><title>Bahn</title></head><body><article>"
        + "".join(f"<p>{text}</p>" for text in german)
        + "</article></body></html>"
    )
    article = load_article(_page(tmp_path, html))
    assert any("not seem to be in English" in notice for notice in article.notices)


@pytest.mark.parametrize("depth", [300, 100_000])
def test_deeply_nested_html_is_refused_clearly(tmp_path: Path, depth: int) -> None:
    html = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + "<p>Deep text.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    with pytest.raises(LoadError, match="nested too deeply"):
        load_article(_page(tmp_path, html))


def test_moderate_nesting_is_fine(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE)
    html = (
        "<html><head><title>Nested</title></head><body>"
        + "<div>" * 100
        + f"<article>{paragraphs}</article>"
        + "</div>" * 100
        + "</body></html>"
    )
    assert load_article(_page(tmp_path, html)).text == "\n".join(ARTICLE)


def test_cp1252_page_with_meta_charset(tmp_path: Path) -> None:
    text = "Café “Zur Post” – naïve déjà vu in Köln, where the façade was restored last year."
    html = (
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article>'
        + f"<p>{text}</p>" * 5
        + "</article></body></html>"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1252"))
    article = load_article(path)
    assert article.text.split("\n")[0] == text


def test_failing_metadata_step_still_gives_the_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """htmldate can trip an lxml assertion on damaged markup (found by the fuzzer)."""
    from reader.core.loaders import html as module

    real = module.trafilatura.bare_extraction

    def metadata_fails(tree: object, *, with_metadata: bool, **options: object) -> object:
        if with_metadata:
            raise AssertionError("lxml drop_tree: parent is None")
        return real(tree, with_metadata=False, **options)

    monkeypatch.setattr(module.trafilatura, "bare_extraction", metadata_fails)
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE)
    article = load_article(_page(tmp_path, PAGE.format(paragraphs=paragraphs)))
    assert article.text.endswith("\n".join(ARTICLE))
    assert article.published == dt.date(2025, 3, 16)  # declared in the page's JSON-LD
    assert article.title == "Allies discuss guarantees | Example News"  # from <title>


def test_extraction_that_always_fails_is_a_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.loaders import html as module

    def broken(*args: object, **kwargs: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(module.trafilatura, "bare_extraction", broken)
    paragraphs = "\n".join(f"<p>{text}</p>" for text in ARTICLE)
    with pytest.raises(LoadError, match="could not be read as a web page"):
        load_article(_page(tmp_path, PAGE.format(paragraphs=paragraphs)))
