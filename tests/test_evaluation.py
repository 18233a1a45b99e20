"""Scoring against hand-coded gold: sentence anchoring, matching, kappa and the list of differences."""

from __future__ import annotations

import pandas as pd
import pytest

from newscoder.evaluation import cohen_kappa, score_statements, statement_differences

TEXT = "Chile met Peru. Bolivia warned Chile."
TEXTS = {"d": TEXT}


def row(sentence, source, target, stance, plover, trigger):
    start = TEXT.index(sentence)
    return {
        "doc_id": "d", "sentence": sentence, "source_actor": source, "target_actor": target, "issue": "",
        "stance": stance, "plover": plover, "start_char": start, "end_char": start + len(sentence),
        "trigger_start": TEXT.index(trigger),
    }


GOLD = pd.DataFrame([
    row("Chile met Peru.", "CHL", "PER", 1, "CONSULT", "met"),
    row("Chile met Peru.", "PER", "CHL", 1, "CONSULT", "met"),
    row("Bolivia warned Chile.", "BOL", "CHL", -1, "THREATEN", "warned"),
])


def test_anchored_scores_count_matches_per_sentence():
    coded = pd.DataFrame([
        row("Chile met Peru.", "CHL", "PER", 1, "AGREE", "met"),  # right actors and stance, other category
        row("Bolivia warned Chile.", "BOL", "CHL", 1, "SUPPORT", "warned"),  # wrong stance
        row("Bolivia warned Chile.", "CHL", "BOL", -1, "THREATEN", "warned"),  # wrong direction
    ])
    s = score_statements(coded, GOLD, TEXTS)
    assert (s.anchored.tp, s.anchored.fp, s.anchored.fn) == (1, 2, 2)
    assert s.plover_accuracy == 0.0
    assert s.stance_pairs == 2  # matched on source and target, whatever the stance


def test_differences_list_each_mismatch_with_its_sentence():
    coded = pd.DataFrame([row("Chile met Peru.", "CHL", "PER", 1, "CONSULT", "met")])
    diff = statement_differences(coded, GOLD, TEXTS)
    assert sorted(zip(diff["source_actor"], diff["gold"], diff["coded"])) == [("BOL", 1, 0), ("PER", 1, 0)]
    assert set(diff["sentence"]) == {"Chile met Peru.", "Bolivia warned Chile."}


@pytest.mark.parametrize("a, b, expected", [([1, -1, 1, -1], [1, -1, 1, -1], 1.0), ([1, 1, -1, -1], [1, -1, 1, -1], 0.0)])
def test_cohen_kappa(a, b, expected):
    assert cohen_kappa(a, b) == pytest.approx(expected)
