"""Verb senses told apart by their object or particle (codebook/triggers.yaml, codebook/README.md "Trigger lexicon")."""

from __future__ import annotations

import datetime as dt

import pytest

from newscoder.lexicon import load_lexicon
from newscoder.paths import project_root
from newscoder.stance import StatementCoder


@pytest.fixture(scope="module")
def coder(nlp):
    return StatementCoder(nlp, load_lexicon(project_root() / "codebook"))


def rows(nlp, finder, coder, text) -> set[tuple[str, str, str, int]]:
    doc = nlp(text)
    return {(s.source_actor, s.target_actor, s.plover, s.stance) for s in coder(doc, finder(doc, dt.date(2025, 3, 1)), "t")}


def entry_ids(nlp, coder, text) -> set[str]:
    """The lexicon entries the sentence's words trigger, kept or dropped by the filters."""
    doc = nlp(text)
    return {e.id for t in doc if (e := coder.trigger_of(t)) is not None}


@pytest.mark.parametrize("text, expected", [
    # attacking a place, a unit or a convoy is force (CAMEO 19) ...
    ("Chilean troops attacked Peruvian positions near the border.", ("CHL", "PER", "ASSAULT", -1)),
    ("Chilean warplanes attacked the Peruvian convoy.", ("CHL", "PER", "ASSAULT", -1)),
    # ... attacking a policy, a decision or words is criticism (CAMEO 111)
    ("The Chilean minister attacked Peru's policy on migration.", ("CHL", "PER", "ACCUSE", -1)),
    ("Chile attacked the Peruvian decision to close the border.", ("CHL", "PER", "ACCUSE", -1)),
    ("Chile attacked Peru's remarks on the dispute.", ("CHL", "PER", "ACCUSE", -1)),
    ("Chile attacked Peru as a pariah state.", ("CHL", "PER", "ACCUSE", -1)),
])
def test_attacking_is_force_unless_its_object_is_words_or_a_policy(nlp, finder, coder, text, expected):
    found = rows(nlp, finder, coder, text)
    assert expected in found
    assert {p for _, _, p, _ in found} == {expected[2]}


def test_attacking_a_post_is_an_assault(nlp, coder):
    assert entry_ids(nlp, coder, "Rebels attacked a police post in the north.") == {"assault"}


@pytest.mark.parametrize("text", [
    "Chilean forces continued operations against Peruvian rebels.",  # not CAMEO 1246, a refusal to de-escalate
    "Chile continued its offensive against Peru.",
    "Chile pursued its bombardment of Peruvian towns.",
])
def test_continuing_an_offensive_is_force(nlp, finder, coder, text):
    assert {p for _, _, p, _ in rows(nlp, finder, coder, text)} == {"ASSAULT"}


@pytest.mark.parametrize("text, expected", [
    # a warning of a situation is disapproval (CAMEO 012/110), not a threat
    ("The UN warned Chile of a humanitarian catastrophe.", ("UN", "CHL", "ACCUSE", -1)),
    ("Peru cautioned Chile about the risk of famine.", ("PER", "CHL", "ACCUSE", -1)),
    # a warning of consequences stays a threat (CAMEO 130)
    ("Chile warned Peru of serious consequences.", ("CHL", "PER", "THREATEN", -1)),
])
def test_a_warning_of_a_situation_is_no_threat(nlp, finder, coder, text, expected):
    found = rows(nlp, finder, coder, text)
    assert expected in found
    assert {p for _, _, p, _ in found} == {expected[2]}


@pytest.mark.parametrize("text, expected", [
    ("Peru declined to meet the Chilean envoy.", ("PER", "CHL", "REJECT", -1)),
    ("Peru declined the Chilean offer.", ("PER", "CHL", "REJECT", -1)),
])
def test_declining_to_meet_is_a_refusal(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


def test_declining_to_comment_is_no_act(nlp, coder):
    assert not entry_ids(nlp, coder, "The Peruvian ministry declined to comment.") & {"reject_decline", "reject_decline_to"}


@pytest.mark.parametrize("text, expected", [
    # "from" on the verb (the parse of a bare noun) or on the noun (the parse with an adjective)
    ("Peruvian troops came under fire from Chilean forces.", ("CHL", "PER", "ASSAULT", -1)),
    ("Peruvian troops came under heavy fire from Chilean forces.", ("CHL", "PER", "ASSAULT", -1)),
])
def test_coming_under_fire_is_an_attack_by_the_from_phrase(nlp, finder, coder, text, expected):
    assert rows(nlp, finder, coder, text) == {expected}


@pytest.mark.parametrize("text", [
    "Peru came under pressure from Chile.",
    "A fire broke out in the Peruvian embassy in Chile.",
])
def test_pressure_and_a_blaze_are_no_attack(nlp, finder, coder, text):
    assert not {p for _, _, p, _ in rows(nlp, finder, coder, text)} & {"ASSAULT"}


@pytest.mark.parametrize("text, found", [
    ("The missile launch by Peru alarmed Chile.", True),
    ("Peru's launch of a ballistic missile angered Chile.", True),
    ("Peru announced the launch of talks with Chile.", False),  # a launch of talks is no weapon launched
])
def test_a_launch_of_a_weapon_is_a_show_of_force(nlp, coder, text, found):
    assert ("mobilize_launch_noun" in entry_ids(nlp, coder, text)) is found


def test_support_voiced_is_coded_by_its_noun(nlp, finder, coder):
    # "expressed its support for B": the noun names the act and its target ("for B")
    assert ("CHL", "PER", "SUPPORT", 1) in rows(nlp, finder, coder, "Chile expressed its support for Peru's plan.")
    assert ("PER", "CHL", "SUPPORT", 1) in rows(nlp, finder, coder, "Peru offered its support to Chile.")


@pytest.mark.parametrize("text, plover", [
    # an attack of words (CAMEO 111 "{BITTER ATTACK}") is criticism, told by a verb or by the noun ...
    ("The Chilean president launched a scathing attack on Peru.", "ACCUSE"),
    ("Chile delivered a blistering attack on the Peruvian government.", "ACCUSE"),
    ("Chile's scathing attack on Peru angered Lima.", "ACCUSE"),
    # ... any other attack launched is force
    ("Chile launched a fierce attack on Peruvian positions.", "ASSAULT"),
])
def test_an_attack_of_words_is_criticism(nlp, finder, coder, text, plover):
    assert ("CHL", "PER", plover, -1) in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # blocking a resolution, a draft or a bid is a veto (CAMEO 129) ...
    ("China blocked a UN resolution on the Myanmar crisis.", ("CHN", "UN", "REJECT", -1)),
    ("France vetoed the Italian proposal.", ("FRA", "ITA", "REJECT", -1)),
    # ... blocking a road or access is still coercion
    ("Egyptian police blocked the road to the Libyan border.", ("EGY", "LBY", "COERCE", -1)),
])
def test_blocking_a_proposal_is_a_veto_and_blocking_a_road_is_force(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text, expected", [
    # aid counted or packed is still aid given (CAMEO 07)
    ("Chile sent 20 tonnes of flour to Peru.", ("CHL", "PER", "AID", 1)),
    ("Japan handed 50 tons of rice to Nepal.", ("JPN", "NPL", "AID", 1)),
    ("Norway sent a consignment of tents to Chad.", ("NOR", "TCD", "AID", 1)),
    ("Germany brought medicine to Sudan.", ("DEU", "SDN", "AID", 1)),
    # a bailout told as a noun is economic aid (CAMEO 071)
    ("The EU's bailout of Portugal ended in May.", ("EU", "PRT", "AID", 1)),
    ("Creditors praised the bailout of Cyprus by the EU.", ("EU", "CYP", "AID", 1)),
])
def test_aid_told_by_amount_container_or_bailout(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "Peru brought Chile to the negotiating table.",  # bringing a party is no aid
    "Chile handed Peru a defeat.",
])
def test_bringing_or_handing_without_goods_is_no_aid(nlp, finder, coder, text):
    assert "AID" not in {p for _, _, p, _ in rows(nlp, finder, coder, text)}


@pytest.mark.parametrize("text, expected", [
    ("Bolivia implemented the ceasefire with Peru.", ("BOL", "PER", "RETREAT", 1)),
    ("Chile honoured the truce with Peru.", ("CHL", "PER", "RETREAT", 1)),
])
def test_keeping_a_ceasefire_is_a_truce(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


def test_implementing_something_else_is_no_truce(nlp, coder):
    assert entry_ids(nlp, coder, "Chile implemented the reform in Peru.") == set()


@pytest.mark.parametrize("text, entry", [
    ("The IMF approved debt relief for Ghana.", "aid_debt_noun"),
    ("Creditors discussed debt forgiveness for Zambia.", "aid_debt_noun"),
])
def test_debt_relief_is_an_aid_noun(nlp, coder, text, entry):
    assert entry in entry_ids(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "Peru felt relief at the news from Chile.",  # relief of feeling, not of debt
    "The cancellation of the debate angered Peru.",
])
def test_relief_or_cancellation_without_debt_is_no_aid(nlp, coder, text):
    assert not {"aid_debt_noun", "aid_bailout_noun"} & entry_ids(nlp, coder, text)


def test_returning_seized_vehicles_is_returning_property(nlp, coder):
    assert "retreat_return_property" in entry_ids(nlp, coder, "Peru returned the seized vehicles to Chile.")


def test_returning_a_loan_is_no_return_of_property(nlp, coder):
    assert "retreat_return_property" not in entry_ids(nlp, coder, "Chile returned the loan to Peru.")


@pytest.mark.parametrize("text, expected", [
    # a disinformation campaign is coercion (PLOVER COERCE, mode misinformation), as a noun or waged
    ("Estonia condemned Russia's disinformation campaign against Estonia.", ("RUS", "EST", "COERCE", -1)),
    ("Russia ran a smear campaign against Estonia.", ("RUS", "EST", "COERCE", -1)),
])
def test_a_disinformation_campaign_is_coercion(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


def test_waging_a_disinformation_campaign_is_the_campaign(nlp, coder):
    assert "coerce_disinformation_wage" in entry_ids(nlp, coder, "Russia waged a propaganda campaign against Estonia.")


@pytest.mark.parametrize("text", [
    "Chile ran an advertising campaign in Peru.",
    "Chile launched a rescue operation in Peru.",
])
def test_other_campaigns_are_no_coercion(nlp, finder, coder, text):
    assert "COERCE" not in {p for _, _, p, _ in rows(nlp, finder, coder, text)}


@pytest.mark.parametrize("text", [
    "Peruvian nurses walked off the job on Monday.",
    "Greek dock workers walked off work to protest the Chinese takeover.",
])
def test_walking_off_the_job_is_a_strike(nlp, coder, text):
    assert "protest_walk_off" in entry_ids(nlp, coder, text)


@pytest.mark.parametrize("text", [
    "The Chilean minister walked off the stage.",
    "The Chilean team walked off with the prize.",
])
def test_walking_off_elsewhere_is_no_strike(nlp, coder, text):
    assert "protest_walk_off" not in entry_ids(nlp, coder, text)


@pytest.mark.parametrize("text, expected", [
    # alleging wrongdoing is an accusation (CAMEO 112): of the one the claim is about
    ("Belize alleged that Canada violated the laws of war.", ("BLZ", "CAN", "ACCUSE", -1)),
    ("Peru alleged abuses by Chilean troops.", ("PER", "CHL", "ACCUSE", -1)),
])
def test_alleging_is_accusing(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


def test_an_alleged_act_is_no_accusation(nlp, coder):
    assert "accuse" not in entry_ids(nlp, coder, "The alleged attack by Chile angered Peru.")


@pytest.mark.parametrize("text, expected", [
    # leaving an agreement is rejecting it (PLOVER REJECT), not a military retreat
    ("Chile withdrew from the fisheries agreement with Peru last year.", ("CHL", "PER", "REJECT", -1)),
    ("Chile quit the defence pact with Peru.", ("CHL", "PER", "REJECT", -1)),
])
def test_leaving_an_agreement_is_rejecting_it(nlp, finder, coder, text, expected):
    found = rows(nlp, finder, coder, text)
    assert expected in found
    assert "RETREAT" not in {p for _, _, p, _ in found}


def test_withdrawing_troops_stays_a_retreat(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Chile withdrew its troops from Peru.")
    assert ("CHL", "PER", "RETREAT", 1) in found
    assert "reject_leave_agreement" not in entry_ids(nlp, coder, "Chile withdrew its troops from Peru.")



@pytest.mark.parametrize("text, entry", [
    # an opposition's protest ended or put on hold is a concession (CAMEO 082 ease political dissent)
    ("The Peruvian opposition called off its demonstration against the Chilean government.", "concede_call_off_dissent"),
    ("The Bolivian opposition ended its boycott of the Peruvian parliament.", "concede_dissent"),
    ("Peruvian farmers cancelled their marches on the Chilean border.", "concede_dissent"),
])
def test_ending_a_protest_is_a_concession(nlp, coder, text, entry):
    assert entry in entry_ids(nlp, coder, text)


def test_cancelled_marches_are_coded_as_a_concession(nlp, finder, coder):
    assert ("PER", "CHL", "CONCEDE", 1) in rows(nlp, finder, coder, "Peruvian farmers cancelled their marches on the Chilean border.")


@pytest.mark.parametrize("text, entry", [
    # calling off other things keeps its own entry: an offensive (de-escalation), talks (reduced relations),
    # and a call *for* protests is a request
    ("The Chilean army called off the offensive against Peruvian rebels.", "retreat_call_off"),
    ("Chile called off the talks with Peru.", "sanction_call_off"),
    ("Chile called for protests against Peru.", "request_call"),
    # a protest word in a phrase of cause, manner or time is no object ended
    ("In protest, Chile suspended trade with Peru.", "sanction_cut"),
    ("Chile ended the fighting with Peru in March.", "retreat_halt"),
    ("The Chilean president ended his speech at the rally.", None),
    ("Chile postponed the vote amid protests.", None),
    # ending strikes is left to the halt of an attack: a bare "strike" may be an air strike
    ("Peru ended the strike on Chilean positions.", "retreat_halt"),
])
def test_other_things_ended_are_no_eased_dissent(nlp, coder, text, entry):
    found = entry_ids(nlp, coder, text)
    assert entry is None or entry in found
    assert not found & {"concede_dissent", "concede_call_off_dissent"}


@pytest.mark.parametrize("text, entry", [
    # arms handed in or given up are demobilisation (CAMEO 0873)
    ("The Colombian rebels gave up their weapons to the Colombian government.", "retreat_give_up_arms"),
    ("The rebels turned in their rifles.", "retreat_hand_in_arms"),
])
def test_giving_up_arms_is_a_retreat(nlp, coder, text, entry):
    assert entry in entry_ids(nlp, coder, text)


def test_arms_given_up_to_the_enemy_are_coded_as_a_retreat(nlp, finder, coder):
    found = rows(nlp, finder, coder, "Peruvian rebels gave up their weapons to the Chilean army.")
    assert ("PER", "CHL", "RETREAT", 1) in found


@pytest.mark.parametrize("text, entry", [
    # arms given to someone stay aid, with or without "over"; hopes given up and guns brought along are no act
    ("Chile gave weapons to the Peruvian rebels.", "aid"),
    ("Iran handed over weapons to the Syrian army.", "aid"),
    ("Chile gave up its hopes of a deal with Peru.", None),
    ("Gunmen turned up with rifles at the Chilean embassy.", None),
])
def test_arms_supplied_are_no_disarmament(nlp, coder, text, entry):
    found = entry_ids(nlp, coder, text)
    assert not found & {"retreat_give_up_arms", "retreat_hand_in_arms"}
    assert entry is None or entry in found


def test_an_inquiry_into_acts_is_an_accusation(nlp, finder, coder):
    # CAMEO 09 investigate, told by a noun with what is investigated
    found = rows(nlp, finder, coder, "The UN inquiry into the killings by Chilean troops angered Chile.")
    assert ("UN", "CHL", "ACCUSE", -1) in found


@pytest.mark.parametrize("text", [
    "Peru's investigation found no evidence.",
    "The results of the Chilean inquiry were published.",
])
def test_an_inquiry_without_its_matter_is_no_act(nlp, coder, text):
    assert "accuse_investigation_noun" not in entry_ids(nlp, coder, text)



def test_accusations_traded_are_made_by_both_sides(nlp, finder, coder):
    # CAMEO 112 accuse, done by both sides
    found = rows(nlp, finder, coder, "Chile and Peru traded accusations over the border incident.")
    assert {("CHL", "PER", "ACCUSE", -1), ("PER", "CHL", "ACCUSE", -1)} <= found


@pytest.mark.parametrize("text", [
    "Chile traded goods with Peru.",
    "Chile and Peru exchanged prisoners on Monday.",
])
def test_goods_or_prisoners_traded_are_no_accusation(nlp, coder, text):
    assert "accuse_trade_blame" not in entry_ids(nlp, coder, text)


def test_lobbying_is_an_appeal(nlp, finder, coder):
    # CAMEO 020 make an appeal
    assert ("CHL", "PER", "REQUEST", 1) in rows(nlp, finder, coder, "Chile has been lobbying Peru to drop the tariffs.")


@pytest.mark.parametrize("text, expected", [
    # pressing another to act is a demand (CAMEO 10), from the one who presses, also in the passive
    ("Chile pressured Peru to drop the case.", ("CHL", "PER", "REQUEST", -1)),
    ("Chile was pressured by Peru into signing the deal.", ("PER", "CHL", "REQUEST", -1)),
    # propping up a government is material support (CAMEO 07)
    ("Russia has propped up the Syrian government for years.", ("RUS", "SYR", "AID", 1)),
    ("Chile helped prop up the Peruvian government.", ("CHL", "PER", "AID", 1)),
])
def test_pressure_and_prop_up(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "Chile came under pressure from Peru.",   # the noun is no entry: "under pressure" tells no act
    "The Chilean workers propped the door open.",
])
def test_pressure_noun_and_prop_without_up_are_no_act(nlp, coder, text):
    assert not entry_ids(nlp, coder, text) & {"request", "aid_prop_up"}


@pytest.mark.parametrize("text, expected", [
    # territory taken back is taken (CAMEO 192 occupy territory)
    ("The Chilean army regained control of the town from Peruvian rebels.", ("CHL", "PER", "COERCE", -1)),
    ("Chile clawed back territory from Peru.", ("CHL", "PER", "COERCE", -1)),
])
def test_territory_taken_back_is_coercion(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "Chile regained its composure after the defeat by Peru.",
    "Chile reclaimed its place at the table with Peru.",
])
def test_other_things_regained_are_no_coercion(nlp, coder, text):
    assert "coerce_take" not in entry_ids(nlp, coder, text)


@pytest.mark.parametrize("text, expected", [
    # persons beaten are physically assaulted (CAMEO 182), also in the passive
    ("Chilean police beat the Peruvian protesters.", ("CHL", "PER", "ASSAULT", -1)),
    ("A Peruvian journalist was beaten by Chilean soldiers.", ("CHL", "PER", "ASSAULT", -1)),
    # indicting or prosecuting is bringing a case (CAMEO 115)
    ("Peru indicted the Chilean general.", ("PER", "CHL", "ACCUSE", -1)),
])
def test_beating_persons_and_indicting(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "Chile beat Peru 2-1 in the final.",
    "The Chilean candidate beat his rivals in the election.",
])
def test_beating_a_rival_is_no_assault(nlp, coder, text):
    assert "assault_beat" not in entry_ids(nlp, coder, text)


@pytest.mark.parametrize("text, expected", [
    # livestock stolen or driven off is property seized (CAMEO 171); people driven from their land are coerced
    ("Chilean fighters drove off dozens of Peruvian cattle.", ("CHL", "PER", "COERCE", -1)),
    ("Chilean troops stole Peruvian cattle.", ("CHL", "PER", "COERCE", -1)),
    ("Chilean gangs have driven Peruvian farmers from their land.", ("CHL", "PER", "COERCE", -1)),
])
def test_livestock_seized_and_people_driven_from_their_land(nlp, finder, coder, text, expected):
    assert expected in rows(nlp, finder, coder, text)


@pytest.mark.parametrize("text", [
    "The Chilean minister drove off after the meeting with Peru.",
    "The Chilean minister drove from Lima to the border.",
    "Chile drove home its point in the talks with Peru.",
])
def test_driving_elsewhere_is_no_coercion(nlp, coder, text):
    assert not entry_ids(nlp, coder, text) & {"coerce_drive_off", "coerce_displace"}
