"""Invisible format characters never reach the text: soft hyphens in every long word (issue 13)."""

from __future__ import annotations

from reader.core.loaders.builder import drop_invisible
from reader.core.loaders.html import parse_html
from reader.core.loaders.text import parse_text

from .checks import assert_consistent


def test_soft_hyphens_and_zero_width_spaces_are_dropped() -> None:
    assert drop_invisible("Pre\u00adsi\u00addent Ema\u200bnuela Lo\u2060pez") == (
        "President Emanuela Lopez"
    )


def test_joiners_inside_a_latin_word_are_dropped_but_shape_emoji_and_scripts() -> None:
    assert drop_invisible("Ma\u200dria Gon\u200czalez said") == "Maria Gonzalez said"
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert drop_invisible(f"a {family} b") == f"a {family} b"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert drop_invisible(persian) == persian
    assert drop_invisible("\u05e9\u200f\u05dc") == "\u05e9\u200f\u05dc"


def test_html_page_with_a_soft_hyphen_in_every_long_word() -> None:
    body = (
        "<p>Gov\u00adern\u00adment spokes\u00adwoman Ame\u00adlia Hart\u00adley spoke.</p>"
        "<p>\u00ad</p><p>The Min\u00adistry of Fish\u00aderies agreed.</p>"
    )
    head = "<head><title>Ti\u00adtle</title></head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    article = parse_html(page.encode("utf-8"), "t.html", "t.html")
    assert_consistent(article)
    assert "\u00ad" not in article.text and article.title == "Title"
    assert "Government spokeswoman Amelia Hartley spoke." in article.text
    assert "Ministry of Fisheries" in article.text


def test_plain_text_block_of_only_invisible_characters_is_no_block() -> None:
    article = parse_text("First line.\n\n\u200b\u00ad\n\nSecond line.")
    assert_consistent(article)
    assert article.text == "First line.\nSecond line."
