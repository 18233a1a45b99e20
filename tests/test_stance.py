"""Statement coder rules, each on a sentence of its own (none taken from the seed articles)."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def code(nlp, finder, coder, text, published=dt.date(2025, 3, 1), modality="asserted"):
    """The (source, target, issue, PLOVER, stance) of the rows of one modality (asserted acts by default)."""
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.issue, s.plover, s.stance) for s in coder(doc, finder(doc, published), "t") if s.modality == modality}


def modalities(nlp, finder, coder, text, published=dt.date(2025, 3, 1)):
    """(source, target, PLOVER, modality) of every row, whatever its modality."""
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.plover, s.modality) for s in coder(doc, finder(doc, published), "t")}


def pairs(rows):
    return {(r[0], r[1]) for r in rows}


def test_subject_verb_object(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Egypt condemned Ethiopia on Tuesday.")
    assert ("EGY", "ETH", "", "ACCUSE", -1) in rows


def test_passive_voice_agent_is_the_source(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Greece was warned by Turkey over the drilling.")
    assert ("TUR", "GRC") in pairs(rows)
    assert ("GRC", "TUR") not in pairs(rows)


def test_reported_speech_speaker_is_the_source_of_a_stance(nlp, finder, coder):
    rows = code(nlp, finder, coder, "A Qatari official said Doha urged Egypt to reopen the crossing.")
    assert ("QAT", "EGY", "", "REQUEST", -1) in rows


def test_reported_act_keeps_its_own_subject(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Oman confirmed that Iranian and American negotiators met in Muscat.")
    assert {("IRN", "USA"), ("USA", "IRN")} <= pairs(rows)
    assert not any(src == "OMN" for src, _ in pairs(rows))


def test_negated_trigger_is_coded_as_negated(nlp, finder, coder):
    assert code(nlp, finder, coder, "Kenya did not condemn Uganda.") == set()
    assert ("KEN", "UGA", "ACCUSE", "negated") in modalities(nlp, finder, coder, "Kenya did not condemn Uganda.")
    assert code(nlp, finder, coder, "Brazil has not recognized Kosovo and did not sanction Venezuela.") == set()


def test_possible_act_is_hypothetical(nlp, finder, coder):
    assert code(nlp, finder, coder, "Analysts said India could strike Pakistan.") == set()
    assert ("IND", "PAK", "ASSAULT", "hypothetical") in modalities(nlp, finder, coder, "Analysts said India could strike Pakistan.")


def test_what_a_request_asks_for_is_not_an_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "France urged Mali to withdraw its troops.")
    assert ("FRA", "MLI", "", "REQUEST", -1) in rows or ("FRA", "MLI", "WITHDRAWAL", "REQUEST", -1) in rows
    assert not any(r[3] == "RETREAT" for r in rows)


def test_compound_subject_of_symmetric_act_gives_both_directions(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Armenia and Azerbaijan held talks in Washington.")
    assert pairs(rows) == {("ARM", "AZE"), ("AZE", "ARM")}


def test_symmetric_act_with_object_gives_both_directions(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Japan met South Korea on Friday.")
    assert {("JPN", "KOR"), ("KOR", "JPN")} <= pairs(rows)


def test_compound_subject_of_one_way_act_gives_one_row_per_source(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway and Sweden criticized Russia.")
    assert pairs(rows) == {("NOR", "RUS"), ("SWE", "RUS")}


def test_host_of_talks_between_two_parties(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Qatar hosted talks between Rwanda and Burundi.")
    assert {("QAT", "RWA"), ("QAT", "BDI")} <= pairs(rows)


def test_person_is_coded_to_the_actor_of_the_date(nlp, finder, coder):
    text = "Ahmed al-Sharaa thanked Qatar."
    assert ("HTS", "QAT") in pairs(code(nlp, finder, coder, text, dt.date(2023, 6, 1)))
    assert ("SYR", "QAT") in pairs(code(nlp, finder, coder, text, dt.date(2025, 3, 1)))


def test_issue_detected_from_the_clause(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Germany called on Iran to halt uranium enrichment.")
    assert ("DEU", "IRN", "NUCLEAR_PROGRAM", "REQUEST", -1) in rows


def test_issue_only_statement_when_no_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Spain rejected the sanctions.")
    assert ("ESP", "", "SANCTIONS", "REJECT", -1) in rows


def test_demonym_subject_and_noun_trigger_with_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Russian airstrikes on Ukraine continued overnight.")
    assert ("RUS", "UKR") in pairs(rows)


def test_announced_act_is_future_with_its_own_category(nlp, finder, coder):
    # manual 8.7: an announced act is the act, with modality future and the mode of its category
    doc = nlp("Japan will send aid to Nepal.")
    (row,) = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.source_actor == "JPN"]
    assert (row.target_actor, row.plover, row.stance, row.mode, row.modality) == ("NPL", "AID", 1, "material", "future")
    assert ("PER", "CHL", "CONSULT", "future") in modalities(nlp, finder, coder, "Peru plans to meet Chile in May.")


def test_act_under_a_condition_is_hypothetical(nlp, finder, coder):
    rows = modalities(nlp, finder, coder, "Iran will strike Israel if the talks fail.")
    assert ("IRN", "ISR", "ASSAULT", "hypothetical") in rows
    assert code(nlp, finder, coder, "Iran will strike Israel if the talks fail.") == set()
    assert ("ISR", "LBN", "ASSAULT", "hypothetical") in modalities(nlp, finder, coder, "If Hezbollah fires, Israel would bomb Lebanon.")


def test_act_the_text_keeps_its_distance_from_is_hypothetical(nlp, finder, coder):
    assert ("SDN", "TCD", "ASSAULT", "hypothetical") in modalities(nlp, finder, coder, "Sudan reportedly shelled Chad on Monday.")
    assert ("SDN", "TCD", "", "ASSAULT", -1) in code(nlp, finder, coder, "Sudan shelled Chad on Monday.")


def test_reported_would_is_future_and_plain_would_hypothetical(nlp, finder, coder):
    assert ("GHA", "TGO", "CONSULT", "future") in modalities(nlp, finder, coder, "Ghana said it would meet Togo next week.")
    assert ("GHA", "TGO", "CONSULT", "hypothetical") in modalities(nlp, finder, coder, "Ghana would meet Togo only after an apology.")


def test_act_not_yet_done_is_negated(nlp, finder, coder):
    assert ("GHA", "TGO", "CONSULT", "negated") in modalities(nlp, finder, coder, "Ghana has yet to meet Togo.")
    assert ("GHA", "TGO", "AGREE", "negated") in modalities(nlp, finder, coder, "Ghana failed to agree with Togo on the border.")


def test_purpose_of_an_act_is_not_an_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile met Peru to establish a hotline.")
    assert {r[3] for r in rows} == {"CONSULT"}


def test_lexicon_refuses_yaml_booleans(tmp_path):
    from newscoder.errors import CodebookError

    (tmp_path / "triggers.yaml").write_text(
        "triggers:\n  - {id: x, lemmas: [call], particle: [on], plover: REQUEST, stance: -1, mode: verbal}\n"
    )
    (tmp_path / "issues.yaml").write_text("issues: []\n")
    with pytest.raises(CodebookError, match="quotes around on"):
        load_lexicon(tmp_path)


def test_subject_reached_through_a_prepositional_clause(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway was the most vocal in demanding that Iran free the prisoners.")
    assert ("NOR", "IRN") in pairs(rows)


def test_concern_targets_the_actors_of_the_clause_it_is_about(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Egypt voiced concern over the possibility that Ethiopia could fill the dam.")
    assert ("EGY", "ETH", "", "ACCUSE", -1) in rows


def test_one_act_told_twice_in_a_sentence_is_one_row(nlp, finder, coder):
    doc = nlp("Kenyan and Ugandan officials convened for talks on Friday.")
    rows = [(s.source_actor, s.target_actor) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")]
    assert sorted(rows) == [("KEN", "UGA"), ("UGA", "KEN")]


def test_a_different_act_inside_another_is_kept(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile met Peru on Monday, thanking Lima for its help.")
    assert {r[3] for r in rows if r[:2] == ("CHL", "PER")} == {"CONSULT", "SUPPORT"}


def test_asking_for_backing_is_a_cooperative_request_to_the_backer(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Serbia sought Russian backing against Kosovo.")
    assert ("SRB", "RUS", "", "REQUEST", 1) in rows


def test_holding_a_zone_in_a_country_coerces_it(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Turkey maintains a buffer zone in northern Iraq.")
    assert ("TUR", "IRQ") in pairs(rows) and all(r[3] == "COERCE" for r in rows)


def test_a_halt_targets_whom_the_halted_act_was_against(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Russian strikes on Ukraine came to a halt in May.")
    assert ("RUS", "UKR", "", "RETREAT", 1) in rows


def test_every_conjunct_of_an_of_phrase_is_a_source(nlp, finder, coder):
    rows = code(nlp, finder, coder, "The envoys of Chile, Peru and Bolivia condemned Venezuela on Monday.")
    assert {("CHL", "VEN"), ("PER", "VEN"), ("BOL", "VEN")} <= pairs(rows)


def test_group_in_a_country_acts_for_that_country(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Lawmakers in Ghana and Nigeria condemned Niger.")
    assert {("GHA", "NER"), ("NGA", "NER")} <= pairs(rows)


def test_a_forum_in_a_country_is_only_a_place(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya and Somalia held talks at a summit in Ethiopia.")
    assert not any("ETH" in pair for pair in pairs(rows))


def test_list_member_the_parser_hung_on_the_next_name_is_a_source(nlp, coder):
    # A parse the small model gives to unfamiliar names: "Tuvalu" (with its "and") as a modifier of "Nauru".
    from spacy.tokens import Doc

    from newscoder.entities import Mention
    from newscoder.stance import _Context

    words = ["Tuvalu", "and", "the", "tiny", "Nauru", "criticized", "Fiji", "."]
    doc = Doc(nlp.vocab, words=words, heads=[4, 0, 4, 4, 5, 5, 5, 5],
              deps=["nmod", "cc", "det", "amod", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB", "PROPN", "PUNCT"])
    mentions = [Mention(doc[i].idx, doc[i].idx + len(doc[i]), i, i + 1, doc[i].text, "ACTOR", "actor", a)
                for i, a in ((0, "TUV"), (4, "NRU"), (6, "FJI"))]
    ctx = _Context({m.start: m for m in mentions})
    assert {p.actor for p in coder.parties(doc[4], ctx)} == {"TUV", "NRU"}
    # a name with no coordinated modifier stays one actor
    assert {p.actor for p in coder.parties(doc[6], ctx)} == {"FJI"}


def test_recipient_of_what_is_given_is_the_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway donated fifty million kroner to Sudan.")
    assert ("NOR", "SDN") in pairs(rows)


def test_maker_of_what_is_welcomed_is_the_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Portugal welcomed proposals drafted by Angola.")
    assert ("PRT", "AGO") in pairs(rows)


def test_threat_targets_whom_the_announced_act_is_aimed_at(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Armenia vowed to wage war on Azerbaijan.")
    assert ("ARM", "AZE", "", "THREATEN", -1) in rows
    assert code(nlp, finder, coder, "Armenia vowed to cooperate with Azerbaijan.") == set()


@pytest.mark.parametrize(
    "text, row",
    [
        ("Iran deplored Israel's strikes.", ("IRN", "ISR", "", "ACCUSE", -1)),
        ("Vietnam chided China on Monday.", ("VNM", "CHN", "", "ACCUSE", -1)),
        ("The envoy of Japan presented her credentials to Vietnam.", ("JPN", "VNM", "", "SUPPORT", 1)),
        ("Chile adopted a joint declaration with Argentina.", ("ARG", "CHL", "", "AGREE", 1)),
        ("Serbian troops sealed off the border with Kosovo.", ("SRB", "XKX", "", "COERCE", -1)),
        ("Ecuador improved its relations with Colombia.", ("COL", "ECU", "", "COOPERATE", 1)),
        ("Morocco reasserted its friendship with Senegal.", ("MAR", "SEN", "", "SUPPORT", 1)),
        ("Chad kidnapped two Libyan officials.", ("TCD", "LBY", "", "ASSAULT", -1)),
    ],
)
def test_lexicon_entries_from_the_cameo_verb_codebook(nlp, finder, coder, text, row):
    assert row in code(nlp, finder, coder, text)


def test_a_meeting_told_without_its_parties_is_between_those_of_the_joint_act_before(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Qatar hosted talks between Ethiopia and Egypt, with the latest meeting taking place on Monday.")
    assert {("QAT", "ETH"), ("QAT", "EGY"), ("ETH", "EGY"), ("EGY", "ETH")} <= pairs(rows)


def test_talks_with_no_parties_are_not_given_the_articles_main_actors(nlp, finder, coder):
    # no actor in the sentence, no statement: the two actors the article names most are a guess
    rows = code(nlp, finder, coder, "Peru accused Chile of spying. Chile denied it and warned Peru. Officials said technical talks were underway.")
    assert not any(r[3] == "CONSULT" for r in rows)


def test_talks_with_no_parties_right_after_a_joint_act_take_its_parties_at_low_confidence(nlp, finder, coder):
    doc = nlp("Peru and Chile met in Lima on Monday. Officials said technical talks were underway.")
    rows = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.sent_id == 0 and s.trigger == "talks"] or \
        [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.trigger == "talks"]
    assert {(s.source_actor, s.target_actor) for s in rows} == {("PER", "CHL"), ("CHL", "PER")}
    assert {s.confidence for s in rows} == {"low"}


def test_offer_to_mediate_with_no_parties_named_targets_the_parties_of_the_dispute(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya and Uganda have clashed over the island. Tanzania praised Kenya and offered to mediate.")
    # CAMEO 039 'express intent to mediate' is PLOVER AGREE
    assert {("TZA", "KEN", "", "AGREE", 1), ("TZA", "UGA", "", "AGREE", 1)} <= rows


def test_host_of_a_meeting_named_by_the_passive_it_shares_a_subject_with(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Sudan and Chad held talks on Monday. The meeting was held in Geneva and hosted by Switzerland.")
    assert {("CHE", "SDN"), ("CHE", "TCD")} <= pairs(rows)
    assert not any(src == "SDN" and tgt == "CHE" for src, tgt in pairs(rows))


def test_facilitation_given_as_the_reason_for_thanks_is_not_coded(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Sudan and Chad held talks. Brazil thanked Norway for facilitating the talks.")
    assert ("BRA", "NOR", "", "SUPPORT", 1) in rows
    assert not any(r[3] == "CONSULT" and r[0] in ("BRA", "NOR") for r in rows)


QUANTIFIED = ("Chile praised Peru. Ties have cooled lately, but since Argentina and Brazil both took over parts of Uruguay "
              "last year, both sides have also expressed an interest in talks.")


def test_quantifier_subject_takes_the_actors_named_before_it(nlp, finder, coder):
    assert {("ARG", "URY", "", "COERCE", -1), ("BRA", "URY", "", "COERCE", -1)} <= code(nlp, finder, coder, QUANTIFIED)


def test_both_sides_are_the_pair_the_sentence_told_acting(nlp, finder, coder):
    rows = code(nlp, finder, coder, QUANTIFIED)
    assert {("ARG", "BRA", "", "AGREE", 1), ("BRA", "ARG", "", "AGREE", 1)} <= rows
    assert not any(r[3] == "AGREE" and "CHL" in r[:2] for r in rows)


def test_seizure_targets_the_state_whose_territory_it_is(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Ethiopian troops seized Mount Tullu and several villages more than 20 kilometers deep into Eritrean territory.")
    assert ("ETH", "ERI", "", "COERCE", -1) in rows


def test_two_coordinated_acts_toward_the_same_target_are_two_rows(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenyan President William Ruto has called Ugandan President Yoweri Museveni a “dictator,” "
                                    "and Kenya has officially backed Tanzania’s lawsuit against Uganda at the regional court.")
    # the issue of the lawsuit belongs to its own clause, not to the name-calling before it
    assert {("KEN", "UGA", "", "ACCUSE", -1), ("KEN", "UGA", "LEGAL_PROCEEDINGS", "ACCUSE", -1)} <= rows


def test_blow_with_no_object_actor_targets_the_first_actor_named_after_it(nlp, finder, coder):
    rows = code(nlp, finder, coder, "North Korea fired three missiles near a patrol boat from Japan on Sunday.")
    assert ("PRK", "JPN", "", "ASSAULT", -1) in rows
    # a noun naming an attack as a time anchor is not an act toward the state named after it
    assert not any(r[1] == "IRQ" for r in code(nlp, finder, coder, "Jordan has praised Egypt since Kuwait's 1990 invasion of Iraq."))


def test_act_in_a_phrase_inside_a_relative_clause_takes_its_antecedent_as_source(nlp, finder, coder):
    rows = code(nlp, finder, coder, "The deal was welcomed by Norway, which later sent Kenya a note praising its efforts toward peace.")
    assert ("NOR", "KEN", "", "SUPPORT", 1) in rows


def test_a_visit_is_made_by_the_visitor_and_hosted_by_the_visited_state(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya's president arrived in Ethiopia on Monday for a two-day visit.")
    assert {("KEN", "ETH", "", "CONSULT", 1), ("ETH", "KEN", "", "CONSULT", 1)} <= rows


def test_aid_told_from_the_receiving_side_is_coded_from_the_giver(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Ukraine received new weapons from Germany on Friday.")
    assert ("DEU", "UKR", "", "AID", 1) in rows
    assert not any(r[0] == "UKR" for r in rows)


def test_a_meeting_named_in_a_phrase_of_time_is_an_act_of_its_own(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Following a meeting with Chad's president, Sudan's leader affirmed his support for Chad.")
    assert {("SDN", "TCD", "", "CONSULT", 1), ("TCD", "SDN", "", "CONSULT", 1), ("SDN", "TCD", "", "SUPPORT", 1)} <= rows


def test_joint_act_with_one_party_named_gets_no_partner_from_the_article(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya accused Uganda of spying. Kenyan officials said efforts were underway to restore ties.")
    assert not any(r[3] == "COOPERATE" for r in rows)
    # right after a joint act of the two, the other party of that act is meant (a back-reference: low)
    doc = nlp("Kenya and Uganda have clashed over the island. Kenyan officials said efforts were underway to restore ties.")
    rows = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.plover == "COOPERATE"]
    assert {(s.source_actor, s.target_actor, s.confidence) for s in rows} == {("KEN", "UGA", "low"), ("UGA", "KEN", "low")}
    assert ("KEN", "UGA", "", "COOPERATE", 1) in code(nlp, finder, coder, "Kenyan officials said efforts were underway to restore ties with Uganda.")


def test_agreement_to_act_for_another_actor_targets_that_actor_one_way(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway agreed to send Chile medical supplies.")
    assert pairs(rows) == {("NOR", "CHL")}  # a pledge to Chile, not a deal Chile made
    rows = code(nlp, finder, coder, "Turkey signed an agreement to supply Ukraine with drones.")
    assert pairs(rows) == {("TUR", "UKR")}
    assert pairs(code(nlp, finder, coder, "Egypt and Qatar agreed to work together.")) == {("EGY", "QAT"), ("QAT", "EGY")}


def test_one_way_act_about_what_happens_in_a_country_targets_it(nlp, finder, coder):
    assert pairs(code(nlp, finder, coder, "Chile criticized the closure of schools in Peru.")) == {("CHL", "PER")}
    assert pairs(code(nlp, finder, coder, "Ghana welcomed the release of prisoners in Togo.")) == {("GHA", "TGO")}
    # a joint act's place is its venue, not a party
    assert pairs(code(nlp, finder, coder, "Norway held talks on the crisis in Sudan.")) == set()


def test_their_joint_act_belongs_to_the_compound_subject(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Russia and Ukraine postponed their talks.")
    assert pairs(rows) == {("RUS", "UKR"), ("UKR", "RUS")}


def test_possessive_pronoun_may_refer_to_the_subject(nlp, finder, coder):
    text = "Kenyan President William Ruto arrived in Addis Ababa. Ugandan President Yoweri Museveni said his government was holding talks with Sudan."
    rows = code(nlp, finder, coder, text)
    assert {("UGA", "SDN"), ("SDN", "UGA")} <= pairs(rows)
    assert not any("KEN" in pair for pair in pairs(rows))


def test_working_toward_is_consultation(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile and Peru are working toward a fisheries accord.")
    assert {(s, t, p) for s, t, _, p, _ in rows} >= {("CHL", "PER", "CONSULT"), ("PER", "CHL", "CONSULT")}


def test_affirmed_commitment_is_intent_to_cooperate(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Ghana reaffirmed its commitment to Togo.")
    assert ("GHA", "TGO", "", "AGREE", 1) in rows


def test_hyphenated_demonyms_name_both_parties(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway hosted Colombian-Venezuelan talks.")
    assert {("NOR", "COL"), ("NOR", "VEN")} <= pairs(rows)


def test_against_is_no_target_of_a_cooperative_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "During a visit to Paris, Armenia sought U.S. backing against Azerbaijan.")
    assert ("ARM", "USA") in pairs(rows)
    assert ("ARM", "AZE") not in pairs(rows)
    assert ("GEO", "RUS") not in pairs(code(nlp, finder, coder, "Georgia sought European backing against Russia."))


def test_measure_on_an_actor_targets_that_actor(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Canada eased sanctions on Venezuela.")
    assert ("CAN", "VEN", "SANCTIONS", "CONCEDE", 1) in rows


def test_aim_of_an_act_is_not_an_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Serbian and Kosovar negotiators met in Brussels, aiming to restore ties.")
    assert {(s, t, p) for s, t, _, p, _ in rows} == {("SRB", "XKX", "CONSULT"), ("XKX", "SRB", "CONSULT")}


def test_noun_naming_an_act_already_told_is_not_coded_again(nlp, finder, coder):
    text = "Serbia and Kosovo held talks in Brussels on Monday. Markets rallied on news of the talks between Serbia and Kosovo."
    doc = nlp(text)
    statements = coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    assert {(s.source_actor, s.target_actor) for s in statements} == {("SRB", "XKX"), ("XKX", "SRB")}
    assert {s.start_char for s in statements} == {0}  # only the first sentence


def test_noun_act_told_with_an_event_verb_is_coded_again(nlp, finder, coder):
    text = "Serbia and Kosovo held talks in Brussels on Monday. Talks between Serbia and Kosovo resumed on Friday."
    doc = nlp(text)
    statements = coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    assert {(s.source_actor, s.target_actor) for s in statements if s.start_char > 0} == {("SRB", "XKX"), ("XKX", "SRB")}


def test_standing_firm_on_a_position_is_a_stance_on_its_issue(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Peru remains firm in its position that the border area must remain a demilitarized zone.")
    assert ("PER", "", "DEMILITARIZED_ZONE", "REQUEST", 1) in rows


def test_both_sides_never_include_the_actor_addressing_them(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Norway hosted Colombia and Venezuela in Oslo. Norway praised Colombia. Norway urged both sides to resume talks.")
    # an appeal for talks is cooperative (CAMEO 02; STATEMENTS_MANUAL 8.5)
    assert {("NOR", "COL", "", "REQUEST", 1), ("NOR", "VEN", "", "REQUEST", 1)} <= rows


def test_backing_a_case_supports_the_applicant_and_accuses_the_respondent(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile has backed Mexico's lawsuit against Peru at the International Court of Justice.")
    assert ("CHL", "MEX", "", "SUPPORT", 1) in {(s, t, "", p, st) for s, t, _, p, st in rows}
    assert ("CHL", "PER") in pairs(rows)


def test_at_names_a_venue_of_a_cooperative_act(nlp, finder, coder):
    assert pairs(code(nlp, finder, coder, "Chile praised Mexico at the International Court of Justice (ICJ).")) == {("CHL", "MEX")}


def test_also_must_name_another_entry(tmp_path):
    import shutil

    from newscoder.errors import CodebookError

    for name in ("triggers.yaml", "issues.yaml"):
        shutil.copy(project_root() / "codebook" / name, tmp_path / name)
    text = (tmp_path / "triggers.yaml").read_text(encoding="utf-8")
    (tmp_path / "triggers.yaml").write_text(text.replace("also: [legal_case_backing]", "also: [no_such_entry]"), encoding="utf-8")
    with pytest.raises(CodebookError, match="no_such_entry"):
        load_lexicon(tmp_path)


def test_act_others_will_force_is_not_the_subjects_intention(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Ethiopia said Eritrea will be forced to withdraw from Somalia.")
    assert not any(p == "RETREAT" for _, _, _, p, _ in rows)
    past = code(nlp, finder, coder, "Eritrea was forced to withdraw from Ethiopia.")
    assert ("ERI", "ETH", "", "RETREAT", 1) in past  # a compulsion that happened is a retreat that happened


def test_former_officials_speak_for_no_state(nlp, finder, coder):
    assert code(nlp, finder, coder, "Former Kenyan officials criticized Somalia.") == set()
    assert ("KEN", "SOM") in pairs(code(nlp, finder, coder, "Kenyan officials criticized Somalia."))


def test_act_named_as_a_topic_is_not_an_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "The report stressed the importance of restoring ties between Chile and Bolivia.")
    assert not any(p == "COOPERATE" for _, _, _, p, _ in rows)


def test_noun_act_as_subject_of_a_past_verb_took_place(nlp, finder, coder):
    rows = code(nlp, finder, coder, "The talks with Chilean negotiators were constructive, a Peruvian official said.")
    assert {("PER", "CHL"), ("CHL", "PER")} <= pairs(rows)
    assert code(nlp, finder, coder, "Talks with Chile would be useful, a Peruvian official said.") == set()
    assert code(nlp, finder, coder, "Talks with Chile are unlikely, a Peruvian official said.") == set()


def test_under_auspices_the_host_meets_both_parties(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Sudanese and Chadian negotiators met in Doha under Qatari auspices.")
    assert {("QAT", "SDN", "", "CONSULT", 1), ("QAT", "TCD", "", "CONSULT", 1)} <= rows


def test_hosting_is_not_a_back_reference_to_talks_between_host_and_party(nlp, finder, coder):
    text = "Qatar held talks with Sudan in May. Sudanese and Chadian negotiators met in Doha in June under Qatari auspices."
    doc = nlp(text)
    later = {(s.source_actor, s.target_actor) for s in coder(doc, finder(doc, dt.date(2025, 7, 1)), "t") if s.start_char > 0}
    assert {("QAT", "SDN"), ("QAT", "TCD")} <= later


def test_an_offer_to_mediate_is_between_the_parties_of_the_joint_act_just_told(nlp, finder, coder):
    text = "Colombia and Venezuela held talks in March. Brazil praised the talks and offered to help mediate."
    rows = code(nlp, finder, coder, text)
    assert {("BRA", "COL", "", "AGREE", 1), ("BRA", "VEN", "", "AGREE", 1)} <= rows
    assert ("BRA", "VEN", "", "CONSULT", 1) not in rows  # 'mediate' is what was offered, not an act
    # the pair the article names most is no party to it when no joint act was just told
    far = "Colombia and Venezuela held talks in March. Colombia accused Venezuela of stalling. Brazil met Colombia on Monday and offered to help mediate."
    assert not any(r[3] == "AGREE" and r[1] == "VEN" for r in code(nlp, finder, coder, far))


def test_infiltration_is_coercion(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Pakistani militants infiltrated India last year.")
    assert ("PAK", "IND", "", "COERCE", -1) in rows


def test_subject_after_and_does_not_take_the_previous_clauses_object(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya criticized Uganda, and Tanzania praised Rwanda.")
    assert pairs(rows) == {("KEN", "UGA"), ("TZA", "RWA")}


def test_sport_sentences_give_no_statement(nlp, finder, coder):
    sport = ["Spain attacked Italy's defence in the World Cup qualifier on Sunday.",
             "Chile accused Peru of cheating in the tennis final."]
    assert all(code(nlp, finder, coder, text) == set() for text in sport)
    # The same sentences are coded without the discard list, and politics next to sport still is.
    import dataclasses

    bare = StatementCoder(nlp, dataclasses.replace(coder.lexicon, discard_words=frozenset()))
    assert all(code(nlp, finder, bare, text) for text in sport)
    assert ("CHL", "PER", "", "ACCUSE", -1) in code(nlp, finder, coder, "Chile accused Peru of shelling the Gulf coast.")
    # Sport in a time phrase is not what the act is about.
    assert ("CHL", "PER") in pairs(code(nlp, finder, coder, "Chile condemned Peru two days after the football final in Lima."))


def test_partner_is_not_a_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Burundian troops fought alongside Congolese soldiers against Rwanda.")
    assert ("BDI", "RWA", "", "ASSAULT", -1) in rows
    assert not any(t == "COD" for _, t in pairs(rows))
    rows = code(nlp, finder, coder, "Kenya attacked Somalia together with Ethiopia.")
    assert ("KEN", "SOM") in pairs(rows) and ("KEN", "ETH") not in pairs(rows)


def test_fighting_against_is_one_way(nlp, finder, coder):
    assert pairs(code(nlp, finder, coder, "Uganda fought against Sudan in 1997.")) == {("UGA", "SDN")}


def test_participle_describing_a_group_is_not_an_act(nlp, finder, coder):
    assert code(nlp, finder, coder, "Syrian rebels fighting under the banner of Turkey control the town.") == set()


def test_an_act_a_copula_ascribes_to_something_is_not_that_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "The Chinese plan was a blatant attack on Vietnam, Hanoi said.")
    assert ("CHN", "VNM", "", "ASSAULT", -1) not in rows


def test_subject_of_a_clause_a_meeting_is_the_setting_of_takes_part(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya's president raised the issue in a meeting with Ugandan officials.")
    assert ("KEN", "UGA", "", "CONSULT", 1) in rows
    assert not any(r[3] == "CONSULT" for r in code(nlp, finder, coder, "Japan asked for a meeting of the Security Council."))


def test_apposition_describing_the_subject_is_not_a_second_source(nlp, finder, coder):
    rows = code(nlp, finder, coder, "China, North Korea's main ally, criticized Japan.")
    assert pairs(rows) == {("CHN", "JPN")}


def test_a_subject_that_names_no_actor_gives_no_statement_not_the_speaker(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Sudan said the militias had attacked Chad.")
    assert not any(s == "SDN" and r == "ASSAULT" for s, _, _, r, _ in rows)


def test_it_in_a_reported_clause_is_the_speaker(nlp, finder, coder):
    assert ("GHA", "TGO", "", "ACCUSE", -1) in code(nlp, finder, coder, "Ghana said it condemned Togo.")


def test_confidence_is_high_for_a_direct_subject_and_object_and_low_for_a_pronoun(nlp, finder, coder):
    doc = nlp("Egypt condemned Ethiopia on Tuesday. It also criticized Sudan.")
    rows = {(s.source_actor, s.target_actor): s.confidence for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert rows[("EGY", "ETH")] == "high"
    assert rows[("EGY", "SDN")] == "low"


def test_every_filter_that_drops_a_trigger_leaves_its_name(nlp, finder, coder):
    doc = nlp("Chile held talks with Peru. Chile met Peru to establish a hotline.")
    coding = coder.code(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    reasons = {(d.word, d.filter) for d in coding.drops}
    assert ("talks", "noun_named_by_trigger_verb") in reasons
    assert ("establish", "purpose_of_another_act") in reasons
    assert {r.plover for r in coding.statements} == {"CONSULT"}


def test_nominal_event_takes_its_own_arguments(nlp, finder, coder):
    # possessive source, 'of' patient; 'by' source
    assert ("RUS", "UKR", "", "ASSAULT", -1) in code(nlp, finder, coder, "Russia's bombardment of Ukraine continued.")
    assert ("ISR", "LBN", "", "ASSAULT", -1) in code(nlp, finder, coder, "Egypt condemned the bombing of Lebanon by Israel.")
    # the condemning verb does not make the named attack its own act
    rows = code(nlp, finder, coder, "Sudan criticized Chad's invasion of Libya.")
    assert {("SDN", "TCD", "", "ACCUSE", -1), ("TCD", "LBY", "", "ASSAULT", -1)} <= rows


def test_light_verb_and_its_noun_are_one_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile held talks with Peru.")
    assert rows == {("CHL", "PER", "", "CONSULT", 1), ("PER", "CHL", "", "CONSULT", 1)}


def test_of_names_the_agent_of_a_noun_act_of_an_agent_category(coder):
    # CONSULT, RETREAT, MOBILIZE ...: "the visit of A", not a visit to A
    assert "CONSULT" in coder.rules.of_agent_categories and "ASSAULT" not in coder.rules.of_agent_categories


def test_list_cut_by_the_sentence_splitter_at_and_keeps_its_first_member(nlp, finder, coder):
    from spacy.tokens import Doc

    from newscoder.entities import Mention
    from newscoder.stance import _Context

    # "Chad" ends one sentence; the next begins "and Niger met Mali"
    words = ["Chad", "and", "Niger", "met", "Mali", "."]
    doc = Doc(nlp.vocab, words=words, heads=[0, 3, 3, 3, 3, 3], deps=["ROOT", "cc", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"], sent_starts=[True, True, False, False, False, False])
    mentions = [Mention(doc[i].idx, doc[i].idx + len(doc[i]), i, i + 1, doc[i].text, "ACTOR", "actor", a) for i, a in ((0, "TCD"), (2, "NER"), (4, "MLI"))]
    ctx = _Context({m.start: m for m in mentions})
    assert {p.actor for p in coder._actors_left_of(doc[2], ctx, start=2)} == {"TCD"}


def test_stance_rules_file_errors_name_the_file_and_key(tmp_path):
    from newscoder.errors import CodebookError
    from newscoder.stance_rules import load_stance_rules

    text = (project_root() / "codebook" / "stance_rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "stance_rules.yaml").write_text(text.replace("content_categories: [REQUEST,", "content_categories: [PLEAD,"), encoding="utf-8")
    with pytest.raises(CodebookError, match="stance_rules.yaml: content_categories names \\['PLEAD'\\]"):
        load_stance_rules(tmp_path)


def test_a_row_points_at_the_mentions_that_play_its_roles(nlp, finder, coder):
    # for the sector step: which words named the source and the target
    text = "Kenyan police arrested Ugandan soldiers."
    doc = nlp(text)
    (row,) = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if (s.source_actor, s.target_actor) == ("KEN", "UGA")]
    assert text[row.source_char:].startswith("Kenyan") and text[row.target_char:].startswith("Ugandan")


@pytest.mark.parametrize("text, source, target, rule", [
    ("Egypt condemned Ethiopia on Tuesday.", "EGY", "ETH", "source:subject"),
    ("Greece was warned by Turkey over the drilling.", "TUR", "GRC", "source:passive_agent"),
    ("Norway, which criticized Sweden last year, stayed silent.", "NOR", "SWE", "source:relative_clause"),
    ("Russian airstrikes on Ukraine continued overnight.", "RUS", "UKR", "source:modifier"),
    ("Egypt condemned the bombing of Lebanon by Israel.", "ISR", "LBN", "source:by"),
    ("Sudan and Chad held talks on Monday. The meeting was held in Geneva and hosted by Switzerland.", "CHE", None,
     "source:passive_agent_of_shared_subject"),
])
def test_each_source_rule_names_itself_in_the_row(nlp, finder, coder, text, source, target, rule):
    doc = nlp(text)
    rows = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if s.source_actor == source and (target is None or s.target_actor == target)]
    assert rows and all(rule in s.rule.split(";") for s in rows)


def test_rule_lists_are_named_ordered_and_documented():
    from newscoder.stance_rules import MODALITY_RULES, SOURCE_RULES, STANCE_RULES, TRIGGER_FILTERS

    for rules in (SOURCE_RULES, STANCE_RULES, TRIGGER_FILTERS, MODALITY_RULES):
        names = [name for name, _ in rules]
        assert len(set(names)) == len(names)
        assert all(rule.__doc__ and '"' in rule.__doc__ for _, rule in rules)  # each docstring quotes an example
    readme = (project_root() / "codebook" / "README.md").read_text(encoding="utf-8")
    for rules in (SOURCE_RULES, STANCE_RULES, TRIGGER_FILTERS, MODALITY_RULES):
        positions = [readme.find(f"`{name}`") for name, _ in rules]
        assert -1 not in positions, [name for (name, _), at in zip(rules, positions) if at == -1]
        assert positions == sorted(positions)  # documented in the order they run


def test_it_as_subject_of_an_inner_clause_is_the_outer_subject_not_an_actor_named_between(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Japan has not criticized Korea's launches since it backed Chinese sanctions in 2017.")
    assert not any(s == "KOR" and r == "SUPPORT" for s, _, _, r, _ in rows)
    assert ("JPN", "CHN", "SANCTIONS", "SUPPORT", 1) in rows


def test_a_date_is_no_target(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya demanded on Feb. 12 that Somalia withdraw its troops.")
    assert ("KEN", "SOM", "", "REQUEST", -1) in rows


def test_a_list_is_a_pair_only_in_a_between_phrase(nlp, finder, coder):
    assert ("RUS", "JOR") in pairs(code(nlp, finder, coder, "A ceasefire was agreed last year between Russia, Egypt and Jordan."))
    assert code(nlp, finder, coder, "Forces were fighting to the south, Russian, Iranian and Syrian.") == set()


def test_a_fight_with_an_object_is_one_way(nlp, finder, coder):
    rows = pairs(code(nlp, finder, coder, "Kenya fought Somalia in the border town."))
    assert ("KEN", "SOM") in rows and ("SOM", "KEN") not in rows


def test_a_fight_with_one_party_named_takes_no_partner_from_an_earlier_act(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya and Uganda met on Monday. Kenya continued to battle remnants of the militia.")
    assert not any(r[3] == "ASSAULT" for r in rows)


def test_a_denied_description_is_negated(nlp, finder, coder):
    assert ("FRA", "USA", "THREATEN", "negated") in modalities(nlp, finder, coder, "France is not a threat to the United States.")


def test_pronoun_whose_outer_subject_names_no_actor_is_no_one(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Kenya criticized Uganda. The envoy said he was asking Tanzania to meet.")
    assert not any(r[1] == "TZA" for r in rows)


def test_leaving_a_deal_through_a_particle_is_rejecting_it(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile pulled out of the deal with Peru on Monday.")
    assert ("CHL", "PER", "", "REJECT", -1) in rows
    assert not any(r[3] == "RETREAT" for r in rows)


def test_pulling_out_of_a_town_stays_a_retreat(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile pulled out of the town after heavy fighting with Peruvian forces.")
    assert any(r[3] == "RETREAT" for r in rows) and not any(r[3] == "REJECT" for r in rows)


def test_object_below_a_quantity_noun_is_the_entrys_object(nlp, finder, coder):
    rows = code(nlp, finder, coder, "Chile delivered a convoy of aid to Peru.")
    assert ("CHL", "PER", "", "AID", 1) in rows


@pytest.mark.parametrize("text", [
    "Chile launched an offensive against Peru during the talks.",
    "Chile began shelling Peruvian villages amid negotiations in Geneva.",
    "Peru opened fire on Chilean boats despite the dialogue.",
])
def test_a_phrase_of_time_or_cause_holds_no_object_of_the_entry(nlp, finder, coder, text):
    # "during the talks" says when the offensive was launched: it is no holding of talks
    assert not any(r[3] == "CONSULT" for r in code(nlp, finder, coder, text))


def test_the_entry_object_still_counts_as_object_or_in_another_phrase(nlp, finder, coder):
    assert any(r[3] == "CONSULT" for r in code(nlp, finder, coder, "Chile and Peru held talks in Lima on Monday."))
    assert any(r[3] == "CONSULT" for r in code(nlp, finder, coder, "Chile and Peru opened a new round of talks in Lima."))


def test_a_verb_coordinated_with_a_plan_word_is_not_planned_by_it(nlp, finder, coder):
    # "wants" and "consider" govern their own objects; the verb after "and" is told as done
    assert ("CHL", "PER", "MOBILIZE", "asserted") in modalities(nlp, finder, coder, "Chile wants peace and has sent troops to Peru.")
    text = "Chile and Peru do not consider the rebels a threat, and have supported the Kurds since 2014."
    assert ("CHL", "KURDS", "SUPPORT", "asserted") in modalities(nlp, finder, coder, text)


def test_a_verb_coordinated_with_a_planned_act_is_planned_too(nlp, finder, coder):
    # "sign" shares the plan of "meet": neither is done yet, though "meet" is itself a trigger
    rows = modalities(nlp, finder, coder, "Chile plans to meet Peru and sign a deal with Bolivia.")
    assert ("CHL", "BOL", "AGREE", "future") in rows
    assert ("CHL", "BOL", "AGREE", "asserted") not in rows
