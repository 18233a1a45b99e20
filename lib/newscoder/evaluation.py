"""Score extracted entities against hand-coded gold: precision, recall and F1 over (document, item) pairs.

The gold format is the one in tests/gold/entities.yaml, so a researcher can hand-code a sample of
their own corpus the same way and measure the pipeline on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .summaries import actor_mentions


@dataclass(frozen=True)
class Scores:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_entity_gold(path: str | Path) -> dict[str, dict]:
    """Read a gold file: `documents: {doc_id: {actors: [...], persons: [{name, actor}]}}`."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return data["documents"]


def predicted_sets(mentions: pd.DataFrame) -> dict[str, dict[str, set[str]]]:
    """Per document: the actor ids and the canonical person names the pipeline found."""
    found: dict[str, dict[str, set[str]]] = {}
    for doc_id, group in actor_mentions(mentions).groupby("doc_id"):
        found.setdefault(doc_id, {"actors": set(), "persons": set()})["actors"] = set(group["actor_id"])
    persons = mentions[(mentions["kind"] == "person") & (mentions["person"] != "")]
    for doc_id, group in persons.groupby("doc_id"):
        found.setdefault(doc_id, {"actors": set(), "persons": set()})["persons"] = set(group["person"])
    return found


def score_sets(gold: dict[str, set[str]], predicted: dict[str, set[str]]) -> Scores:
    """Micro-averaged counts over (document, item) pairs for the documents in `gold`."""
    tp = fp = fn = 0
    for doc_id, items in gold.items():
        got = predicted.get(doc_id, set())
        tp += len(items & got)
        fp += len(got - items)
        fn += len(items - got)
    return Scores(tp, fp, fn)


def score_entities(mentions: pd.DataFrame, gold: dict[str, dict]) -> dict[str, Scores]:
    """Actor and person scores of a mentions table against entity gold."""
    found = predicted_sets(mentions)
    result = {}
    for kind in ("actors", "persons"):
        gold_sets = {
            d: set(g.get(kind) or []) if kind == "actors" else {p["name"] for p in g.get("persons") or []}
            for d, g in gold.items()
        }
        result[kind] = score_sets(gold_sets, {d: f[kind] for d, f in found.items()})
    return result


def differences(mentions: pd.DataFrame, gold: dict[str, dict]) -> pd.DataFrame:
    """Every missed or extra actor/person, per document: what to look at when a score drops."""
    found = predicted_sets(mentions)
    rows = []
    for doc_id, g in sorted(gold.items()):
        expected = {"actors": set(g.get("actors") or []), "persons": {p["name"] for p in g.get("persons") or []}}
        for kind, items in expected.items():
            got = found.get(doc_id, {}).get(kind, set())
            rows += [{"doc_id": doc_id, "kind": kind, "item": i, "error": "missed"} for i in sorted(items - got)]
            rows += [{"doc_id": doc_id, "kind": kind, "item": i, "error": "extra"} for i in sorted(got - items)]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "item", "error"])
