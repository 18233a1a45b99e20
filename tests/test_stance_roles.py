"""Grammar-true roles: each role rule of the statement coder on sentences of its own."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def rows(nlp, finder, coder, text, published=dt.date(2025, 3, 1)):
    """The asserted rows of a text: (source, target, stance, confidence, rule)."""
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.stance, s.confidence, s.rule)
            for s in coder(doc, finder(doc, published), "t") if s.modality == "asserted"]


def pairs(found):
    return {(r[0], r[1]) for r in found}


def test_pronoun_subject_takes_the_previous_sentences_subject_at_low_confidence(nlp, finder, coder):
    found = rows(nlp, finder, coder, "A Chilean envoy spoke to reporters in Lima on Monday. She urged Peru to reopen the border.")
    assert ("CHL", "PER") in pairs(found)
    row = next(r for r in found if (r[0], r[1]) == ("CHL", "PER"))
    assert row[3] == "low" and "source:pronoun_of_previous_subject" in row[4]


def test_he_does_not_stand_for_a_country_named_by_its_name(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile reopened its embassy on Monday. He urged Peru to reopen the border.")
    assert ("CHL", "PER") not in pairs(found)


def test_pronoun_with_no_actor_before_gives_no_row(nlp, finder, coder):
    found = rows(nlp, finder, coder, "The weather was cold on Monday. She urged Peru to reopen the border.")
    assert not any(r[1] == "PER" for r in found)


def test_counted_leaders_are_the_pair_of_the_joint_act_before(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana and Togo held talks in Accra on Friday. The two leaders agreed on a new border crossing.")
    agreed = [r for r in found if "trigger:agree" in r[4]]
    assert {("GHA", "TGO"), ("TGO", "GHA")} <= pairs(agreed)


def test_plural_forces_without_a_count_are_no_pair(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana and Togo held talks in Accra on Friday. Officials said the armed forces signed the accord.")
    assert not any("trigger:agree" in r[4] for r in found)


def test_speaker_saying_an_actor_poses_a_threat_accuses_it(nlp, finder, coder):
    doc = nlp("Kenya said the Ugandan rebels represented a threat to its security.")
    found = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")]
    row = next(s for s in found if (s.source_actor, s.target_actor) == ("KEN", "UGA"))
    assert (row.plover, row.stance) == ("ACCUSE", -1)
    assert "source:speaker_characterising" in row.rule and "target:characterised_subject" in row.rule
    assert not any(s.source_actor == "UGA" for s in found)  # the speaker's words, not a threat by the rebels


def test_plan_called_an_attack_by_a_speaker_is_the_speakers_accusation(nlp, finder, coder):
    found = rows(nlp, finder, coder, "The Malian plan was a blatant attack on our sovereignty, Algeria said.")
    assert pairs(found) == {("DZA", "MLI")}


def test_threat_told_without_a_speaker_stays_the_subjects_act(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ugandan rebels are a threat to Kenya.")
    assert ("UGA", "KEN") in pairs(found)


def test_act_between_two_sectors_of_one_country_is_coded_as_domestic(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Kenyan police arrested opposition supporters in Nairobi.")
    assert ("KEN", "KEN") in pairs(found)
    assert any("target:domestic" in r[4] for r in found)


def test_protest_against_ones_own_government_is_domestic(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chilean teachers are protesting against the government.")
    assert ("CHL", "CHL") in pairs(found)


def test_a_pronoun_for_the_subjects_own_country_is_no_domestic_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile's navy shelled its own coast, officials said.")
    assert ("CHL", "CHL") not in pairs(found)


def test_he_after_a_newly_named_unknown_person_is_not_the_earlier_known_one(nlp, finder, coder):
    text = ("Kenya's president William Ruto spoke in Nairobi on Monday. The delegation was led by Colonel "
            "Barnabas Okello-Wambui, who praised the mission. He accused Uganda of shelling border villages.")
    found = rows(nlp, finder, coder, text)
    assert ("KEN", "UGA") not in pairs(found)


def test_he_with_no_other_person_since_is_the_known_person(nlp, finder, coder):
    text = "Kenya's president William Ruto spoke in Nairobi on Monday. He accused Uganda of shelling border villages."
    found = rows(nlp, finder, coder, text)
    assert ("KEN", "UGA") in pairs(found)


def test_rows_of_imported_entries_and_rows_toward_an_issue_alone_are_not_high():
    from newscoder.stance_rules import confidence_of, load_stance_rules

    rules = load_stance_rules()
    assert confidence_of(rules, "source:subject", "target:object", ["actor", "actor"], True, "accuse") == "high"
    assert confidence_of(rules, "source:subject", "target:object", ["actor", "actor"], True, "cameo.praise.051") == "medium"
    assert confidence_of(rules, "source:subject", "", ["actor", ""], False, "accuse") == "medium"


def test_regarding_an_actor_as_a_hostile_thing_accuses_it(nlp, finder, coder):
    doc = nlp("Iran regards the Kurdish militia as a terrorist group.")
    found = coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    assert {(s.source_actor, s.target_actor, s.plover, s.stance) for s in found} == {("IRN", "KURDS", "ACCUSE", -1)}


def test_regarding_an_actor_as_a_partner_supports_it(nlp, finder, coder):
    doc = nlp("Ghana sees Togo as a reliable partner.")
    found = coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    assert {(s.source_actor, s.target_actor, s.plover, s.stance) for s in found} == {("GHA", "TGO", "SUPPORT", 1)}


@pytest.mark.parametrize("text, source, target, stance", [
    # the small clause without "as": its subject is the one characterised (rule `characterised_in_small_clause`)
    ("Chile considers the Peruvian rebels a terrorist group.", "CHL", "PER", -1),
    ("Ghana considers Togo to be a reliable partner.", "GHA", "TGO", 1),
    # a second object: "designated B a terrorist organisation"
    ("Ghana has designated the Togolese militia a terrorist organisation.", "GHA", "TGO", -1),
])
def test_regarding_an_actor_as_something_without_as(nlp, finder, coder, text, source, target, stance):
    doc = nlp(text)
    found = {(s.source_actor, s.target_actor, s.stance) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert (source, target, stance) in found, found


@pytest.mark.parametrize("text, source, target", [
    # verbs of listing and classing are verbs of regarding
    ("Chile lists the Peruvian militia as a terrorist group.", "CHL", "PER"),
    ("Ghana classifies the Togolese rebels as terrorists.", "GHA", "TGO"),
    # a passive whose agent the parser hangs on the "as" phrase's noun
    ("The Togolese militia is regarded as a terrorist group by Ghana.", "GHA", "TGO"),
])
def test_listing_or_classing_an_actor_as_hostile_accuses_it(nlp, finder, coder, text, source, target):
    doc = nlp(text)
    found = {(s.source_actor, s.target_actor, s.plover) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert (source, target, "ACCUSE") in found, found


def test_regarding_a_thing_without_as_and_no_characterising_word_is_no_act(nlp, finder, coder):
    assert rows(nlp, finder, coder, "Ghana considers Togo a neighbour with a long coast.") == []


def test_regarding_without_a_characterising_word_is_no_act(nlp, finder, coder):
    assert rows(nlp, finder, coder, "Ghana sees Togo as a neighbour with a long coast.") == []


def test_object_relative_pronoun_is_its_antecedent(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Egypt criticised the Islamic State, which Iran regards as a terror group.")
    assert ("IRN", "ISIS") in pairs(found)


def test_speaker_calling_a_pair_friends_supports_both(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Peru and Bolivia met in Lima. “Both countries are close friends of Chile,” Boric said.")
    assert {("CHL", "PER"), ("CHL", "BOL")} <= pairs(found)


def test_actors_accusing_each_other_accuse_one_another(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile and Peru accused each other of violating the maritime accord.")
    assert {("CHL", "PER"), ("PER", "CHL")} <= pairs(found)
    assert all("target:reciprocal" in r[4] for r in found if (r[0], r[1]) in {("CHL", "PER"), ("PER", "CHL")})


def test_the_army_refers_to_the_actor_named_as_its_owner_before(nlp, finder, coder):
    text = "Chad's army and the rebels signed a truce. Guterres welcomed it. The army then accused Libya of arming the rebels."
    found = rows(nlp, finder, coder, text)
    assert ("TCD", "LBY") in pairs(found)
    assert ("UN", "LBY") not in pairs(found)


def test_pronoun_subject_of_an_object_relative_clause_is_not_its_antecedent(nlp, finder, coder):
    doc = nlp("Egypt hosted Hamas, which it regards as a partner.")
    found = {(s.source_actor, s.target_actor, s.plover) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert ("EGY", "HAMAS", "SUPPORT") in found
    assert not any(src == "HAMAS" for src, _, _ in found)


def test_a_tie_between_two_others_is_not_the_speakers_stance(nlp, finder, coder):
    found = rows(nlp, finder, coder, "A Chilean senator said that Peru is Bolivia's closest ally.")
    assert ("CHL", "PER") not in pairs(found)


def test_the_group_refers_back_to_the_last_acting_actor_at_low_confidence(nlp, finder, coder):
    text = "Hamas rejected the plan on Monday. Its spokesman said the group had accused Egypt of bad faith."
    found = rows(nlp, finder, coder, text)
    row = next(r for r in found if (r[0], r[1]) == ("HAMAS", "EGY"))
    assert row[3] == "low"


def test_the_militia_as_an_object_names_no_one(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile rejected the plan on Monday. Peru attacked the militia near the border.")
    assert ("PER", "CHL") not in pairs(found)


def test_aid_sent_to_support_an_actor_targets_it(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Japan is sending medical supplies to support the Peruvian government.")
    assert ("JPN", "PER") in pairs(found)
    assert any("target:of_purpose" in r[4] for r in found)


def test_a_hostile_purpose_gives_a_cooperative_act_no_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Turkey sent troops into the region to prevent Kurdish fighters from forming an entity.")
    assert not any("target:of_purpose" in r[4] for r in found)


def test_arrival_in_a_states_capital_is_a_visit_to_that_state(nlp, finder, coder):
    # an arrival told as a visit (lexicon: visit_arrive); the state owning the capital is the target
    found = rows(nlp, finder, coder, "A delegation of Chilean ministers arrived in Peru's capital on Friday for talks.")
    assert ("CHL", "PER") in pairs(found)
    # arriving alone is no visit (lexicon), so no row
    assert ("CHL", "PER") not in pairs(rows(nlp, finder, coder, "A delegation of Chilean ministers arrived in Peru's capital on Friday."))


def test_refusing_to_meet_an_actor_rejects_it(nlp, finder, coder):
    doc = nlp("Chile refused to meet Peru.")
    found = {(s.source_actor, s.target_actor, s.plover, s.stance) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}
    assert ("CHL", "PER", "REJECT", -1) in found


def test_refusing_talks_with_an_actor_rejects_that_partner(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile refused on Thursday to resume direct talks with Peru.")
    assert ("CHL", "PER") in pairs(found)


def test_vowing_to_cooperate_is_still_no_threat(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile vowed to cooperate with Peru.")
    assert not any(r[2] == -1 and (r[0], r[1]) == ("CHL", "PER") for r in found)


@pytest.mark.parametrize("text, target", [
    ("Ghana urged Togo to honour the border accord it signed last year.", "TGO"),
    ("Kenya called on Uganda to allow access for relief convoys.", "UGA"),
    ("Brazil pressed Argentina to return to talks over the river dam.", "ARG"),
    ("Mali asked Niger, which has promised soldiers to the mission, to send them quickly.", "NER"),
])
def test_an_appeal_for_compliance_talks_or_help_is_cooperative(nlp, finder, coder, text, target):
    found = [r for r in rows(nlp, finder, coder, text) if r[1] == target]
    assert found and all(r[2] == 1 for r in found)
    assert all("trigger:request_appeal" in r[4] and "stance:appeal_or_demand" in r[4] for r in found)


@pytest.mark.parametrize("text, target", [
    ("Ecuador urged Colombia to act in support of its border guards.", "COL"),
    ("Argentina asked Uruguay for protection of its fishing fleet.", "URY"),
    ("Ghana pressed Togo for backing in the regional vote.", "TGO"),
])
def test_asking_for_support_help_or_protection_is_an_appeal(nlp, finder, coder, text, target):
    found = [r for r in rows(nlp, finder, coder, text) if r[1] == target]
    assert found and all(r[2] == 1 and "stance:appeal_or_demand" in r[4] for r in found)


@pytest.mark.parametrize("text, target", [
    ("Peru called for the withdrawal of Chilean troops from the border.", "CHL"),
    ("Argentina asked Uruguay for the extradition of the two smugglers.", "URY"),
])
def test_asking_for_a_withdrawal_or_a_handover_stays_a_demand(nlp, finder, coder, text, target):
    found = [r for r in rows(nlp, finder, coder, text) if r[1] == target]
    assert found and all(r[2] == -1 for r in found)


@pytest.mark.parametrize("text, target", [
    ("Chile urged Peru to withdraw its soldiers from the frontier.", "PER"),
    ("Ghana urged Togo to halt the offensive and accept a truce.", "TGO"),
    ("Kenya called on Uganda to hand over the two suspects.", "UGA"),
    ("Brazil urged Argentina to return the seized fishing boats.", "ARG"),
])
def test_a_demand_to_stop_withdraw_or_yield_stays_hostile(nlp, finder, coder, text, target):
    found = [r for r in rows(nlp, finder, coder, text) if r[1] == target]
    assert found and all(r[2] == -1 for r in found)


def test_a_demand_verb_is_a_demand_whatever_it_asks(nlp, finder, coder):
    found = [r for r in rows(nlp, finder, coder, "Chile demanded that Peru allow inspectors into the mine.") if r[1] == "PER"]
    assert found and all(r[2] == -1 for r in found)


def test_a_target_phrase_after_a_noun_acts_agent_is_the_acts_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "An assault by Chad on Niger left many homes burned.")
    assert ("TCD", "NER") in pairs(found)
    row = next(r for r in found if (r[0], r[1]) == ("TCD", "NER"))
    assert row[2] == -1 and "target:after_agent" in row[4] and row[3] == "high"


def test_a_from_phrase_after_a_noun_acts_agent_is_no_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "An assault by Chad from Niger left many homes burned.")
    assert not any("target:after_agent" in r[4] for r in found)


def test_a_bare_plural_pair_word_names_no_pair(nlp, finder, coder):
    text = "Ghana and Togo traded fire on their border on Monday. Nigeria urged countries with sway over the rivals to stop arms sales."
    found = rows(nlp, finder, coder, text)
    assert not any(r[0] == "NGA" and r[1] in ("GHA", "TGO") for r in found)


def test_a_determined_plural_pair_word_still_names_the_pair(nlp, finder, coder):
    text = "Ghana and Togo traded fire on their border on Monday. Nigeria urged the countries to stop the shelling."
    found = rows(nlp, finder, coder, text)
    assert {("NGA", "GHA"), ("NGA", "TGO")} <= pairs(found)


def test_an_appeal_told_after_a_time_phrase_is_read_from_its_infinitive(nlp, finder, coder):
    text = "Ghana and Togo fought on Monday. The talks were hosted by Kenya, which has pressed both sides since May to resume their dialogue."
    found = [r for r in rows(nlp, finder, coder, text) if r[0] == "KEN" and "REQUEST" not in r[4] and "request" in r[4]]
    assert found and all(r[2] == 1 and "stance:appeal_or_demand" in r[4] for r in found)


def test_the_agent_of_a_doing_participle_is_the_noun_acts_source(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Reporters described the raids carried out by Chad on Nigerien villages.")
    row = next(r for r in found if (r[0], r[1]) == ("TCD", "NER"))
    assert row[2] == -1 and "source:agent_of_participle" in row[4] and "target:participle_prep_on" in row[4]


def test_the_host_of_talks_told_by_a_participle_is_no_party(nlp, finder, coder):
    found = rows(nlp, finder, coder, "The accord was signed by Ghana and Togo after talks hosted by Kenya and Egypt.")
    assert not {("KEN", "EGY"), ("EGY", "KEN")} & pairs(found)


def test_recipient_after_to_is_the_target_when_parsed_as_a_dative(nlp, finder, coder):
    # the small model hangs "to Uruguay" on "handed" as a dative, not a prep
    found = rows(nlp, finder, coder, "Paraguay gave food aid to Uruguay on Friday.")
    assert ("PRY", "URY") in pairs(found)
    assert any("target:prep_to" in r[4] for r in found if (r[0], r[1]) == ("PRY", "URY"))


def test_noun_act_object_of_a_verb_of_doing_is_the_subjects(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ecuador launched an invasion of Peru in the spring.")
    assert ("ECU", "PER") in pairs(found)
    assert any("source:doer_of_noun_act" in r[4] for r in found)


def test_noun_act_under_a_merely_possible_verb_of_doing_is_not_coded_done(nlp, finder, coder):
    assert ("ECU", "PER") not in pairs(rows(nlp, finder, coder, "Ecuador could launch an invasion of Peru."))


def test_noun_act_object_of_a_verb_of_deciding_is_the_subjects(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Finland approved the delivery of weapons to Estonia.")
    assert ("FIN", "EST") in pairs(found)


def test_it_in_a_clause_said_by_a_coordinated_verb_is_their_shared_subject(nlp, finder, coder):
    # "said" shares "Peru" with "condemned"; "it" is Peru, not the Security Council named between
    found = rows(nlp, finder, coder, "Peru condemned the test as a violation of Security Council resolutions, and said it had expelled Chile's ambassador.")
    assert ("PER", "CHL") in pairs(found) and ("UNSC", "CHL") not in pairs(found)


def test_a_possessive_pronoun_repeats_its_clauses_subject_pronoun(nlp, finder, coder):
    # "its" is the "it" of its own clause (Peru), not the Security Council named before it
    found = rows(nlp, finder, coder, "Peru criticised the resolution of the Security Council, and said it had raised its military readiness.")
    assert not any(t == "UNSC" and "trigger:mobilize" in r for _, t, _, _, r in found)


def test_an_as_phrase_names_what_the_act_calls_its_object_not_a_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Peru condemned the test as a violation of Security Council resolutions.")
    assert ("PER", "UNSC") not in pairs(found)


def test_what_an_accusation_charges_is_no_act_told(nlp, finder, coder):
    doc = nlp("Chile accused Peru of shelling Bolivia.")
    coding = coder.code(doc, finder(doc, dt.date(2025, 3, 1)), "t")
    assert {(s.source_actor, s.target_actor, s.plover) for s in coding.statements} == {("CHL", "PER", "ACCUSE")}
    assert ("shelling", "content_of_accusation") in {(d.word, d.filter) for d in coding.drops}


def test_what_an_actor_is_blamed_for_names_no_second_target(nlp, finder, coder):
    assert pairs(rows(nlp, finder, coder, "Chile blamed Peru for the shelling of Bolivia.")) == {("CHL", "PER")}


def test_a_denied_act_is_negated(nlp, finder, coder):
    for text in ("Peru denied shelling Bolivia.", "Peru denied that its troops had shelled Bolivia."):
        doc = nlp(text)
        found = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if (s.source_actor, s.target_actor) == ("PER", "BOL")]
        assert found and all(s.modality == "negated" and "modality:denial" in s.rule for s in found)


def test_an_act_coordinated_with_a_denial_is_told(nlp, finder, coder):
    assert ("PER", "BOL") in pairs(rows(nlp, finder, coder, "Peru denied the report and shelled Bolivia."))


def test_a_one_way_noun_act_is_not_its_reporters(nlp, finder, coder):
    assert ("CHL", "PER") not in pairs(rows(nlp, finder, coder, "Chile said the attack on Peru was a mistake."))


def test_an_act_that_is_only_needed_is_hypothetical(nlp, finder, coder):
    doc = nlp("Peru needs to withdraw its troops from Bolivia.")
    found = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if (s.source_actor, s.target_actor) == ("PER", "BOL")]
    assert found and all(s.modality == "hypothetical" for s in found)


def test_a_subjectless_passive_takes_its_agent_not_the_words_before_it(nlp, finder, coder):
    from newscoder.stance import _Context
    from newscoder.stance_rules import agent_of_subjectless_passive

    for text, want in (("Much of Chile remains occupied by Peru.", ["PER"]), ("Much of Chile remains ravaged by war.", [])):
        doc = nlp(text)
        ctx = _Context({i: m for m in finder(doc, dt.date(2025, 3, 1)) for i in range(m.start, m.end)})
        verb = next(t for t in doc if t.tag_ == "VBN")
        entry = coder.trigger_of(verb)
        assert entry is not None
        assert [p.actor for p in agent_of_subjectless_passive(coder, verb, entry, ctx)] == want


def test_a_noun_act_from_an_actor_undergone_by_another(nlp, finder, coder):
    for text in ("Peruvian forces came under attack from Chilean troops on Tuesday.", "Peru faced airstrikes from Chile on Monday."):
        found = rows(nlp, finder, coder, text)
        assert ("CHL", "PER") in pairs(found)
        assert any("source:from_phrase" in r[4] and "target:undergoer" in r[4] for r in found)


def test_from_is_the_place_left_for_a_withdrawal(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile announced the withdrawal of its troops from Peru.")
    assert not any(s == "PER" for s, _, _, _, _ in found)
    assert not any("source:from_phrase" in r[4] for r in found)


def test_for_its_part_is_no_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Peru criticised Bolivia. For its part, Chile vowed to defend its border.")
    assert not any(s == "CHL" for s, _, _, _, _ in found)


def test_a_warning_of_the_speakers_own_act_is_aimed_at_that_acts_object(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile warned that it would strike Peru.")
    assert pairs(found) == {("CHL", "PER")} and "target:of_announced_act" in found[0][4]
    assert rows(nlp, finder, coder, "Chile warned that it would cooperate with Peru.") == []


def test_an_act_under_an_extraposed_adjective_or_a_noun_of_need_is_hypothetical(nlp, finder, coder):
    for text in ("Chile said it was not possible to talk to Peru.", "Chile said it saw the need to negotiate with Peru."):
        doc = nlp(text)
        found = [s for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t") if (s.source_actor, s.target_actor) == ("CHL", "PER")]
        assert all(s.modality == "hypothetical" for s in found), text
    doc = nlp("Chile said it was not possible to talk to Peru.")
    assert any(s.modality == "hypothetical" for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t"))


def test_the_country_refers_to_the_state_named_earlier_in_its_sentence(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Peru criticised Bolivia. The Chilean government vowed to win back control of the entire country.")
    assert not any(s == "CHL" and t == "PER" for s, t, _, _, _ in found)


def test_a_hostile_purpose_names_the_target_of_a_conflict_act(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile mobilised troops to attack Peru.")
    assert pairs(found) == {("CHL", "PER")} and "target:of_hostile_purpose" in found[0][4]
    assert not any(t == "PER" for _, t, _, _, _ in rows(nlp, finder, coder, "Chile sent troops to protect Peru."))


CHILE_ARTICLE = "Chile closed its border on Monday. Chilean officials met in Santiago. "


def test_possessive_pronoun_beats_the_article_country_of_an_agent_noun(nlp, finder, coder):
    doc = nlp(CHILE_ARTICLE + "Chile singled out Peru, condemning its government for the shelling.")
    mentions = finder(doc, dt.date(2025, 3, 1))
    government = next(m for m in mentions if m.text == "government")
    assert government.actor_id == "CHL" and "article_country" in government.rule  # the default the rule overrides
    found = [(s.source_actor, s.target_actor) for s in coder(doc, mentions, "t") if s.modality == "asserted"]
    assert ("CHL", "PER") in found


def test_agent_noun_without_third_person_possessive_keeps_the_article_country(nlp, finder, coder):
    for owner in ("the", "our"):  # "our" is the speaker's, never the actor named before
        found = rows(nlp, finder, coder, CHILE_ARTICLE + f"Chile singled out Peru, condemning {owner} government for the shelling.")
        assert ("CHL", "PER") not in pairs(found)


def test_he_continues_the_person_who_was_the_previous_subject(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chilean President Pedro Alvarez spoke after meeting Peruvian Foreign Minister Luis Gomez. "
                                     "He accused Bolivia of closing the border.")
    accused = [r for r in found if r[1] == "BOL"]
    assert [(r[0], r[3]) for r in accused] == [("CHL", "low")]


def test_he_after_a_sentence_about_no_person_takes_the_last_person(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chilean President Pedro Alvarez spoke on Monday. Peru criticised Bolivia. "
                                     "He accused Bolivia of closing the border.")
    assert ("CHL", "BOL") in pairs(found)


def test_participle_describing_an_actor_is_that_actors_act(nlp, finder, coder):
    found = rows(nlp, finder, coder, "A Norwegian journalist was wounded while travelling with Kurdish fighters battling al-Shabaab in Somalia.")
    assert ("KURDS", "ALSHABAAB") in pairs(found)
    assert ("NOR", "ALSHABAAB") not in pairs(found)


def test_participle_on_an_act_noun_is_still_the_subjects(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Kenya launched a campaign targeting al-Shabaab.")
    assert ("KEN", "ALSHABAAB") in pairs(found)


def test_duplicate_rows_keep_the_most_confident_in_the_place_of_the_first():
    from newscoder.stance import Statement, _dedupe

    def row(source: str, target: str, confidence: str, rule: str) -> Statement:
        return Statement("t", 0, 0, 40, "Ghana condemned and denounced Togo.", "x", 0, 1, source, "", target, "", "", -1,
                         "verbal", "ACCUSE", rule, confidence=confidence)

    rows = [row("GHA", "TGO", "low", "first"), row("GHA", "BEN", "medium", "other"), row("GHA", "TGO", "high", "second"),
            row("GHA", "TGO", "medium", "third")]
    kept = _dedupe(rows)
    assert [(r.target_actor, r.rule) for r in kept] == [("TGO", "second"), ("BEN", "other")]
    assert [r.rule for r in _dedupe([row("GHA", "TGO", "medium", "a"), row("GHA", "TGO", "medium", "b")])] == ["a"]


def test_an_appositive_name_says_who_a_described_partner_is(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana said it was working with its Malian allies, the Tuareg rebels, to secure the border.")
    assert ("GHA", "TUAREG") in pairs(found)
    assert not any("MLI" in (r[0], r[1]) for r in found)  # the demonym of the description is no party


def test_an_appositive_list_names_every_member(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Kenya praised its neighbours, Uganda and Tanzania.")
    assert pairs(found) == {("KEN", "UGA"), ("KEN", "TZA")}


def test_a_name_described_by_an_appositive_keeps_its_own_actor(nlp, finder, coder):
    found = rows(nlp, finder, coder, "China, North Korea's main ally, urged Japan to show restraint.")
    assert pairs(found) == {("CHN", "JPN")}


def modalities(nlp, finder, coder, text):
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.plover): s.modality for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}


def test_a_feared_or_possible_noun_act_is_hypothetical(nlp, finder, coder):
    assert modalities(nlp, finder, coder, "Greece feared a Turkish invasion of Cyprus.")[("TUR", "CYP", "ASSAULT")] == "hypothetical"
    found = modalities(nlp, finder, coder, "Kenya spoke of a possible Ugandan raid on Tanzania.")
    assert found[("UGA", "TZA", "ASSAULT")] == "hypothetical"


def test_a_planned_noun_act_is_future_and_a_told_one_asserted(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "Officials described the planned Chilean blockade of Peru.")
    assert found[("CHL", "PER", "COERCE")] == "future"
    assert modalities(nlp, finder, coder, "The Ugandan invasion of Kenya began on Monday.")[("UGA", "KEN", "ASSAULT")] == "asserted"


def test_the_terms_of_a_plan_are_hypothetical(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "They described a plan under which Chile withdraws its troops from Peru.")
    assert found[("CHL", "PER", "RETREAT")] == "hypothetical"
    found = modalities(nlp, finder, coder, "The outlines of a deal are clear, in which Chile backs a Peruvian peace plan.")
    assert found[("CHL", "PER", "SUPPORT")] == "hypothetical"


def test_a_relative_clause_acting_on_a_plan_is_no_term_of_it(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "Ghana welcomed the agreement, which Chile signed with Peru on Monday.")
    assert found[("CHL", "PER", "AGREE")] == "asserted"


def test_a_noun_act_told_in_another_actors_words_is_medium_at_most(nlp, finder, coder):
    found = {(r[0], r[1]): r[3] for r in rows(nlp, finder, coder, "Greece condemned the Turkish invasion of Cyprus.")}
    assert found[("GRC", "TUR")] == "high"  # the condemnation itself
    assert found[("TUR", "CYP")] == "medium"
    told = {(r[0], r[1]): r[3] for r in rows(nlp, finder, coder, "The Ugandan invasion of Kenya began on Monday.")}
    assert told[("UGA", "KEN")] == "high"


def test_an_act_named_as_subject_of_a_verbal_act_does_not_speak(nlp, finder, coder):
    found = rows(nlp, finder, coder, "A possible Turkish withdrawal has raised concern among officials.")
    assert not any(r[0] == "TUR" for r in found)
    found = rows(nlp, finder, coder, "Turkish officials have raised concern about a withdrawal.")
    assert any(r[0] == "TUR" for r in found)  # an actor as subject still voices it


def test_willingness_is_future_and_seeming_hypothetical(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "Britain and France are happy to discuss sanctions with Russia.")
    assert found and set(found.values()) == {"future"}
    assert modalities(nlp, finder, coder, "Chile seems to have backed Peru.")[("CHL", "PER", "SUPPORT")] == "hypothetical"


def test_a_condition_on_a_warning_made_conditions_what_was_said_not_the_saying(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "Chilean officials have warned of the dangers of a clash with Peru if Bolivia orders a strike.")
    assert found[("CHL", "PER", "ACCUSE")] == "asserted"
    found = modalities(nlp, finder, coder, "Chile will condemn Peru if Peru attacks Bolivia.")
    assert found[("CHL", "PER", "ACCUSE")] == "hypothetical" and found[("PER", "BOL", "ASSAULT")] == "hypothetical"


def test_an_act_in_a_claim_is_hypothetical_and_in_a_report_of_speech_asserted(nlp, finder, coder):
    found = modalities(nlp, finder, coder, "Chile disputed the Peruvian claim that Bolivia had backed Peru.")
    assert found[("BOL", "PER", "SUPPORT")] == "hypothetical"
    assert modalities(nlp, finder, coder, "Allegations that Peru shelled Chile surfaced on Monday.")[("PER", "CHL", "ASSAULT")] == "hypothetical"
    assert modalities(nlp, finder, coder, "Chile said Bolivia had backed Peru.")[("BOL", "PER", "SUPPORT")] == "asserted"


def test_a_noun_after_the_verbs_own_and_is_no_object_of_it(nlp, finder, coder):
    found = rows(nlp, finder, coder, "The African Union demanded on Monday that Togo withdraw from all areas it has taken, "
                                     "and the European Union the same day froze the assets of two rebel commanders.")
    assert ("AU", "EU") not in pairs(found)
    assert ("AU", "TGO") in pairs(found)
    assert pairs(rows(nlp, finder, coder, "Ghana criticised Togo and Benin.")) == {("GHA", "TGO"), ("GHA", "BEN")}


def test_a_plural_relative_clause_on_a_list_refers_to_every_member(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Leaders of the region urged Jamaica and the Bahamas, which have pledged officers to Haiti, to send them.")
    assert {("JAM", "HTI"), ("BHS", "HTI")} <= pairs(found)
    found = rows(nlp, finder, coder, "Ghana and Togo, which have backed Benin, met on Monday.")
    assert {("GHA", "BEN"), ("TGO", "BEN")} <= pairs(found)


def test_a_partner_of_a_material_act_does_it_too_and_of_a_verbal_act_does_not(nlp, finder, coder):
    found = {(r[0], r[1]): r[3] for r in rows(nlp, finder, coder, "Kenya attacked Somalia together with Ethiopia.")}
    assert found.get(("ETH", "SOM")) == "medium" and found.get(("KEN", "SOM")) == "high"
    assert ("KEN", "ETH") not in found
    said = pairs(rows(nlp, finder, coder, "Kenya condemned Somalia together with Ethiopia."))
    assert ("ETH", "SOM") not in said and ("KEN", "SOM") in said


def test_a_body_named_as_modifier_refers_back_to_its_owner_at_low_confidence(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana's army shelled Togo on Friday. On Monday the army commanders met Togo in Lome.")
    met = [r for r in found if "trigger:consult" in r[4]]
    assert ("GHA", "TGO") in pairs(met) and {r[3] for r in met} == {"low"}
    alone = rows(nlp, finder, coder, "On Monday the army commanders met Togo in Lome.")
    assert not any(r[0] == "GHA" for r in alone)  # no owner named before: no actor


def test_hyphen_joined_demonyms_name_both_actors_whatever_the_parse_of_the_first(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Pyongyang condemned joint US-South Korean air drills.")
    assert {("PRK", "USA"), ("PRK", "KOR")} <= pairs(found)
    found = rows(nlp, finder, coder, "Moscow condemned the joint US-British strikes on Yemen.")
    assert {("USA", "YEM"), ("GBR", "YEM"), ("RUS", "USA"), ("RUS", "GBR")} <= pairs(found)


def test_what_an_actor_called_names_the_target(nlp, finder, coder):
    assert ("CHN", "USA") in pairs(rows(nlp, finder, coder, "China also criticised what it called unilateral sanctions by Washington."))
    assert ("IRN", "USA") in pairs(rows(nlp, finder, coder, "Iran denounced what it described as American interference."))


def test_the_backer_in_a_hyphened_participle_is_no_party(nlp, finder, coder):
    found = pairs(rows(nlp, finder, coder, "US-backed Kurdish forces clashed with Russian-backed Syrian government forces near the river."))
    assert ("KURDS", "SYR") in found
    assert not any({"USA", "RUS"} & set(p) for p in found)


def test_a_title_refers_back_to_the_actor_an_earlier_mention_of_it_was_tied_to(nlp, finder, coder):
    text = "Peru's foreign minister, Ana Ruiz, flew to Quito on Monday. Chile closed its border. The foreign minister condemned Chile."
    found = rows(nlp, finder, coder, text)
    row = next(r for r in found if (r[0], r[1]) == ("PER", "CHL"))
    assert row[3] == "low"


def test_a_title_with_other_modifiers_is_not_tied_to_an_earlier_one(nlp, finder, coder):
    text = "Peru's foreign minister, Ana Ruiz, flew to Quito on Monday. Chile closed its border. The defence minister condemned Bolivia."
    assert ("PER", "BOL") not in pairs(rows(nlp, finder, coder, text))


def test_a_tied_title_beats_the_articles_country(nlp, finder, coder):
    text = ("Peru's foreign minister, Ana Ruiz, flew to Quito on Monday. Chile closed its border. Chile recalled its ambassador. "
            "Chile expelled two diplomats. Chile cut trade. The foreign minister condemned Bolivia.")
    found = pairs(rows(nlp, finder, coder, text))
    assert ("PER", "BOL") in found and ("CHL", "BOL") not in found


def test_the_militants_refer_back_to_the_armed_group_named_before(nlp, finder, coder):
    text = "The Taliban attacked a police post in Kandahar on Monday. The militants attacked Pakistani soldiers near the border."
    row = next(r for r in rows(nlp, finder, coder, text) if (r[0], r[1]) == ("TALIBAN", "PAK"))
    assert row[3] == "low"


def test_the_militants_are_not_a_state_whose_troops_were_named_before(nlp, finder, coder):
    text = "Pakistani troops shelled the border on Monday. The militants attacked Afghan positions."
    assert not any(r[1] == "AFG" for r in rows(nlp, finder, coder, text))


def test_bare_militants_refer_back_to_no_group(nlp, finder, coder):
    text = "The Taliban attacked a police post in Kandahar on Monday. Militants attacked Pakistani soldiers near the border."
    assert ("TALIBAN", "PAK") not in pairs(rows(nlp, finder, coder, text))


def test_a_singular_relative_clause_after_a_list_is_the_nearest_conjuncts(nlp, finder, coder):
    text = "Tensions grew between Ankara and Washington, which has used Kurdish groups to fight Islamic State."
    found = pairs(rows(nlp, finder, coder, text))
    assert ("USA", "ISIS") in found and ("TUR", "ISIS") not in found


def test_a_plural_relative_clause_after_a_list_keeps_the_list(nlp, finder, coder):
    text = "Tensions grew between Chile and Peru, which have both signed the accord with Bolivia."
    assert {("CHL", "PER"), ("PER", "CHL")} <= pairs(rows(nlp, finder, coder, text))


def test_a_name_after_pro_or_anti_is_no_party_of_the_phrase(nlp, finder, coder):
    assert ("CHL", "PER") not in pairs(rows(nlp, finder, coder, "Chile sent weapons to pro-Peruvian militias near the border."))
    assert ("CHL", "PER") in pairs(rows(nlp, finder, coder, "Chile sent weapons to Peruvian militias near the border."))


@pytest.mark.parametrize("text, doer", [
    ("US troops trained Kurdish units to fight Islamic State.", "KURDS"),
    ("Chile helped Peru to attack Bolivian positions.", "PER"),
])
def test_the_named_object_of_a_control_verb_does_the_infinitives_act(nlp, finder, coder, text, doer):
    found = rows(nlp, finder, coder, text)
    acts = [r for r in found if r[1] in ("ISIS", "BOL")]
    assert acts and {r[0] for r in acts} == {doer}


def test_an_object_that_names_no_actor_leaves_the_act_to_the_subject(nlp, finder, coder):
    found = pairs(rows(nlp, finder, coder, "Chile sent troops to attack Bolivian positions."))
    assert ("CHL", "BOL") in found


def test_a_person_named_after_a_states_title_acts_for_it_at_medium_confidence(nlp, finder, coder):
    found = rows(nlp, finder, coder, "The Russian envoy, Sergei Petrovsky, spoke on Monday. Petrovsky accused Chile of lying.")
    row = next(r for r in found if (r[0], r[1]) == ("RUS", "CHL"))
    assert row[3] == "medium"


def test_a_partner_predicate_is_aimed_at_the_one_it_is_said_of(nlp, finder, coder):
    found = pairs(rows(nlp, finder, coder, "Chile attacked Bolivia, which had been a Peruvian partner throughout the Argentine war."))
    assert ("PER", "BOL") in found and ("PER", "ARG") not in found


def test_a_partner_predicate_of_no_actor_is_aimed_at_no_one(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile attacked the Aymara, who had been Peruvian partners throughout the Argentine war.")
    assert not any(r[0] == "PER" for r in found)


def test_he_in_an_adverbial_relative_clause_is_the_main_subject(nlp, finder, coder):
    text = "President Donald Trump spoke on Monday. After Syria, Vladimir Putin travelled on to Cairo, where he met Egypt's president Abdel Fattah el-Sisi."
    found = rows(nlp, finder, coder, text)
    assert ("RUS", "EGY") in pairs(found) and ("USA", "EGY") not in pairs(found)
    assert next(r for r in found if (r[0], r[1]) == ("RUS", "EGY"))[3] == "medium"


def test_light_verb_of_saying_gives_its_object_noun_act_the_subject(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana expressed strong support for Togo on Tuesday.")
    row = next(r for r in found if (r[0], r[1]) == ("GHA", "TGO"))
    assert row[2] == 1 and "source:doer_of_noun_act" in row[4] and row[3] == "medium"


def test_light_verb_told_as_possible_gives_its_noun_act_no_source(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana might express support for Togo.")
    assert ("GHA", "TGO") not in pairs(found)


def test_object_word_of_a_light_verb_entry_names_the_target_by_its_phrase(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana reaffirmed its support for Togo.")
    row = next(r for r in found if (r[0], r[1]) == ("GHA", "TGO"))
    assert "target:object_prep" in row[4] and row[3] == "medium"


def test_owner_inside_the_object_phrase_of_a_light_verb_entry_is_the_target(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Ghana voiced alarm over Togo's missile tests.")
    assert ("GHA", "TGO", -1) in {(r[0], r[1], r[2]) for r in found}
