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


# ---- sectors and the merging of multi-report events (development gold) ----------------------------

from newscoder.evaluation import score_event_merging, score_sectors  # noqa: E402


def mention(doc_id, text, phrase, actor, sector, occurrence=0):
    start = [i for i in range(len(text)) if text.startswith(phrase, i)][occurrence]
    return {"doc_id": doc_id, "start_char": start, "end_char": start + len(phrase), "actor_id": actor, "sector": sector}


def test_sector_accuracy_counts_only_phrases_resolved_to_the_gold_actor():
    text = "Chilean troops crossed the line. Peruvian police watched. Bolivian miners marched."
    gold = {"d": {"sectors": [
        {"text": "Chilean troops", "actor": "CHL", "sector": "MIL"},
        {"text": "Peruvian police", "actor": "PER", "sector": "COP"},
        {"text": "Bolivian miners", "actor": "BOL", "sector": "LAB"},
    ]}}
    mentions = pd.DataFrame([
        mention("d", text, "Chilean", "CHL", "MIL"),   # overlaps the phrase, right sector
        mention("d", text, "Peruvian police", "PER", "GOV"),  # right actor, wrong sector
        mention("d", text, "Bolivian", "PER", "CVL"),  # wrong actor: not matched at all
    ])
    s = score_sectors(mentions, gold, {"d": text})
    assert (s.phrases, s.matched, s.right_sector) == (3, 2, 1)
    assert s.accuracy == 0.5


def test_sector_accuracy_is_zero_right_when_mentions_carry_no_sector():
    text = "Chilean troops crossed the line."
    gold = {"d": {"sectors": [{"text": "Chilean troops", "actor": "CHL", "sector": "MIL"}]}}
    mentions = pd.DataFrame([mention("d", text, "Chilean", "CHL", "")]).drop(columns="sector")
    assert score_sectors(mentions, gold, {"d": text}).right_sector == 0


def test_event_merging_checks_acts_the_gold_labels_in_two_documents():
    texts = {"a": "Chile met Peru. Bolivia warned Chile.", "b": "Chile met Peru in Lima."}

    def coded(doc, sentence, source, target, plover, sid):
        start = texts[doc].index(sentence)
        return {"doc_id": doc, "sentence": sentence, "source_actor": source, "target_actor": target, "issue": "",
                "stance": 1, "plover": plover, "start_char": start, "end_char": start + len(sentence),
                "trigger_start": start + 6, "statement_id": sid}

    gold = pd.DataFrame([
        {**coded("a", "Chile met Peru.", "CHL", "PER", "CONSULT", ""), "event": "lima-talks"},
        {**coded("b", "Chile met Peru in Lima.", "CHL", "PER", "CONSULT", ""), "event": "lima-talks"},
        {**coded("a", "Bolivia warned Chile.", "BOL", "CHL", "THREATEN", ""), "event": ""},
    ])
    predicted = pd.DataFrame([
        coded("a", "Chile met Peru.", "CHL", "PER", "CONSULT", "a1"),
        coded("b", "Chile met Peru in Lima.", "CHL", "PER", "CONSULT", "b1"),
    ])
    one = pd.DataFrame({"event_id": ["e1"], "statement_ids": ["a1;b1"]})
    two = pd.DataFrame({"event_id": ["e1", "e2"], "statement_ids": ["a1", "b1"]})
    s1, s2 = score_event_merging(predicted, one, gold, texts), score_event_merging(predicted, two, gold, texts)
    assert (s1.multi_report, s1.found_twice, s1.merged) == (1, 1, 1)
    assert (s2.multi_report, s2.found_twice, s2.merged) == (1, 1, 0)
