"""Sectors, agents, groups and spellings (codebook/sectors.yaml, agents.yaml), each on a sentence of its own."""

from __future__ import annotations

import datetime as dt

import pytest

DAY = dt.date(2025, 3, 1)


def mentions(finder, nlp, text, published=DAY):
    return finder(nlp(text), published)


def find(ms, text):
    hits = [m for m in ms if m.text == text] or [m for m in ms if text in m.text]
    assert hits, f"no mention {text!r} in {[(m.text, m.kind) for m in ms]}"
    return hits[0]


def actors(ms):
    return {m.actor_id for m in ms if m.actor_id}


@pytest.mark.parametrize(
    "text, name, actor, sector",
    [
        ("Turkish troops crossed the river at dawn.", "Turkish", "TUR", "MIL"),
        ("Syrian rebels held the ridge for a week.", "Syrian", "SYR", "REB"),
        ("Kenyan police closed the road to the port.", "Kenyan", "KEN", "COP"),
        ("The Pakistani foreign ministry summoned the envoy.", "Pakistani", "PAK", "GOV"),
        ("Egyptian protesters gathered outside the embassy.", "Egyptian", "EGY", "CVL"),
        ("Israeli settlers blocked the road near the village.", "Israeli", "ISR", "CVL"),
        ("Turkey's army moved tanks to the border.", "Turkey", "TUR", "MIL"),
        ("The army of Syria withdrew from the hills.", "Syria", "SYR", "MIL"),
        ("The Belarusian opposition called for new elections.", "Belarusian", "BLR", "OPP"),
        ("The Nigerian teachers' union called a strike.", "Nigerian", "NGA", "LAB"),
        ("Ghanaian lawmakers rejected the budget.", "Ghanaian", "GHA", "LEG"),
    ],
)
def test_nationality_and_agent_noun_give_country_and_sector(finder, nlp, text, name, actor, sector):
    m = find(mentions(finder, nlp, text), name)
    assert (m.actor_id, m.sector) == (actor, sector)
    assert "+agent:" in m.rule


def test_state_named_by_itself_is_government_and_a_place_has_no_sector(finder, nlp):
    ms = mentions(finder, nlp, "Ankara rejected the plan, and the minister later flew to Oslo.")
    assert find(ms, "Ankara").sector == "GOV"
    assert find(ms, "Oslo").sector == ""


def test_named_institution_takes_its_codebook_sector(finder, nlp):
    ms = mentions(finder, nlp, "The Knesset voted after the Pentagon briefed the CIA.")
    assert [find(ms, n).sector for n in ("Knesset", "Pentagon", "CIA")] == ["LEG", "MIL", "SPY"]


def test_group_keeps_its_own_sector_after_an_agent_noun(finder, nlp):
    ms = mentions(finder, nlp, "Hamas fighters and UN officials met at the crossing.")
    assert (find(ms, "Hamas").actor_id, find(ms, "Hamas").sector) == ("HAMAS", "REB")
    assert (find(ms, "UN").actor_id, find(ms, "UN").sector) == ("UN", "IGO")


def test_backer_is_not_the_agents_country(finder, nlp):
    ms = mentions(finder, nlp, "Iranian-backed militias fired rockets at the base.")
    iran = find(ms, "Iranian")
    assert iran.actor_id == "IRN" and iran.sector != "REB"
    assert find(ms, "militias").sector == "REB"


def test_bare_agent_takes_the_only_state_of_the_article(finder, nlp):
    ms = mentions(finder, nlp, "Protests spread across Kenya on Monday. Police said 40 people were detained.")
    police = find(ms, "Police")
    assert (police.kind, police.actor_id, police.sector) == ("agent", "KEN", "COP")
    assert "only_state_in_article" in police.rule


def test_bare_agent_has_no_country_when_the_article_names_two(finder, nlp):
    ms = mentions(finder, nlp, "Kenya and Uganda traded accusations. Police said 40 people were detained.")
    police = find(ms, "Police")
    assert (police.actor_id, police.sector) == ("", "COP")


def test_opposition_leader_takes_the_country_of_the_article(finder, nlp):
    ms = mentions(finder, nlp, "Zambia's election body met on Friday. Opposition leader Mulenga Banda rejected the count.")
    person = find(ms, "Mulenga Banda")
    assert (person.kind, person.actor_id, person.sector) == ("person", "ZMB", "OPP")


def test_person_sector_follows_the_title_in_the_text(finder, nlp):
    ms = mentions(finder, nlp, "Peruvian General Rosa Quispe inspected the garrison.")
    person = find(ms, "Rosa Quispe")
    assert (person.actor_id, person.sector) == ("PER", "MIL")


def test_community_is_an_actor_and_its_fighters_rebels(finder, nlp):
    ms = mentions(finder, nlp, "The Kurds protested in the square, and Kurdish fighters later left the hills.")
    assert (find(ms, "Kurds").actor_id, find(ms, "Kurds").sector) == ("KURDS", "CVL")
    fighters = [m for m in ms if m.text == "Kurdish"][0]
    assert (fighters.actor_id, fighters.sector) == ("KURDS", "REB")


def test_community_forces_are_the_group_the_article_names(finder, nlp):
    ms = mentions(finder, nlp, "The YPG said it held the dam. Kurdish forces repelled the attack overnight.")
    kurdish = find(ms, "Kurdish")
    assert (kurdish.actor_id, kurdish.sector) == ("YPG", "REB")
    assert "group_in_article" in kurdish.rule


def test_rohingya_community_has_a_home_country(finder, nlp, codebook):
    m = find(mentions(finder, nlp, "Rohingya crossed the border at night."), "Rohingya")
    assert m.actor_id == "ROHINGYA" and codebook.home_country("ROHINGYA") == "MMR"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Isis claimed the bombing.", "Isis"),
        ("ISIS claimed the bombing.", "ISIS"),
        ("The Islamic State claimed the bombing.", "Islamic State"),
        ("Daesh claimed the bombing.", "Daesh"),
        ("IS fighters claimed the bombing.", "IS"),
        ("Isil claimed the bombing.", "Isil"),
    ],
)
def test_spellings_of_islamic_state(finder, nlp, text, name):
    assert find(mentions(finder, nlp, text), name).actor_id == "ISIS"


@pytest.mark.parametrize("name", ["al-Qaida", "al-Qaeda", "Al-Qaeda", "al Qaeda"])
def test_spellings_of_al_qaeda_with_a_lower_case_article(finder, nlp, name):
    assert find(mentions(finder, nlp, f"Officials blamed {name} for the attack."), name).actor_id == "ALQAEDA"


@pytest.mark.parametrize("name", ["Türkiye", "Turkiye", "Turkey"])
def test_spellings_of_turkey(finder, nlp, name):
    assert find(mentions(finder, nlp, f"{name} recalled its ambassador."), name).actor_id == "TUR"


def test_long_acronym_in_title_case_but_short_one_only_in_capitals(finder, nlp):
    ms = mentions(finder, nlp, "Nato warned on Monday. Who decides? It is not clear.")
    assert find(ms, "Nato").actor_id == "NATO"
    assert not actors([m for m in ms if m.text in ("Who", "is", "It")])


def test_two_letter_acronym_not_inside_a_line_in_capitals(finder, nlp):
    ms = mentions(finder, nlp, "WHAT IS NEXT FOR THE VALLEY\nThe council met on Monday.")
    assert "ISIS" not in actors(ms)


def test_country_as_a_first_name_is_a_person(finder, nlp):
    ms = mentions(finder, nlp, "Chad Miller, a farmer, said the harvest was late.")
    assert "TCD" not in actors(ms)


def test_country_name_in_a_river_or_lake_name_is_a_place(finder, nlp):
    ms = mentions(finder, nlp, "Water from the Jordan River and Lake Chad is shrinking.")
    assert not ({"JOR", "TCD"} & actors(ms))
    assert find(ms, "Jordan").kind == "place"


def test_us_state_homonym_is_not_the_country(finder, nlp):
    ms = mentions(finder, nlp, "The trial opened in Atlanta, Georgia, on Tuesday.")
    assert "GEO" not in actors(ms)


def test_city_of_the_country_before_its_name_keeps_the_country(finder, nlp):
    ms = mentions(finder, nlp, "Thousands marched in Tbilisi, Georgia, on Tuesday.")
    assert "GEO" in actors(ms)


def test_every_sector_written_is_a_codebook_sector(finder, nlp, codebook):
    ms = mentions(finder, nlp, "Syrian troops, Kurdish fighters, Iraqi police and UN officials met Turkish diplomats.")
    assert {m.sector for m in ms if m.sector} <= set(codebook.sectors)
    assert all(m.sector == "" for m in ms if not m.actor_id and m.kind != "agent")


def test_title_without_country_still_gives_the_sector(finder, nlp):
    ms = mentions(finder, nlp, "General Tomas Ruiz and Minister Ana Ortega arrived late.")
    assert (find(ms, "Tomas Ruiz").actor_id, find(ms, "Tomas Ruiz").sector) == ("", "MIL")
    assert find(ms, "Ana Ortega").sector == "GOV"


def test_noun_modifier_is_the_agent_when_the_head_is_not_one(finder, nlp):
    ms = mentions(finder, nlp, "An army accountant and a government spokesman spoke to the press.")
    assert find(ms, "army").sector == "MIL"
    assert find(ms, "spokesman").sector == "GOV"


def test_organisation_named_by_an_agent_noun_carries_its_sector(finder, nlp):
    ms = mentions(finder, nlp, "Troops of the National Guard patrolled the harbour.")
    assert find(ms, "National Guard").sector == "MIL"


def test_agent_before_a_generic_head_names_the_group(finder, nlp):
    ms = mentions(finder, nlp, "A paramilitary group seized the mine.")
    assert find(ms, "paramilitary group").sector == "REB"


def test_part_of_a_hyphenated_title_is_not_the_title(finder, nlp):
    ms = mentions(finder, nlp, "Pakistani Secretary-General Imran Qadir visited the port.")
    assert find(ms, "Imran Qadir").sector != "MIL"


def test_generic_institution_belongs_to_the_state_before_it(finder, nlp):
    ms = mentions(finder, nlp, "Chile's Defense Department denied the report.")
    assert find(ms, "Defense Department").actor_id == "CHL"
    assert "USA" not in actors(ms)


def persons(ms):
    return {m.person for m in ms if m.kind == "person" and m.person}


def test_byline_and_credit_names_are_not_persons_of_the_story(finder, nlp):
    text = ("By Ana Ruiz and Tom Leeds\n\nLIMA, May 2 - Peruvian Interior Minister Jorge Salas resigned on Friday.\n\n"
            "Reporting by Ana Ruiz; Editing by Tom Leeds")
    assert persons(mentions(finder, nlp, text)) == {"Jorge Salas"}


def test_one_word_person_no_full_name_explains_is_unresolved(finder, nlp):
    ms = mentions(finder, nlp, "Farmers near Kadugo said the harvest failed. Riot police later left.")
    assert not [m for m in ms if m.kind == "person" and len(m.text.split()) == 1]


def test_family_name_first_joins_the_full_name(finder, nlp):
    ms = mentions(finder, nlp, "Park Min-jae spoke first. Park said the talks would resume.")
    assert persons(ms) == {"Park Min-jae"}


def test_title_is_trimmed_from_a_person_name(finder, nlp):
    ms = mentions(finder, nlp, "Gen Rafael Ortiz inspected the troops.")
    assert "Rafael Ortiz" in persons(ms)


def test_community_adjective_is_not_the_community_acting(finder, nlp):
    ms = mentions(finder, nlp, "Shelling hit Kurdish areas near the river.")
    assert "KURDS" not in actors(ms)


def test_wire_service_name_is_an_outlet(finder, nlp):
    ms = mentions(finder, nlp, "BELGRADE (Balkan Wire) - Serbia recalled its envoy.")
    assert not persons(ms) and find(ms, "Balkan Wire").kind == "outlet"


@pytest.mark.parametrize(
    "text, name, actor, sector",
    [
        ("A Chilean army spokesman denied the report.", "Chilean", "CHL", "MIL"),
        ("Peruvian police officials said two officers were hurt.", "Peruvian", "PER", "COP"),
        ("Venezuelan opposition sources said the talks had failed.", "Venezuelan", "VEN", "OPP"),
        ("Algerian state media reported the visit.", "Algerian", "DZA", "MED"),
        ("Ethiopian and Eritrean troops left the town.", "Ethiopian", "ETH", "MIL"),
        ("Sudanese air defences fired at a drone.", "Sudanese", "SDN", "MIL"),
    ],
)
def test_agent_phrases_of_bodies_and_their_people(finder, nlp, text, name, actor, sector):
    m = find(mentions(finder, nlp, text), name)
    assert (m.actor_id, m.sector) == (actor, sector)


def test_bare_spokesman_is_government(finder, nlp):
    ms = mentions(finder, nlp, "A spokesman for the Chilean government denied the report.")
    assert find(ms, "Chilean").sector == "GOV"


def test_agents_of_a_leader_belong_to_the_leaders_state(finder, nlp):
    ms = mentions(finder, nlp, "Maduro's forces dispersed the crowd while Colombia watched.", dt.date(2019, 6, 1))
    forces = find(ms, "forces")
    assert (forces.actor_id, forces.sector) == ("VEN", "MIL")


def test_one_national_is_a_civilian(finder, nlp):
    ms = mentions(finder, nlp, "A Canadian was detained at the airport in Tehran.")
    assert (find(ms, "Canadian").actor_id, find(ms, "Canadian").sector) == ("CAN", "CVL")


def test_plural_nationals_in_politics_are_their_state(finder, nlp):
    ms = mentions(finder, nlp, "The Russians rejected the proposal on Monday.")
    assert (find(ms, "Russians").actor_id, find(ms, "Russians").sector) == ("RUS", "GOV")


def test_community_leading_a_force_is_a_description(finder, nlp):
    ms = mentions(finder, nlp, "A Kurdish-led militia took the bridge.")
    assert "KURDS" not in actors(ms)


def test_community_adjective_in_a_groups_name_is_the_group(finder, nlp):
    ms = mentions(finder, nlp, "The Kurdish People’s Protection Units said they would attend.")
    assert "KURDS" not in actors(ms) and "YPG" in actors(ms)


def test_agent_after_a_city_takes_the_citys_country(finder, nlp):
    ms = mentions(finder, nlp, "Johannesburg police arrested four men after the robbery.")
    police = find(ms, "police")
    assert (police.actor_id, police.sector) == ("ZAF", "COP")
    assert find(ms, "Johannesburg").actor_id == ""


def test_city_alone_is_a_place_without_actor(finder, nlp):
    ms = mentions(finder, nlp, "The festival in Johannesburg drew large crowds on Sunday.")
    assert not actors(ms)


def test_person_named_after_a_city_is_a_person(finder, nlp):
    ms = mentions(finder, nlp, "Sydney Okonkwo, a farmer, lost his harvest to the floods.")
    assert find(ms, "Sydney Okonkwo").kind == "person"


def test_envoy_of_a_leader_is_the_leaders_not_the_destinations(finder, nlp):
    ms = mentions(finder, nlp, "Anne Dubois, Macron’s Mali envoy, said the talks would resume.", dt.date(2020, 3, 1))
    assert find(ms, "Anne Dubois").actor_id == "FRA"


def test_agent_of_a_place_with_its_place_noun_takes_the_country(finder, nlp):
    ms = mentions(finder, nlp, "The Lagos State government closed the markets.")
    government = find(ms, "government")
    assert (government.actor_id, government.sector) == ("NGA", "GOV")


@pytest.mark.parametrize("text, name, actor, sector", [
    ("The Storting voted down the proposal late on Tuesday.", "Storting", "NOR", "LEG"),
    ("The Bundeswehr will send two more frigates.", "Bundeswehr", "DEU", "MIL"),
])
def test_institution_known_by_its_own_name_has_its_sector(finder, nlp, text, name, actor, sector):
    m = find(mentions(finder, nlp, text), name)
    assert (m.actor_id, m.sector) == (actor, sector)


def test_somali_sufi_militia_is_a_group_of_somalia(finder, nlp, codebook):
    ms = mentions(finder, nlp, "ASWJ fighters clashed with al-Shabaab near Guriel.")
    assert "ASWJ" in actors(ms) and codebook.home_country("ASWJ") == "SOM"


def test_bare_agent_takes_the_state_that_dominates_the_article(finder, nlp):
    text = ("Peru's congress met on Monday. Peruvian unions joined a march in Lima, Peru. "
            "A Chilean envoy watched. Peru's cabinet then met, and police said 40 people were detained.")
    police = find(mentions(finder, nlp, text), "police")
    assert (police.kind, police.actor_id, police.sector) == ("agent", "PER", "COP")
    assert "article_country:dominant" in police.rule


def test_bare_agent_has_no_country_when_two_states_compete(finder, nlp):
    text = ("Peru and Chile argued at the border. Peruvian and Chilean ministers met. "
            "Peru blamed Chile, and police said 40 people were detained.")
    police = find(mentions(finder, nlp, text), "police")
    assert (police.actor_id, police.sector) == ("", "COP")


def test_title_with_no_country_takes_the_dominant_state(finder, nlp):
    text = ("Peru's congress met on Monday. Peruvian unions joined a march in Lima, Peru. "
            "A Chilean envoy watched. Interior Minister Rosa Quispe said the march was peaceful.")
    person = find(mentions(finder, nlp, text), "Rosa Quispe")
    assert (person.actor_id, person.sector) == ("PER", "GOV")
    assert "article_country:dominant" in person.rule


def test_bare_agent_takes_the_country_of_the_dateline(finder, nlp):
    text = "NAIROBI, Kenya (Wire) - Uganda sent a delegation on Monday. Police said 40 people were detained."
    police = find(mentions(finder, nlp, text), "Police")
    assert (police.actor_id, police.sector) == ("KEN", "COP")
    assert "article_country:dateline" in police.rule


def test_bare_agent_takes_the_country_of_a_dated_dateline_below_the_head(finder, nlp):
    # the dateline of the first paragraph, after a title, a byline and a date line, with its date
    text = ("Delegation arrives for talks\nBy Ana Ruiz\nPublished 9 June 2026\n\n"
            "NAIROBI, June 9 (Wire) - Uganda sent a delegation on Monday. Police said 40 people were detained.")
    police = find(mentions(finder, nlp, text), "Police")
    assert (police.actor_id, police.sector) == ("KEN", "COP")
    assert "article_country:dateline" in police.rule


def test_two_letter_acronym_in_capitals_in_a_line_of_mixed_case_matches(finder, nlp):
    ms = mentions(finder, nlp, "WHAT IS NEXT FOR THE VALLEY\nFighters of IS took the town, the council said on Monday.")
    assert [m.actor_id for m in ms if m.text == "IS"] == ["ISIS"]
