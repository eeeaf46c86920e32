"""Organization rules of issue 13's third round (general classes), each on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis import branch_names, event_context, name_lists, org_context, title_case
from reader.core.analysis.entities import extract_entities
from reader.core.model import COUNTRY, ORGANIZATION


def _by_text(doc) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc) for m in e.mentions}


def test_a_quoted_title_keeps_its_linking_words_in_lower_case() -> None:
    assert title_case.is_quoted_title("Harbour Seal Colonies in Decline from Coastal Shipping")
    assert title_case.is_quoted_title("Mapping Tides with t-SNE")  # a capital inside the word
    assert not title_case.is_quoted_title("We will take them to court over the spills")
    assert not title_case.is_quoted_title("Seal Colonies")  # too few long words to tell


_TITLED = (
    "The group published a report called “Harbour Seal Colonies in Decline from Coastal "
    "Shipping with Northwind Logistics” last spring. It was widely read."
)


@pytest.mark.model
def test_a_name_only_inside_a_quoted_title_is_no_organization(nlp, monkeypatch) -> None:
    assert not any(
        kind == ORGANIZATION and "Northwind" in text
        for text, kind in _by_text(nlp(_TITLED)).items()
    )
    monkeypatch.setattr(title_case, "quoted_titles", lambda doc: [])
    assert _by_text(nlp(_TITLED)).get("Northwind Logistics") == ORGANIZATION  # the rule's work


@pytest.mark.model
def test_a_name_the_sentences_confirm_stays_inside_a_quoted_title(nlp) -> None:
    doc = nlp(
        "Members of Harbour Watch wrote “Northwind Logistics Must Answer for Its Spills.” "
        "Northwind Logistics declined to comment."
    )
    mentions = [m for e in extract_entities(doc) for m in e.mentions if e.type == ORGANIZATION]
    assert [m.text for m in mentions].count("Northwind Logistics") == 2, mentions


_EVENTS = (
    "Offline, the language has several conferences around the world, such as HarbourConf, "
    "TideFest and TideCon Asia. HarbourConf sold out within a day."
)


@pytest.mark.model
def test_names_an_event_noun_lists_are_events_at_every_mention(nlp, monkeypatch) -> None:
    assert not any("Harbour" in text or "Tide" in text for text in _by_text(nlp(_EVENTS)))
    monkeypatch.setattr(event_context, "_listed_tokens", lambda doc: set())
    assert _by_text(nlp(_EVENTS)).get("HarbourConf") == ORGANIZATION  # the rule's work


@pytest.mark.model
def test_festivals_listed_with_including_go_and_bodies_listed_by_a_body_noun_stay(nlp) -> None:
    assert _by_text(nlp("Festivals including Larkspur and Bramblefest drew crowds.")) == {}
    found = _by_text(nlp("Groups such as Harbour Watch and Kelpline protested on Monday."))
    assert "Harbour Watch" in found and "Kelpline" in found, found


_BRANCH = "The UK must still close its plants. A spokesman for Greenpeace UK said it was slow."


@pytest.mark.model
def test_a_country_code_right_after_a_body_is_part_of_its_name(nlp, monkeypatch) -> None:
    found = _by_text(nlp(_BRANCH))
    assert found.get("Greenpeace UK") == ORGANIZATION and found.get("UK") == COUNTRY, found
    monkeypatch.setattr(branch_names, "with_branch_codes", lambda doc, cands: cands)
    assert "Greenpeace UK" not in _by_text(nlp(_BRANCH))  # the rule's work


@pytest.mark.model
def test_a_code_after_a_comma_or_a_preposition_stays_a_country(nlp) -> None:
    found = _by_text(nlp("Amnesty International in the UK said no. Greenpeace, UK officials say."))
    assert not any(kind == ORGANIZATION and "UK" in text for text, kind in found.items()), found


_LISTED = (
    "Regulators in Ohio say platforms like Google, Twitter, and Facebook must now answer them."
)


@pytest.mark.model
def test_every_name_a_class_nouns_like_lists_is_of_the_class(nlp, monkeypatch) -> None:
    found = _by_text(nlp(_LISTED))
    assert [found.get(n) for n in ("Google", "Twitter", "Facebook")] == [ORGANIZATION] * 3, found
    monkeypatch.setattr(org_context._Context, "listed_with", lambda self, start, end: [])
    assert "Facebook" not in _by_text(nlp(_LISTED))  # the parse alone loses the last name


def test_a_list_stops_after_its_and_name_and_at_other_words() -> None:
    sentence = "groups like Harbour Watch , Kelpline or Tidewatch , and Ann Lee spoke"
    words = sentence.split(" ")
    names = [w[0].isupper() for w in words]

    def joins(i: int) -> str:
        return words[i] if words[i] in (",", "and", "or") else ""

    def run(i: int) -> tuple[int, int]:
        end = i
        while end < len(words) and names[end]:
            end += 1
        return i, end

    listed = name_lists.listed_after(4, names, [False] * len(words), joins, run)
    assert [" ".join(words[s:e]) for s, e in listed] == ["Kelpline", "Tidewatch"]
    new_sentence = [False] * 5 + [True] * (len(words) - 5)  # "Kelpline" starts a sentence
    assert name_lists.listed_after(4, names, new_sentence, joins, run) == []
