"""Trigger lexicon loading and merging, the shipped CAMEO lexicon, and its builder's rules."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json

import pytest

from newscoder.errors import CodebookError
from newscoder.lexicon import Trigger, load_lexicon, merge_triggers
from newscoder.paths import project_root
from newscoder.stance import StatementCoder

HAND = """\
imported_triggers: [more.json]
speech_verbs: [say]
event_verbs: [begin]
triggers:
  - {id: consult, lemmas: [meet], plover: CONSULT, stance: 1, mode: verbal, symmetric: true}
  - {id: hold_talks, lemmas: [hold], objects: [talks], plover: CONSULT, stance: 1, mode: verbal}
"""
ISSUES = "issues: [{id: AID, phrases: [aid]}]\n"


def entry(id_: str, lemmas: list[str], plover: str = "ACCUSE", stance: int = -1, **more) -> dict:
    return {"id": id_, "lemmas": lemmas, "plover": plover, "stance": stance, "mode": "verbal", **more}


def trigger(id_: str, lemmas: set[str], **more) -> Trigger:
    return Trigger(id=id_, lemmas=frozenset(lemmas), plover="SUPPORT", stance=1, mode="verbal",
                   **{k: frozenset(v) if k in ("objects", "particle") else v for k, v in more.items()})


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "triggers.yaml").write_text(HAND, encoding="utf-8")
    (tmp_path / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    return tmp_path


def write_more(folder, entries) -> None:
    (folder / "more.json").write_text(json.dumps({"about": ["test"], "triggers": entries}), encoding="utf-8")


# ---- merging: the hand-written entries win where both speak --------------------------------


def test_imported_file_is_loaded_after_the_own_entries(folder):
    write_more(folder, [entry("x.scold", ["scold"], cameo="111", intensity=-2.0)])
    lexicon = load_lexicon(folder)
    assert [t.id for t in lexicon.triggers] == ["consult", "hold_talks", "x.scold"]
    assert (lexicon.triggers[-1].cameo, lexicon.triggers[-1].intensity) == ("111", -2.0)
    assert [t.id for t in load_lexicon(folder, imported=False).triggers] == ["consult", "hold_talks"]


def test_word_coded_alone_by_an_own_entry_is_left_to_it_in_every_use(folder):
    # "met with": the own symmetric CONSULT must fire, not an imported one-way entry with a particle
    write_more(folder, [entry("x.meet", ["meet", "greet"]), entry("x.meet_with", ["meet"], particle=["with"])])
    ids = {t.id: t.lemmas for t in load_lexicon(folder).triggers}
    assert ids["x.meet"] == {"greet"} and "x.meet_with" not in ids


def test_word_an_own_entry_needs_an_object_for_is_no_act_alone(folder):
    write_more(folder, [entry("x.hold", ["hold"]), entry("x.hold_talks", ["hold"], objects=["talks"]),
                        entry("x.hold_vote", ["hold"], objects=["referendum"])])
    ids = {t.id for t in load_lexicon(folder).triggers}
    assert "x.hold" not in ids and "x.hold_talks" not in ids  # the word alone; the same object
    assert "x.hold_vote" in ids  # another object: the imported entry adds a reading


def test_speech_words_are_left_out_in_every_use_and_event_verbs_alone(folder):
    write_more(folder, [entry("x.say_agree", ["say"], objects=["agree"]), entry("x.begin", ["begin"]),
                        entry("x.begin_war", ["begin"], objects=["war"])])
    ids = {t.id for t in load_lexicon(folder).triggers}
    assert ids >= {"x.begin_war"} and not ids & {"x.say_agree", "x.begin"}


def test_merge_report_names_what_was_left_out_and_why(folder):
    own = load_lexicon(folder, imported=False)
    merged, report = merge_triggers(own, [trigger("x.a", {"meet", "hail"}), trigger("x.b", {"say"})])
    assert [t.id for t in merged.triggers[-1:]] == ["x.a"] and merged.triggers[-1].lemmas == {"hail"}
    assert report.entries_left_out == ("x.b",)
    assert [(i, w) for i, w, _ in report.lemmas_left_out] == [("x.a", "meet"), ("x.b", "say")]


@pytest.mark.parametrize("bad, message", [
    ({"intensity": 12}, "intensity"),
    ({"intensity": "high"}, "intensity"),
    ({"also": ["consult"]}, "cannot use 'also'"),
])
def test_bad_imported_entries_are_named(folder, bad, message):
    write_more(folder, [entry("x.bad", ["scold"], **bad)])
    with pytest.raises(CodebookError, match=message):
        load_lexicon(folder)


def test_imported_file_names_stay_in_the_folder(folder):
    (folder / "triggers.yaml").write_text(HAND.replace("more.json", "../elsewhere.json"), encoding="utf-8")
    with pytest.raises(CodebookError, match="imported_triggers"):
        load_lexicon(folder)


def test_imported_ids_must_not_repeat_own_ids(folder):
    write_more(folder, [entry("consult", ["hail"])])
    with pytest.raises(CodebookError, match="repeat trigger ids"):
        load_lexicon(folder)


# ---- the shipped lexicon ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return load_lexicon(project_root() / "codebook")


@pytest.fixture(scope="module")
def coder(nlp, shipped):
    return StatementCoder(nlp, shipped)


def rows(nlp, finder, coder, text):
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.plover, s.stance) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}


def test_shipped_lexicon_imports_cameo_entries_with_codes_and_intensities(shipped):
    imported = [t for t in shipped.triggers if t.id.startswith("cameo.")]
    assert len(imported) > 1000
    assert all(t.cameo and t.intensity is not None and -10 <= t.intensity <= 10 for t in imported)
    # stance follows the act: CAMEO 02 appeals are cooperative, CAMEO 10 demands are not
    assert {t.stance for t in imported if t.cameo.startswith("02")} == {1}
    assert {t.stance for t in imported if t.cameo.startswith("10")} == {-1}
    assert not [t for t in imported if t.cameo.startswith("01")]  # public statements are left out


@pytest.mark.parametrize("text, expected", [
    ("Sweden extradited the suspect to Turkey on Friday.", ("SWE", "TUR", "COOPERATE", 1)),
    ("Chile telephoned Peru.", ("CHL", "PER", "CONSULT", 1)),
    ("Kenya summoned the Ugandan ambassador on Monday.", ("KEN", "UGA", "CONSULT", 1)),
    ("Portugal lodged a protest with Morocco.", ("PRT", "MAR", "ACCUSE", -1)),
])
def test_cameo_verbs_code_acts_the_hand_lexicon_lacks(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


def test_appeal_for_restraint_is_cooperative_and_a_demand_is_not(nlp, finder, coder):
    appeal = rows(nlp, finder, coder, "Norway urged Sudan to exercise restraint.")
    assert ("NOR", "SDN", "REQUEST", 1) in appeal
    demand = rows(nlp, finder, coder, "Norway demanded that Sudan withdraw its troops.")
    assert ("NOR", "SDN", "REQUEST", -1) in demand


@pytest.mark.parametrize("text", [
    "Chile went home on Monday.",
    "Chile took the Peruvian proposal to the committee.",
    "Chile considered the Peruvian offer.",
    "Chile raised the issue with Peru.",
])
def test_generic_verbs_and_objects_are_no_act(nlp, finder, coder, text):
    doc = nlp(text)
    # the verb is no trigger; a noun may be one of its own ("offer", agree_noun) and here gives no row
    assert [(t.text, e.id) for s in doc.sents for t, e, _ in coder.find_triggers(s) if e.pos == "VERB"] == []
    assert plovers(nlp, finder, coder, text) == set()


# ---- the builder's rules ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def builder():
    spec = importlib.util.spec_from_file_location("build_cameo_lexicon", project_root() / "tools" / "build_cameo_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stance_is_the_goldstein_sign_or_the_quad_class_near_zero(builder):
    assert builder.stance_of(3.4, 1, 1.0) == 1  # appeal for aid
    assert builder.stance_of(-5.0, 3, 1.0) == -1  # demand
    assert builder.stance_of(-0.3, 1, 1.0) == 1  # appeal for de-escalation: verbal cooperation
    assert builder.stance_of(0.4, 3, 1.0) == -1


def test_a_code_without_its_own_score_takes_that_of_its_root(builder):
    table = {"02": (3.0, 1), "025": (-0.3, 1)}
    assert builder.score_of("0256", table) == (-0.3, 1)
    assert builder.score_of("027", table) == (3.0, 1)
    assert builder.score_of("174K", {"17": (-5.0, 4)}) == (-5.0, 4)
    assert builder.score_of("99", table) is None


# ---- hand-written entries for acts the lexicon missed or miscoded (codebook/README.md, "Trigger lexicon") ----


def plovers(nlp, finder, coder, text) -> set[tuple[str, str, str, int]]:
    return rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # sanctions eased or suspended are a concession, imposed or extended ones a sanction
    ("Portugal suspended the sanctions on Morocco.", ("PRT", "MAR", "CONCEDE", 1)),
    ("Portugal eased the embargo on Morocco.", ("PRT", "MAR", "CONCEDE", 1)),
    ("Portugal slapped new sanctions on Morocco.", ("PRT", "MAR", "SANCTION", -1)),
    ("Chile froze the assets of Peruvian banks.", ("CHL", "PER", "SANCTION", -1)),
    # yielding: concessions, demands met, giving in
    ("Chile made concessions to Peru.", ("CHL", "PER", "CONCEDE", 1)),
    ("Chile gave in to Peruvian demands.", ("CHL", "PER", "CONCEDE", 1)),
    ("Chile met the demands of Peru.", ("CHL", "PER", "CONCEDE", 1)),
    ("Chile backed down in its dispute with Peru.", ("CHL", "PER", "CONCEDE", 1)),
])
def test_concessions_and_sanctions(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # CAMEO 0841 release persons, 0873 demobilize: PLOVER RETREAT
    ("Chile freed 40 Peruvian prisoners.", ("CHL", "PER", "RETREAT", 1)),
    ("The Bolivian captives were released by Chile.", ("CHL", "BOL", "RETREAT", 1)),
    ("Chile disarmed the Peruvian militia.", ("CHL", "PER", "RETREAT", 1)),
    ("Kenya completed the withdrawal of its troops from Somalia.", ("KEN", "SOM", "RETREAT", 1)),
])
def test_releases_and_withdrawals_are_retreats(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    ("Chilean police rounded up Peruvian migrants.", ("CHL", "PER", "COERCE", -1)),
    ("Chile outlawed the Peruvian party.", ("CHL", "PER", "COERCE", -1)),
    ("Chile imposed a curfew on Peruvian towns.", ("CHL", "PER", "COERCE", -1)),
    ("Peru condemned the arrest of its activists by Chile.", ("CHL", "PER", "COERCE", -1)),
    ("Chile shut down Peruvian media platforms.", ("CHL", "PER", "COERCE", -1)),
])
def test_arrests_bans_and_curfews_are_coercion(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    ("Chile sent troops to Peru.", ("CHL", "PER", "MOBILIZE", -1)),
    ("Japan delivered food aid to Kenya.", ("JPN", "KEN", "AID", 1)),
    ("Japan shipped medicines to Kenya.", ("JPN", "KEN", "AID", 1)),
    ("Japan forgave the debts of Kenya.", ("JPN", "KEN", "AID", 1)),
])
def test_deployments_and_aid(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, entry", [
    ("Peruvian nurses went on strike in May.", "protest_strike"),
    ("The miners in Peru are still on strike.", "protest_on_strike"),
    ("Colombian rebels laid down their arms.", "retreat_lay_down"),
    ("Chile put its army on high alert.", "mobilize_alert"),
    ("Chile called up 5,000 reservists.", "mobilize_call_up"),
    ("Fans rioted after the match was cancelled.", "protest"),
])
def test_intransitive_acts_are_found(nlp, coder, text, entry):
    # acts with no target: the trigger is found (a row needs an actor the act is toward or an issue)
    doc = nlp(text)
    assert entry in [e.id for s in doc.sents for _, e, _ in coder.find_triggers(s)]


@pytest.mark.parametrize("text, not_entry", [
    ("Peruvian nurses went on strike in May.", "assault_noun"),  # a labour strike is no attack
    ("The dockers began a two-day strike.", "assault_strike_noun"),
    ("The minister arrived in Lima on Monday.", "visit"),  # arriving is no visit by itself
    ("Foreign volunteers travelled to the front.", "visit_fly"),  # nor is travelling somewhere
    ("The talks came up with a plan by the end of May.", "retreat_come_to_halt"),
    ("Chile launched missile strikes on Peru.", "protest_strike"),
    ("Japan backed the Chinese sanctions in 2017.", "concede_back_down"),  # "in 2017" is no particle of yielding
    ("Japan gave a speech in May.", "concede_give_in"),
])
def test_words_that_are_not_this_act_in_context(nlp, coder, text, not_entry):
    doc = nlp(text)
    ids = [e.id for s in doc.sents for t, e in ((t, e) for t, e, _ in coder.find_triggers(s))]
    ids += [e.id for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]
    assert not_entry not in ids


def test_an_arrival_is_a_visit_only_when_told_as_one(nlp, finder, coder):
    assert ("PER", "CHL", "CONSULT", 1) in plovers(nlp, finder, coder, "The Chilean president arrived in Peru on a two-day visit.")

    def found(text):
        doc = nlp(text)
        return [e for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]
    visit = found("The Chilean president arrived in Peru on a two-day visit.")
    assert [(e.plover, e.place_target) for e in visit] == [("CONSULT", True)]  # Peru, the place, hosts the visit
    assert found("Chilean peacekeepers arrived in Peru.") == []


def test_place_target_is_read_and_defaults_to_false(folder):
    (folder / "triggers.yaml").write_text(HAND.replace("symmetric: true}", "symmetric: true, place_target: true}"), encoding="utf-8")
    write_more(folder, [])
    assert [(t.id, t.place_target) for t in load_lexicon(folder).triggers] == [("consult", True), ("hold_talks", False)]


def test_a_military_strike_is_still_an_attack(nlp, finder, coder):
    assert ("ISR", "SYR", "ASSAULT", -1) in plovers(nlp, finder, coder, "Israel launched missile strikes on Syria.")


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru held joint naval exercises on Monday.", ("CHL", "PER", "COOPERATE", 1)),
    ("Chile and Peru set up a joint venture.", ("PER", "CHL", "COOPERATE", 1)),
    ("Chile ordered its troops to the Peruvian border.", ("CHL", "PER", "MOBILIZE", -1)),
    ("A Chilean court convicted the Peruvian general.", ("CHL", "PER", "SANCTION", -1)),
    ("Chile ejected the Peruvian observers.", ("CHL", "PER", "SANCTION", -1)),
    ("Russian hackers hacked the Chilean ministry.", ("RUS", "CHL", "COERCE", -1)),
    ("Chile spread disinformation about Peru.", ("CHL", "PER", "COERCE", -1)),
    ("Chile approved of the Peruvian reform.", ("CHL", "PER", "SUPPORT", 1)),
    ("Chile declined the Peruvian offer of assistance.", ("CHL", "PER", "REJECT", -1)),
    ("Chile turned down the Peruvian proposal.", ("CHL", "PER", "REJECT", -1)),
])
def test_joint_undertakings_expulsions_cyber_and_refusals(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, entry, expected", [
    ("Chile launched a joint offensive against Peru.", "assault_launch", "ASSAULT"),  # not cooperation
    ("Chile called on the army to step down.", "request_call", "REQUEST"),  # not a mobilisation
    ("Peru condemned the cyber attack on its bank.", "coerce_cyber_attack_noun", "COERCE"),  # not an assault
    ("The officer called in airstrikes on the town.", "", ""),  # asks for an attack, mobilises nobody
])
def test_the_more_specific_reading_wins(nlp, coder, text, entry, expected):
    doc = nlp(text)
    found = [e for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]
    if entry:
        assert entry in [e.id for e in found] and expected in [e.plover for e in found if e.id == entry]
    assert "MOBILIZE" not in [e.plover for e in found]


def test_cameo_asylum_pattern_survives_the_hand_written_aid_objects(nlp, coder):
    # a hand-written entry with the same object would take "grant" from CAMEO's 075 pattern
    doc = nlp("Chile granted asylum to the Peruvian dissident.")
    found = [e for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]
    assert [(e.cameo[:3], e.plover) for e in found] == [("075", "AID")]


@pytest.mark.parametrize("text, expected", [
    # CAMEO 06: working with another is cooperation ("working on" or "toward" stays work_toward)
    ("Chile is working closely with Peru on border security.", ("CHL", "PER", "COOPERATE", 1)),
    # CAMEO 043/044: taking part in talks with another
    ("Egypt attended the talks with Sudan in Cairo.", ("EGY", "SDN", "CONSULT", 1)),
    ("Ghana joined the negotiations with the Ivorian government.", ("GHA", "CIV", "CONSULT", 1)),
    ("Ghana participated in the talks with the Ivorian government.", ("GHA", "CIV", "CONSULT", 1)),
    # CAMEO 033: aid pledged or offered is a promise (AGREE); delivered, it is aid
    ("Japan pledged $20 million in aid to Kenya.", ("JPN", "KEN", "AGREE", 1)),
    ("Japan delivered $20 million in aid to Kenya.", ("JPN", "KEN", "AID", 1)),
    # CAMEO 171: seizing or damaging property
    ("Peruvian rebels looted Chilean villages near the border.", ("PER", "CHL", "COERCE", -1)),
])
def test_working_with_attending_pledging_and_looting(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


def test_a_pledge_of_aid_is_no_delivery(nlp, finder, coder):
    assert "AID" not in {p for _, _, p, _ in plovers(nlp, finder, coder, "Japan pledged $20 million in aid to Kenya.")}


def test_acts_told_from_the_receiving_side_take_the_source_after_from(nlp, finder, coder):
    # CAMEO patterns coded only for the reverse event ("[:111]  # FACE"), imported as `reverse` entries
    assert ("PER", "CHL", "ACCUSE", -1) in plovers(nlp, finder, coder, "Chile faced sharp criticism from Peru.")
    assert ("PER", "CHL", "THREATEN", -1) in plovers(nlp, finder, coder, "Chile received threats from Peru on Monday.")
    assert plovers(nlp, finder, coder, "Chile faced criticism over its border policy.") == set()  # nobody after "from"


def test_a_promise_told_by_a_noun_is_an_agreement_of_its_owner(nlp, finder, coder):
    # CAMEO 03: "X's pledge / offer / promise / commitment" (the nominal event rules give the roles)
    assert ("JPN", "KEN", "AGREE", 1) in plovers(nlp, finder, coder, "Japan's pledge of $5 million to Kenya came after the floods.")
    # a noun named by its own trigger verb is left to the verb: declining the offer is the act
    assert plovers(nlp, finder, coder, "Chile declined the Peruvian offer of assistance.") == {("CHL", "PER", "REJECT", -1)}


@pytest.mark.parametrize("text, expected", [
    # phrasal verbs with a meaning of their own, which the generic-verb rules of the import leave out
    ("Chile ruled out talks with Peru.", ("CHL", "PER", "REJECT", -1)),
    ("Chile called off the talks with Peru.", ("CHL", "PER", "SANCTION", -1)),
    ("Chile backed out of the deal with Peru.", ("CHL", "PER", "REJECT", -1)),
    ("Chile spoke out against Peru.", ("CHL", "PER", "ACCUSE", -1)),
    ("Chilean rebels blew up a Peruvian pipeline.", ("CHL", "PER", "ASSAULT", -1)),
    ("Chile handed over the suspects to Peru.", ("CHL", "PER", "COOPERATE", 1)),
])
def test_phrasal_verbs(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, entry, not_plover", [
    ("Chile called off the talks with Peru.", "sanction_call_off", "REQUEST"),  # no appeal for talks
    ("Chile called off the offensive against the rebels.", "retreat_call_off", "ASSAULT"),
    ("Chile backed out of the deal with Peru.", "reject_back_out", "SUPPORT"),  # not "backed the deal"
    ("Chile walked out of the talks with Peru.", "reject_walk_out", "CONSULT"),
])
def test_a_phrasal_verb_is_not_its_verb_alone(nlp, finder, coder, text, entry, not_plover):
    doc = nlp(text)
    verbs = [e for s in doc.sents for t in s if t.pos_ == "VERB" and (e := coder.trigger_of(t)) is not None]
    assert [e.id for e in verbs] == [entry]
    assert not_plover not in {p for _, _, p, _ in plovers(nlp, finder, coder, text)}


@pytest.mark.parametrize("text, entry", [
    # STATEMENTS_MANUAL 8.7: missile tests and military exercises are MOBILIZE (CAMEO 15x)
    ("Chile test-fired a missile over the ocean.", "mobilize_test"),
    ("Chile conducted a nuclear test.", "mobilize_test"),
    ("The Chilean navy tested a cruise missile on Sunday.", "mobilize_test_weapon"),
    ("Chile staged military drills near the border.", "mobilize_drill"),  # "staged": lemmatised "stag"
    ("Chile launched war games near the border.", "mobilize_drill"),
    ("Peruvian nurses staged a strike in Lima.", "protest_strike"),
])
def test_tests_and_drills_are_mobilisation(nlp, coder, text, entry):
    doc = nlp(text)
    assert entry in [e.id for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]


@pytest.mark.parametrize("text, expected", [
    ("Chile fired missiles at Peru.", ("CHL", "PER", "ASSAULT", -1)),  # a missile fired at someone is no test
    ("Chile and Peru held joint naval exercises on Monday.", ("CHL", "PER", "COOPERATE", 1)),  # joint: cooperation
    ("Chile imposed tariffs on Peruvian goods.", ("CHL", "PER", "SANCTION", -1)),
    ("Chile trained Peruvian troops.", ("CHL", "PER", "AID", 1)),  # CAMEO 072 military aid
])
def test_attacks_joint_exercises_tariffs_and_training(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    ("Chile waged war against Peru.", ("CHL", "PER", "ASSAULT", -1)),  # "waged" is lemmatised "wag"
    ("Peruvian rebels staged an attack on a Chilean base.", ("PER", "CHL", "ASSAULT", -1)),  # not CAMEO's mock attack
    ("Peruvian students staged a demonstration against Chile.", ("PER", "CHL", "PROTEST", -1)),
])
def test_verbs_the_model_lemmatises_wrongly_are_still_found(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # light verbs and their event nouns: the noun says the act
    ("Chile made an appeal to Peru for calm.", ("CHL", "PER", "REQUEST", 1)),
    ("Chile made new demands on Peru.", ("CHL", "PER", "REQUEST", -1)),
    ("Chile offered an apology to Peru.", ("CHL", "PER", "CONCEDE", 1)),
    ("Chile paid tribute to Peru.", ("CHL", "PER", "SUPPORT", 1)),
    ("Chile took control of the Peruvian town.", ("CHL", "PER", "COERCE", -1)),
])
def test_light_verbs_with_event_nouns(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


def test_taking_part_is_no_taking_of_territory(nlp, finder, coder):
    assert "COERCE" not in {p for _, _, p, _ in plovers(nlp, finder, coder, "Chile took part in the talks with Peru.")}


@pytest.mark.parametrize("text, expected", [
    # a word an own entry lists only with objects is no act alone: the objects must name every common use
    ("Chile sued Peru at the international court.", ("CHL", "PER", "ACCUSE", -1)),  # CAMEO 115
    ("Chile freed the Peruvian journalist.", ("CHL", "PER", "RETREAT", 1)),  # CAMEO 0841 release persons
    ("Chile released two Peruvian fishermen.", ("CHL", "PER", "RETREAT", 1)),
])
def test_suing_and_releasing_persons(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # acts told by nouns, with the roles of the nominal-event rules (possessive, "by", "of", "to")
    ("The killing of Peruvian soldiers by Chilean troops sparked protests.", ("CHL", "PER", "ASSAULT", -1)),
    ("Chile's recognition of Palestine angered Israel.", ("CHL", "PSE", "SUPPORT", 1)),
    ("Chile's appeal to Peru for calm went unanswered.", ("CHL", "PER", "REQUEST", 1)),
    ("Chile's apology to Peru came a week later.", ("CHL", "PER", "CONCEDE", 1)),
])
def test_more_acts_told_by_nouns(nlp, finder, coder, text, expected):
    assert expected in plovers(nlp, finder, coder, text)


@pytest.mark.parametrize("text, entry", [
    ("Chile's demand for the withdrawal of Peruvian troops was rejected.", "request_demand_noun"),
    ("The extradition of the suspect to Peru took place on Monday.", "cooperate_extradition_noun"),
    ("The talks were held under Qatari mediation.", "host_noun"),
])
def test_nouns_of_visits_demands_extraditions_and_mediation(nlp, coder, text, entry):
    doc = nlp(text)
    assert entry in [e.id for s in doc.sents for t in s if (e := coder.trigger_of(t)) is not None]


def test_sanctions_told_by_a_noun(nlp, finder, coder):
    assert ("EU", "RUS", "SANCTION", -1) in plovers(nlp, finder, coder, "The EU's sanctions on Russia took effect on Monday.")
    # lifted by a trigger verb: the verb's act (a concession), not a sanction
    assert plovers(nlp, finder, coder, "Chile lifted the sanctions on Peru.") == {("CHL", "PER", "CONCEDE", 1)}


@pytest.mark.parametrize("text", [
    "Chile resumed attacks on Peruvian positions.",  # not CAMEO's "{BITTER ATTACK}", a verbal attack
    "Chile resumed the offensive against Peruvian rebels.",  # not a threat (CAMEO 138)
    "Peruvian rebels are staging attacks on Chilean posts.",  # not CAMEO's "{MOCK ATTACK}", joint exercises
])
def test_attacks_resumed_or_staged_are_attacks(nlp, finder, coder, text):
    assert {p for _, _, p, _ in plovers(nlp, finder, coder, text)} == {"ASSAULT"}
