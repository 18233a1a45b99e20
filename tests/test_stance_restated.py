"""An issue named only by the act's own words gives no issue row (stance_restated.py), on
sentences of our own."""

from __future__ import annotations

import datetime as dt


def rows(nlp, coders, text):
    doc = nlp(text)
    return [(s.source_actor, s.target_actor, s.issue, s.stance) for s in coders.coder(doc, coders.finder(doc, dt.date(2025, 3, 1)), "t")]


def test_imposing_sanctions_is_not_against_sanctions(nlp, coders):
    assert rows(nlp, coders, "Chile imposed new sanctions.") == []
    assert rows(nlp, coders, "The United States is reimposing sanctions lifted under the nuclear deal.") == []


def test_sanctions_on_an_actor_keep_their_target(nlp, coders):
    assert ("CHL", "PER", "SANCTIONS", -1) in rows(nlp, coders, "Chile reimposed sanctions on Peru.")


def test_an_issue_beside_the_act_is_kept(nlp, coders):
    assert ("PER", "", "SANCTIONS", -1) in rows(nlp, coders, "Peru condemned the sanctions.")
