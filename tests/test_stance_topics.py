"""Planned and discussed acts are not told as done (stance_topics.py and the modality rules), on
sentences of our own."""

from __future__ import annotations

import datetime as dt


def modalities(nlp, coders, text, plover):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.modality) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")
            if s.plover == plover]


def test_a_gerund_a_discussion_is_about_is_no_act_done(nlp, coders):
    found = modalities(nlp, coders, "Norway said it was happy to discuss punishing Sweden.", "COERCE")
    assert found and all(m == "hypothetical" for _, _, m in found), found


def test_a_gerund_after_discussing_verbs_is_a_topic(nlp, coders):
    found = modalities(nlp, coders, "Denmark and Norway discussed sanctioning Sweden.", "SANCTION")
    assert found and all(m == "hypothetical" for _, _, m in found), found


def test_a_gerund_after_other_verbs_keeps_its_modality(nlp, coders):
    found = modalities(nlp, coders, "Norway finished withdrawing its troops from Sweden.", "RETREAT")
    assert [m for _, _, m in found] == ["asserted"]


def test_an_act_a_deal_would_allow_is_not_done(nlp, coders):
    found = modalities(nlp, coders, "Finland signed a deal to allow Norway to send troops to Sweden.", "MOBILIZE")
    assert ("NOR", "SWE", "asserted") not in found and found, found


def test_an_act_that_a_plan_lets_happen_is_not_done(nlp, coders):
    found = modalities(nlp, coders, "Argentina approved a plan to let Chile deploy troops in Bolivia.", "MOBILIZE")
    assert found and all(m != "asserted" for _, _, m in found), found


def test_an_act_begun_under_a_decision_noun_is_planned(nlp, coders):
    found = modalities(nlp, coders, "Norway announced a decision to begin withdrawing troops from Sweden.", "RETREAT")
    assert [m for _, _, m in found] == ["future"]
