"""The precision audit: a seeded random coding sheet, then precision with a Wilson interval."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newscoder.__main__ import main
from newscoder.audit import draw_sample, mark_trigger, read_sheet, redacted, score_sheet
from newscoder.errors import ParameterError
from newscoder.tables import STATEMENTS_COLUMNS


def statements(n: int) -> pd.DataFrame:
    rows = []
    for k in range(n):
        sentence = f"Chile warned Peru {k} times."
        rows.append({c: "" for c in STATEMENTS_COLUMNS} | {
            "statement_id": f"d-{k:03d}", "doc_id": "d", "start_char": 100 * k, "end_char": 100 * k + len(sentence),
            "sentence": sentence, "trigger": "warned", "trigger_start": 100 * k + 6, "trigger_end": 100 * k + 12,
            "source_actor": "CHL", "target_actor": "PER", "stance": -1, "plover": "THREATEN", "mode": "verbal",
        })
    return pd.DataFrame(rows)


def test_the_trigger_is_marked_in_its_sentence():
    assert mark_trigger("Chile warned Peru.", 10, 16, 22) == "Chile [[warned]] Peru."


def test_the_same_seed_draws_the_same_rows_and_another_seed_others():
    table = statements(40)
    a, b, c = draw_sample(table, 10, seed=7), draw_sample(table, 10, seed=7), draw_sample(table, 10, seed=8)
    assert list(a["statement_id"]) == list(b["statement_id"])
    assert list(a["statement_id"]) != list(c["statement_id"])
    assert a["statement_id"].is_unique and set(a["verdict"]) == {""}
    # the draw does not depend on the order the rows come in
    shuffled = draw_sample(table.sample(frac=1, random_state=3), 10, seed=7)
    assert list(shuffled["statement_id"]) == list(a["statement_id"])


def test_a_sample_larger_than_the_table_takes_every_row_once():
    assert sorted(draw_sample(statements(4), 50)["statement_id"]) == ["d-000", "d-001", "d-002", "d-003"]


def test_nothing_to_audit_is_an_error():
    with pytest.raises(ParameterError, match="no statements"):
        draw_sample(statements(0), 5)


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_precision_has_a_wilson_interval_and_an_error_breakdown():
    sheet = draw_sample(statements(50), 50)
    verdicts = ["right"] * 38 + ["wrong source"] * 5 + ["not an act"] * 4 + ["wrong target; wrong stance"] * 2 + [""]
    sheet["verdict"] = verdicts
    result = score_sheet(sheet)
    assert (result.judged, result.right, result.unjudged) == (49, 38, 1)
    low, high = wilson(38, 49)
    assert result.low == pytest.approx(low, abs=1e-4) and result.high == pytest.approx(high, abs=1e-4)
    assert result.errors == {"wrong source": 5, "not an act": 4, "wrong target": 2, "wrong stance": 2}
    assert "not judged yet: 1" in str(result)


def test_an_unknown_verdict_names_its_line(tmp_path):
    sheet = draw_sample(statements(3), 3)
    sheet["verdict"] = ["right", "wrong", "right"]
    path = tmp_path / "sheet.csv"
    sheet.to_csv(path, index=False)
    with pytest.raises(ParameterError, match=r"line 3: unknown verdict 'wrong'"):
        read_sheet(path)


def test_a_redacted_sheet_keeps_offsets_and_hash_but_no_text():
    sheet = redacted(draw_sample(statements(3), 3))
    assert set(sheet["sentence_marked"]) == {""}
    assert sheet["sentence_sha256"].str.len().eq(16).all() and sheet["start_char"].notna().all()


def test_the_command_line_draws_then_scores(tmp_path, capsys):
    run = tmp_path / "run"
    (run / "tables").mkdir(parents=True)
    statements(20).to_csv(run / "tables" / "statements.csv", index=False)
    sheet = tmp_path / "sheet.csv"
    assert main(["audit", "draw", "--run", str(run), "--n", "8", "--seed", "3", "--out", str(sheet)]) == 0
    filled = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    assert len(filled) == 8
    filled["verdict"] = ["right"] * 6 + ["wrong type"] * 2
    filled.to_csv(sheet, index=False)
    assert main(["audit", "score", str(sheet), "--redacted-copy", str(tmp_path / "public.csv")]) == 0
    out = capsys.readouterr().out
    assert "precision 0.750 (6 of 8 rows right)" in out and "wrong type" in out
    assert "Chile" not in (tmp_path / "public.csv").read_text()


def test_the_command_line_refuses_a_missing_run(tmp_path, capsys):
    assert main(["audit", "draw", "--run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "s.csv")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_precision_is_also_given_per_confidence_level():
    sheet = draw_sample(statements(6).assign(confidence=["high"] * 3 + ["low"] * 3), 6)
    sheet["verdict"] = ["right" if c == "high" else "not an act" for c in sheet["confidence"]]
    result = score_sheet(sheet)
    assert result.by_confidence == {"high": (3, 3), "low": (0, 3)}
    assert "confidence low: precision 0.000 (0 of 3)" in str(result)
