"""Entity rules found on the real development pages (issue 13), each on sentences of our own."""

from __future__ import annotations

import pytest

from reader.core.analysis import (
    acronyms,
    name_kinds,
    parties,
    rules,
    site_names,
    span_splits,
    wire_lines,
)
from reader.core.analysis.aliases import TypedMention, initials, merge_mentions, org_key
from reader.core.analysis.candidates import Candidate
from reader.core.analysis.countries import and_names, country_key, territory_code
from reader.core.analysis.entities import entity_type, extract_entities
from reader.core.analysis.one_sense import company_short_names
from reader.core.model import COUNTRY, ORGANIZATION, PERSON, PLACE


def _by_text(doc, site: str | None = None) -> dict[str, str]:
    return {m.text: e.type for e in extract_entities(doc, site) for m in e.mentions}


def _entity_of(doc, text: str, site: str | None = None):
    return next(e for e in extract_entities(doc, site) for m in e.mentions if m.text == text)


# Titles and ranks (item 2).


@pytest.mark.model
def test_ranks_and_local_titles_are_not_part_of_a_persons_name(nlp) -> None:
    doc = nlp(
        "Superintendent Mary Kane said the road was closed. It was a relief, said "
        "Supervisor Tomas Ferreira of Lake County. Supt Kane thanked the drivers."
    )
    found = _by_text(doc)
    assert found.get("Mary Kane") == PERSON and found.get("Tomas Ferreira") == PERSON
    assert found.get("Kane") == PERSON
    assert not any(t.startswith(("Superintendent", "Supervisor", "Supt")) for t in found)
    kane = _entity_of(doc, "Kane")
    assert [m.text for m in kane.mentions] == ["Mary Kane", "Kane"]


@pytest.mark.model
def test_a_span_that_starts_with_an_honorific_is_a_person(nlp) -> None:
    # The model tags "Dr Baptiste" ORG: an honorific only ever stands before a person's name.
    doc = nlp(
        "Health Minister Dr Carla Baptiste opened the meeting. "
        "In her remarks to the delegates, Dr Baptiste suggested a wider yearly programme."
    )
    assert [e.label_ for e in doc.ents if e.text == "Dr Baptiste"] == ["ORG"]
    baptiste = _entity_of(doc, "Baptiste")
    assert baptiste.type == PERSON
    assert [m.text for m in baptiste.mentions] == ["Carla Baptiste", "Baptiste"]


def test_the_name_starts_after_the_last_honorific_inside_a_span(nlp) -> None:
    doc = nlp("Leader of the House Dr Jane Roe spoke.")
    assert rules.after_last_honorific(doc, 0, 7) == 5  # "Jane"
    assert rules.starts_with_honorific(doc, 4, 7)  # "Dr Jane Roe"
    assert not rules.starts_with_honorific(doc, 0, 4)


# Spans that run on (items 2, 4).


@pytest.mark.model
def test_a_name_does_not_run_over_a_spaced_dash(nlp) -> None:
    doc = nlp("By Helen Marsh - June 3, 2021 Share")
    found = _by_text(doc)
    assert found.get("Helen Marsh") == PERSON
    assert "June" not in found and not any("-" in t for t in found)


def test_split_at_dashes_keeps_hyphenated_words(nlp) -> None:
    doc = nlp("Guinea-Bissau - Lisbon")
    assert [doc[s:e].text for s, e in span_splits.split_at_dashes(doc, 0, len(doc))] == [
        "Guinea-Bissau",
        "Lisbon",
    ]


def test_the_after_a_dash_starts_a_clause_and_is_dropped(nlp) -> None:
    doc = nlp("Harbour News – The Fisheries Commission met. We read The Guardian.")
    start = next(t.i for t in doc if t.text == "The")
    cleaned = rules.clean_span(doc, start, start + 3, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == "Fisheries Commission"
    guardian = next(t.i for t in doc if t.text == "Guardian")
    cleaned = rules.clean_span(doc, guardian, guardian + 1, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == "The Guardian"


@pytest.mark.model
def test_secretary_of_state_is_a_title_not_an_organization(nlp) -> None:
    doc = nlp("The plan was confirmed by U.S. Secretary of State Anna Berg on Monday.")
    found = _by_text(doc)
    assert "State" not in found
    assert found.get("Anna Berg") == PERSON


# Organization false positives (item 4).


def test_facility_names_by_their_last_word_or_a_street_word() -> None:
    for name in (
        "Oakland Coliseum",
        "Baker Road",
        "Elm Close",
        "Friedrichstraße",
        "Lindenstrasse",
        "Karl-Marx-Allee",
        "Alexanderplatz",
        "Rue de Rivoli",
        "Las Palmas Public Boat Ramp",
    ):
        assert name_kinds.facility_name(name), name
    for name in ("Center for Strategic Studies", "Seaview Resorts", "Catholic Church", "Park"):
        assert not name_kinds.facility_name(name), name
    assert entity_type("ORG", "Oakland Coliseum") == PLACE


def test_events_and_awards_by_their_head_noun(nlp) -> None:
    doc = nlp("She won the Booker Prize and spoke at the Summit of the Pacific.")
    prize = doc[3:5]
    summit = doc[9:13]
    assert prize.text == "Booker Prize" and name_kinds.event_head(prize)
    assert summit.text == "Summit of the Pacific" and name_kinds.event_head(summit)
    assert not name_kinds.event_head(doc[0:1])


@pytest.mark.model
def test_events_awards_and_diseases_are_not_organizations(nlp) -> None:
    doc = nlp(
        "The island saw a surge in COVID-19 cases before the Caribbean Tourism Roundtable, "
        "and the novelist who won the Booker Prize stayed home."
    )
    found = _by_text(doc)
    assert ORGANIZATION not in found.values(), found
    assert name_kinds.is_disease("COVID-19") and name_kinds.is_disease("Measles")
    assert entity_type("ORG", "COVID-19") is None


# Countries and territories (item 5).


def test_country_names_with_and_in_them_are_one_span() -> None:
    text = (
        "Ministers from Antigua and Barbuda, St. Kitts and Nevis and São Tomé and Príncipe met "
        "Trinidad and Tobago officials. Smith and Jones came from the Turks and Caicos Islands."
    )
    found = [text[s:e] for s, e in and_names(text)]
    assert found == [
        "Antigua and Barbuda",
        "St. Kitts and Nevis",
        "São Tomé and Príncipe",
        "Trinidad and Tobago",
        "Turks and Caicos Islands",
    ]
    assert country_key("St. Kitts and Nevis") == "KN"
    assert country_key("São Tomé and Príncipe") == "ST"
    assert country_key("Turks and Caicos Islands") is None


@pytest.mark.model
def test_a_country_with_and_is_one_country_not_two_people(nlp) -> None:
    # The model tags "Antigua" and "Barbuda" PERSON, and "Trinidad", "Tobago" apart.
    doc = nlp("Delegates from Antigua and Barbuda met their hosts in Trinidad and Tobago.")
    ents = extract_entities(doc)
    assert {(e.name, e.type, e.country) for e in ents} >= {
        ("Antigua and Barbuda", COUNTRY, "AG"),
        ("Trinidad and Tobago", COUNTRY, "TT"),
    }
    assert not any(e.type == PERSON for e in ents)


def test_us_without_its_final_dot_is_the_country() -> None:
    assert country_key("U.S") == "US"
    assert country_key("U.K") == "GB"


def test_territories_and_their_short_names_are_places() -> None:
    assert territory_code("Cayman") == "KY"
    assert territory_code("Cayman Islands") == "KY"
    assert territory_code("British Virgin Islands") == "VG"
    assert territory_code("U.S. Virgin Islands") == "VI"
    assert territory_code("USVI") == "VI"
    assert territory_code("Virgin") is None and territory_code("Christmas") is None
    assert entity_type("ORG", "Cayman") == PLACE
    assert entity_type("PERSON", "Cayman") == PLACE


def test_a_territory_and_its_short_name_merge() -> None:
    mentions = [
        TypedMention(0, 14, "Cayman Islands", PLACE),
        TypedMention(30, 36, "Cayman", PLACE),
        TypedMention(50, 54, "USVI", PLACE),
        TypedMention(60, 79, "U.S. Virgin Islands", PLACE),
    ]
    groups = [[m.text for m in e.mentions] for e in merge_mentions(mentions)]
    assert groups == [["Cayman Islands", "Cayman"], ["USVI", "U.S. Virgin Islands"]]


# Acronyms defined in parentheses (items 4 and the alias clusters).


def test_an_acronym_in_parentheses_defines_the_full_name_before_it(nlp) -> None:
    doc = nlp(
        "Officers of the Coastal Air and Marine Branch (CAMB) and the Harbour Police (HP) "
        "met Federal Fisheries Inspection (FFI) agents."
    )
    found = [
        (doc[d.start : d.end].text, doc[d.acronym].text)
        for d in acronyms.definitions(doc, doc.text)
    ]
    assert found == [
        ("Coastal Air and Marine Branch", "CAMB"),
        ("Harbour Police", "HP"),
        ("Federal Fisheries Inspection", "FFI"),
    ]


@pytest.mark.model
def test_a_defined_acronym_has_its_full_names_span_type_and_entity(nlp) -> None:
    # The model tags "Coastal Air" and "Marine Branch" apart, and "SPI" not at all.
    doc = nlp(
        "Agents of the Coastal Air and Marine Branch (CAMB) found the boat. CAMB said the "
        "crew came from the Southern Pacific Islands (SPI) and that SPI ports were used."
    )
    full = _entity_of(doc, "Coastal Air and Marine Branch")
    assert full.type == ORGANIZATION
    assert [m.text for m in full.mentions] == ["Coastal Air and Marine Branch", "CAMB", "CAMB"]
    islands = _entity_of(doc, "Southern Pacific Islands")
    assert [m.text for m in islands.mentions] == ["Southern Pacific Islands", "SPI", "SPI"]
    assert islands.type == PLACE


def test_a_national_bodys_initials_leave_out_its_country() -> None:
    assert "FWS" in initials("U.S. Fish and Wildlife Service")
    assert "DEA" in initials("United States Drug Enforcement Agency")
    assert "OSCE" in initials("Organization for Security and Co-operation in Europe")
    mentions = [
        TypedMention(0, 37, "United States Drug Enforcement Agency", ORGANIZATION),
        TypedMention(50, 53, "DEA", ORGANIZATION),
    ]
    assert len(merge_mentions(mentions)) == 1


# Company names and the publication's own name (items 4 and the alias clusters).


def test_a_company_with_or_without_its_generic_word_or_web_ending_is_one() -> None:
    assert org_key("Brightwell Technology") == org_key("Brightwell")
    assert org_key("Shopzone.com") == org_key("Shopzone")
    assert org_key("Harbour Group") == org_key("Harbour")
    assert org_key("Air and Marine Operations") != org_key("Air")


def test_a_companys_short_name_is_that_company_wherever_the_model_put_it(nlp) -> None:
    doc = nlp("Brightwell Technology made it. Customers blamed Brightwell for the fire.")
    company = Candidate(0, 2, "ORG", ORGANIZATION)
    short = Candidate(7, 8, "PERSON", PERSON)  # as the model tags it in some sentences
    assert doc[7].text == "Brightwell"
    relabelled = company_short_names(doc, [company, short])
    assert relabelled[1].type == ORGANIZATION
    other = Candidate(4, 5, "PERSON", PERSON)  # "Customers" is no short name of it
    assert company_short_names(doc, [company, other])[1].type == PERSON


def test_site_name_forms() -> None:
    assert site_names.name_forms("harbourpost.com") == ["HARBOURPOST", "Harbourpost"]
    assert site_names.name_forms("The Island Ledger | News, Sport, Weather") == [
        "The Island Ledger",
        "Island Ledger",
    ]
    assert site_names.name_forms(None) == []
    text = "Harbourpost' reporter asked. He told Harbourpost on Monday. Wired cables hum."
    spans = site_names.occurrences(text, "harbourpost.com")
    assert [text[s:e] for s, e in spans] == ["Harbourpost", "Harbourpost"]
    assert site_names.occurrences("Wired cables hum. He told Wired so.", "wired.com") == [(26, 31)]


@pytest.mark.model
def test_the_publications_name_is_an_organization(nlp) -> None:
    doc = nlp("The mayor declined to comment to Harbourpost. Residents told Harbourpost they left.")
    assert _by_text(doc, "harbourpost.com").get("Harbourpost") == ORGANIZATION
    assert len(_entity_of(doc, "Harbourpost", "harbourpost.com").mentions) == 2


@pytest.mark.model
def test_a_soft_hyphenated_page_still_yields_its_names(nlp) -> None:
    from reader.core.loaders.html import parse_html

    body = "<p>Pre\u00adsi\u00addent Ame\u00adlia Hart\u00adley met Can\u00ada\u00adda’s envoy.</p>"
    page = f"<html><body><article>{body}</article></body></html>".encode()
    article = parse_html(page, "t.html", "t.html")
    found = _by_text(nlp(article.text))
    assert found.get("Amelia Hartley") == PERSON and found.get("Canada") == COUNTRY


# Parties, bodies and the span edges found on the longer development pages.


def test_party_words_name_the_party() -> None:
    assert parties.party_name("Democrats") == "Democratic Party"
    assert parties.party_name("Tory") == "Conservative Party"
    assert parties.party_name("Republicans’") == "Republican Party"
    assert parties.party_name("conservative") is None  # an opinion, not the party
    assert parties.party_name("French") is None
    assert org_key("Democrats") == org_key("Democratic") == org_key("Democratic Party")


@pytest.mark.model
def test_party_words_are_one_organization_not_nationalities(nlp) -> None:
    doc = nlp(
        "Republicans in the county were angry. Democratic voters stayed home, and several "
        "Democrats said the Democratic Party had failed them."
    )
    found = _by_text(doc)
    for word in ("Republicans", "Democratic", "Democrats"):
        assert found.get(word) == ORGANIZATION, (word, found)
    democrats = _entity_of(doc, "Democrats")
    assert {m.text for m in democrats.mentions} >= {"Democratic", "Democrats"}


def test_a_name_ending_in_a_bodys_head_noun_is_an_organization() -> None:
    assert name_kinds.organization_head("Hispanic Caucus")
    assert name_kinds.organization_head("Al-Najjar Hospital")
    assert name_kinds.organization_head("Camp Seaview Resorts")
    assert not name_kinds.organization_head("Caucus")
    assert not name_kinds.organization_head("Bank Street")
    assert entity_type("PERSON", "Hispanic Caucus") == ORGANIZATION
    assert entity_type("ORG", "Riverside Hospital") == ORGANIZATION


def test_span_edges_a_capital_letter_and_no_lower_case_lead(nlp) -> None:
    doc = nlp("They haven’t agreed, and the state Democratic Party met.")
    clitic = next(t.i for t in doc if t.text == "n’t")
    assert rules.clean_span(doc, clitic, clitic + 1, "GPE") is None
    state = next(t.i for t in doc if t.text == "state")
    cleaned = rules.clean_span(doc, state, state + 3, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == "Democratic Party"


def test_a_capitals_dateline_without_agency_gives_its_places() -> None:
    text = "WESTPORT, COUNTY MAYO — The council met.\nLater news."
    assert [text[s:e] for s, e in wire_lines.bare_dateline(text)] == ["WESTPORT", "COUNTY MAYO"]
    assert wire_lines.bare_dateline("LIMA — Talks began.") == [(0, 4)]
    assert wire_lines.bare_dateline("The US — said so.") == []
    assert wire_lines.bare_dateline("NAPA, Calif. (KNX) -- A plan") == []


@pytest.mark.model
def test_dateline_places_are_places_not_people(nlp) -> None:
    doc = nlp("PORT ELLEN, ISLAY — The distillery reopened on Monday.")
    found = _by_text(doc)
    assert found.get("PORT ELLEN") == PLACE and found.get("ISLAY") == PLACE


def test_middle_initials_do_not_split_a_person() -> None:
    mentions = [
        TypedMention(0, 16, "Thomas W. Malone", PERSON),
        TypedMention(30, 43, "Thomas Malone", PERSON),
        TypedMention(50, 56, "Malone", PERSON),
    ]
    assert len(merge_mentions(mentions)) == 1


def test_an_organization_named_by_the_end_of_one_longer_name_is_that_one() -> None:
    mentions = [
        TypedMention(0, 16, "General Assembly", ORGANIZATION),
        TypedMention(30, 38, "Assembly", ORGANIZATION),
        TypedMention(40, 50, "World Bank", ORGANIZATION),
        TypedMention(60, 72, "Central Bank", ORGANIZATION),
        TypedMention(80, 84, "Bank", ORGANIZATION),
    ]
    groups = [[m.text for m in e.mentions] for e in merge_mentions(mentions)]
    assert ["General Assembly", "Assembly"] in groups
    assert ["Bank"] in groups  # two longer names end in it: left apart


@pytest.mark.model
def test_a_capitalised_common_word_is_not_a_name(nlp) -> None:
    # The model tags "Background" PERSON and "Groups" ORG; the tagger reads common words.
    doc = nlp("Background: Schools try new tools.\nGroups of parents don't agree. Subscribe now.")
    found = _by_text(doc)
    assert not {"Background", "Groups", "Subscribe"} & set(found), found
    assert name_kinds.common_word(doc[0:1])  # "Background", a noun
    doc = nlp("Maria Lopez met Ruth Abara in Lisbon.")
    assert not any(name_kinds.common_word(doc[i : i + 1]) for i in (0, 1, 3, 4, 6))


def test_an_ordinal_before_a_courts_name_is_part_of_it(nlp) -> None:
    doc = nlp("On Monday the 2nd District Court of Appeal ruled.")
    start = next(t.i for t in doc if t.text == "District")
    cleaned = rules.clean_span(doc, start, start + 4, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == (
        "2nd District Court of Appeal"
    )


@pytest.mark.model
def test_coordinated_words_inside_a_bodys_name_are_one_name(nlp) -> None:
    doc = nlp("Agents of the Coastal Air and Marine Branch found the boat on Sunday.")
    found = _by_text(doc)
    assert found.get("Coastal Air and Marine Branch") == ORGANIZATION, found


@pytest.mark.model
def test_a_bodys_full_name_wins_over_the_models_pieces_of_it_elsewhere(nlp) -> None:
    doc = nlp(
        "BY NORTHERN FISHERIES AND COASTAL PROTECTION\n"
        "Northern Fisheries and Coastal Protection (NFCP) agents seized the boat. "
        "On Tuesday, Fisheries and Coastal Protection said the crew was held."
    )
    body = _entity_of(doc, "Northern Fisheries and Coastal Protection")
    texts = [m.text for m in body.mentions]
    assert "NORTHERN FISHERIES AND COASTAL PROTECTION" in texts
    assert "NFCP" in texts


def test_known_long_names_leave_a_longer_model_span_alone(nlp) -> None:
    from reader.core.analysis.one_sense import known_long_names

    doc = nlp("Harbour Police said so. The Harbour Police Union disagreed.")
    police = Candidate(0, 2, "ORG", ORGANIZATION)
    union = Candidate(6, 9, "ORG", ORGANIZATION)
    assert doc[6:9].text == "Harbour Police Union"
    out = known_long_names(doc, doc.text, [police, union])
    assert sorted((c.start, c.end) for c in out) == [(0, 2), (6, 9)]


def test_a_possessive_before_a_bodys_head_noun_stays_in_its_name(nlp) -> None:
    doc = nlp("The Farmers’ Union met Maria’s lawyer.")
    union = next(t.i for t in doc if t.text == "Farmers")
    cleaned = rules.clean_span(doc, union, union + 3, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == "Farmers’ Union"
    maria = next(t.i for t in doc if t.text == "Maria")
    cleaned = rules.clean_span(doc, maria, maria + 3, "ORG")
    assert cleaned is not None and doc[cleaned[0] : cleaned[1]].text == "Maria"


def test_a_place_with_or_without_its_generic_last_word_is_one() -> None:
    mentions = [
        TypedMention(0, 12, "Sinai Peninsula", PLACE),
        TypedMention(20, 25, "Sinai", PLACE),
        TypedMention(30, 39, "Gaza City", PLACE),
        TypedMention(40, 44, "Gaza", PLACE),
    ]
    groups = [[m.text for m in e.mentions] for e in merge_mentions(mentions)]
    assert groups == [["Sinai Peninsula", "Sinai"], ["Gaza City"], ["Gaza"]]


def test_a_mention_drops_what_its_token_carried_on_the_edges() -> None:
    assert rules.trim_chars("-Okafor", 10, 17) == (11, 17)  # "anti-Okafor"
    assert rules.trim_chars("Lena Shor.3", 0, 11) == (0, 9)  # a footnote number
    assert rules.trim_chars("Meadows’", 0, 8) == (0, 7)
    assert rules.trim_chars("U.S.", 0, 4) == (0, 4)  # an abbreviation keeps its dots


@pytest.mark.model
def test_a_name_after_a_kin_noun_and_comma_is_a_person(nlp) -> None:
    # The model tags "Inderdai Deyal" ORG in "Ramdehol's sister, Inderdai Deyal said".
    doc = nlp("Speaking on Friday, Maharaj’s sister, Savitri Ramkissoon said that he had left.")
    start = next(t.i for t in doc if t.text == "Savitri")
    assert rules.after_person_noun(doc, start, start + 2)
    assert not rules.after_person_noun(doc, 3, 4)  # "Friday", after "on"
    assert _by_text(doc).get("Savitri Ramkissoon") == PERSON


def test_a_country_tagged_as_a_nationality_is_the_country() -> None:
    assert entity_type("NORP", "Barbados") == COUNTRY
    assert entity_type("NORP", "Barbadian") != COUNTRY


def test_a_name_ending_in_a_legal_form_is_a_company() -> None:
    assert name_kinds.company_name("Riverbend Holdings LLC")
    assert not name_kinds.company_name("LLC")
    assert entity_type("PRODUCT", "Riverbend Holdings LLC") == ORGANIZATION
    assert entity_type("PRODUCT", "Riverbend Phone") is None


def test_a_states_ap_abbreviation_is_the_state() -> None:
    from reader.core.analysis.places import state_name

    assert state_name("Calif.") == "California" and state_name("N.H.") == "New Hampshire"
    assert state_name("CA") is None
    mentions = [
        TypedMention(0, 6, "Calif.", PLACE),
        TypedMention(20, 30, "California", PLACE),
        TypedMention(40, 44, "N.J.", PLACE),
    ]
    groups = [[m.text for m in e.mentions] for e in merge_mentions(mentions)]
    assert groups == [["Calif.", "California"], ["N.J."]]


@pytest.mark.model
def test_a_photo_credit_names_an_agency_and_a_photographer(nlp) -> None:
    text = (
        "Rescuers search the rubble. (AP Photo/Jane Doe) Later, Reuters Photo/Ann Lee showed more."
    )
    spans = [(text[a:b], text[c:d]) for (a, b), (c, d) in wire_lines.photo_credits(text)]
    assert spans == [("AP", "Jane Doe"), ("Reuters", "Ann Lee")]
    found = _by_text(nlp(text))
    assert found.get("AP") == ORGANIZATION and found.get("Jane Doe") == PERSON
    assert found.get("Reuters") == ORGANIZATION and found.get("Ann Lee") == PERSON
