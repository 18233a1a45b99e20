"""Score extracted entities against hand-coded gold: precision, recall and F1 over (document, item) pairs.

The gold format is the one in tests/gold/entities.yaml, so a researcher can hand-code a sample of
their own corpus the same way and measure the pipeline on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .errors import ParameterError
from .summaries import actor_mentions
from .yamlio import read_mapping


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


# ---- statements ---------------------------------------------------------------------------------

STATEMENT_KEY = ("source_actor", "target_or_issue", "stance")


def load_statement_gold(path: str | Path) -> pd.DataFrame:
    """Read hand-coded statements (tests/gold/statements.yaml format) as a table."""
    data = read_mapping(path, ParameterError, what="Validation gold file")
    rows = data.get("statements")
    if not isinstance(rows, list):
        raise ParameterError(f"Validation gold file {path} needs a list 'statements:' (see tests/gold/statements.yaml).")
    table = pd.DataFrame(rows).fillna("")
    table["stance"] = table["stance"].astype(int)
    return table


def anchor_gold(gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Add each gold sentence's character span in its document (`anchor_start`, `anchor_end`)."""
    gold = gold.copy()
    starts, ends = [], []
    for row in gold.itertuples():
        text = texts[row.doc_id]
        start = text.find(row.sentence)
        if start < 0:
            raise ValueError(f"gold sentence not found in {row.doc_id}: {row.sentence[:60]!r}")
        starts.append(start)
        ends.append(start + len(row.sentence))
    gold["anchor_start"], gold["anchor_end"] = starts, ends
    return gold


def _with_keys(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["target_or_issue"] = [t if t else i for t, i in zip(table["target_actor"], table["issue"])]
    table["stance"] = table["stance"].astype(int)
    return table


def anchor_predictions(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Give each predicted row the gold sentence that holds its trigger (`anchor_start`), or its own sentence."""
    predicted = predicted.copy()
    spans = {d: sorted(set(zip(g["anchor_start"], g["anchor_end"]))) for d, g in gold.groupby("doc_id")}
    anchors = []
    for row in predicted.itertuples():
        point = int(getattr(row, "trigger_start", row.start_char))
        hit = next((s for s, e in spans.get(row.doc_id, []) if s <= point < e), None)
        anchors.append(hit if hit is not None else -1 - int(row.start_char))
    predicted["anchor_start"] = anchors
    return predicted


@dataclass(frozen=True)
class StatementScores:
    anchored: Scores
    plover_accuracy: float
    plover_pairs: int
    stance_kappa: float
    stance_pairs: int


def _match(gold: pd.DataFrame, predicted: pd.DataFrame, key: list[str]) -> list[tuple[int, int]]:
    """Pair gold and predicted rows with equal keys, each row used once."""
    pool: dict[tuple, list[int]] = {}
    for i, row in predicted.iterrows():
        pool.setdefault(tuple(row[k] for k in key), []).append(i)
    pairs = []
    for i, row in gold.iterrows():
        candidates = pool.get(tuple(row[k] for k in key))
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


def cohen_kappa(a: list, b: list) -> float:
    """Cohen's kappa of two raters' labels on the same items."""
    n = len(a)
    if n == 0:
        return float("nan")
    labels = sorted(set(a) | set(b))
    observed = sum(x == y for x, y in zip(a, b)) / n
    expected = sum((a.count(lab) / n) * (b.count(lab) / n) for lab in labels)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def score_statements(predicted: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> StatementScores:
    """Anchored P/R/F1 of (source, target or issue, stance), PLOVER accuracy and stance kappa.

    predicted (DataFrame): statements.csv rows (with `trigger_start` if available).
    gold (DataFrame): hand-coded statements, as from `load_statement_gold`.
    texts (dict): doc_id -> document text as read from the file, to anchor gold sentences.
    RETURNS (StatementScores): the figures.
    """
    gold = _with_keys(anchor_gold(gold[gold["doc_id"].isin(texts)], texts))
    predicted = _with_keys(anchor_predictions(predicted[predicted["doc_id"].isin(gold["doc_id"])], gold))
    full = ["doc_id", "anchor_start", *STATEMENT_KEY]
    matched = _match(gold, predicted, full)
    anchored = Scores(len(matched), len(predicted) - len(matched), len(gold) - len(matched))
    plover_hits = sum(gold.loc[g, "plover"] == predicted.loc[p, "plover"] for g, p in matched)
    loose = _match(gold, predicted, ["doc_id", "anchor_start", "source_actor", "target_or_issue"])
    kappa = cohen_kappa([int(gold.loc[g, "stance"]) for g, _ in loose], [int(predicted.loc[p, "stance"]) for _, p in loose])
    return StatementScores(anchored, plover_hits / len(matched) if matched else float("nan"), len(matched), kappa, len(loose))


def statement_scores_table(scores: StatementScores) -> pd.DataFrame:
    """The validation figures as a small table for a notebook."""
    a = scores.anchored
    rows = [
        ("anchored precision", a.precision, f"{a.tp} of {a.tp + a.fp} coded rows match a hand-coded row"),
        ("anchored recall", a.recall, f"{a.tp} of {a.tp + a.fn} hand-coded rows found"),
        ("anchored F1", a.f1, "(source, target or issue, stance) in the same sentence"),
        ("PLOVER accuracy", scores.plover_accuracy, f"on the {scores.plover_pairs} matched rows"),
        ("Cohen's kappa, stance", scores.stance_kappa, f"on {scores.stance_pairs} rows matched on source and target or issue"),
    ]
    return pd.DataFrame(rows, columns=["measure", "value", "on"]).set_index("measure").round(3)


def statement_differences(predicted: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Every (sentence, source, target or issue, stance) whose count differs between gold and coder."""
    g = _with_keys(anchor_gold(gold[gold["doc_id"].isin(texts)], texts))
    p = _with_keys(anchor_predictions(predicted[predicted["doc_id"].isin(g["doc_id"])], g))
    key = ["doc_id", "anchor_start", *STATEMENT_KEY]
    both = g.groupby(key).size().to_frame("gold").join(p.groupby(key).size().to_frame("coded"), how="outer").fillna(0)
    diff = both[both["gold"] != both["coded"]].astype(int).reset_index()
    sentences = {(r.doc_id, r.anchor_start): r.sentence for r in g.itertuples()}
    diff["sentence"] = [sentences.get((d, a), "(not a gold sentence)") for d, a in zip(diff["doc_id"], diff["anchor_start"])]
    return diff


@dataclass
class DateScores:
    """How well acts are dated, against hand-coded dates of the same acts."""

    dated: int  # gold acts with a date
    correct: int  # ... given the same date at the same precision
    right_precision: int  # ... given a date at the same precision (the day may differ)
    undated: int  # gold acts without a date
    left_empty: int  # ... for which the resolver gave no date either

    @property
    def accuracy(self) -> float:
        return self.correct / self.dated if self.dated else 0.0


def gold_trigger_offsets(gold: pd.DataFrame, texts: dict[str, str]) -> list[int]:
    """Character offset of each gold row's trigger in its document (first occurrence in its sentence)."""
    anchored = anchor_gold(gold, texts)
    offsets = []
    for row in anchored.itertuples():
        at = row.sentence.find(row.trigger)
        if at < 0:
            raise ValueError(f"gold trigger {row.trigger!r} not in its sentence in {row.doc_id}: {row.sentence[:60]!r}")
        offsets.append(row.anchor_start + at)
    return offsets


def score_dates(gold: pd.DataFrame, predicted: list[tuple[str, str]]) -> DateScores:
    """Compare gold (`event_date`, `date_precision`) with predicted (date, precision) pairs, row by row."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold rows but {len(predicted)} predictions")
    counts = dict(dated=0, correct=0, right_precision=0, undated=0, left_empty=0)
    for (date, precision), want_date, want_precision in zip(predicted, gold["event_date"].astype(str), gold["date_precision"]):
        if want_precision == "none":
            counts["undated"] += 1
            counts["left_empty"] += precision == "none"
            continue
        counts["dated"] += 1
        counts["right_precision"] += precision == want_precision
        counts["correct"] += precision == want_precision and date == want_date
    return DateScores(**counts)


@dataclass(frozen=True)
class SectorScores:
    """Agent phrases of the gold (`sectors:`) resolved to the right actor, and of those, the right sector."""

    phrases: int  # gold agent phrases
    matched: int  # ... with a mention of the gold actor overlapping the phrase
    right_sector: int  # ... whose mention also carries the gold sector

    @property
    def accuracy(self) -> float:
        return self.right_sector / self.matched if self.matched else float("nan")


def score_sectors(mentions: pd.DataFrame, gold: dict[str, dict], texts: dict[str, str]) -> SectorScores:
    """Score the sector of the mentions that overlap each gold agent phrase (any occurrence of it).

    mentions (DataFrame): mentions.csv rows; without a `sector` column no sector is right.
    gold (dict): entity gold with `sectors: [{text, actor, sector}]` per document.
    texts (dict): doc_id -> document text, to find the phrases.
    RETURNS (SectorScores): the counts.
    """
    phrases = matched = right = 0
    by_doc = {d: g for d, g in mentions.groupby("doc_id")} if len(mentions) else {}
    for doc_id, g in gold.items():
        text = texts.get(doc_id, "")
        found = by_doc.get(doc_id, mentions.iloc[0:0])
        for entry in g.get("sectors") or []:
            phrases += 1
            spans, at = [], text.find(entry["text"])
            while at >= 0:
                spans.append((at, at + len(entry["text"])))
                at = text.find(entry["text"], at + 1)
            hits = found[[any(int(s) < e and int(t) > b for b, e in spans) for s, t in zip(found["start_char"], found["end_char"])]]
            hits = hits[hits["actor_id"] == entry["actor"]]
            if len(hits):
                matched += 1
                right += "sector" in hits and bool((hits["sector"] == entry.get("sector", "")).any())
    return SectorScores(phrases, matched, right)


def matched_statement_ids(predicted: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> dict[int, str]:
    """Gold row position -> `statement_id` of the coded row that matches it (anchored full key)."""
    g = _with_keys(anchor_gold(gold[gold["doc_id"].isin(texts)], texts))
    p = _with_keys(anchor_predictions(predicted[predicted["doc_id"].isin(g["doc_id"])], g))
    return {int(i): str(p.loc[j, "statement_id"]) for i, j in _match(g, p, ["doc_id", "anchor_start", *STATEMENT_KEY])}


@dataclass(frozen=True)
class MergeScores:
    """Real-world acts the gold finds in several documents (`event` labels) and how the coder merged them."""

    multi_report: int  # gold event labels with rows in two documents or more
    found_twice: int  # ... of which the coder matched rows in two documents or more
    merged: int  # ... and put all its matched rows into one event

    def __str__(self) -> str:
        return (f"{self.multi_report} gold acts reported by 2+ documents; coded in 2+ of them: {self.found_twice}; "
                f"merged into one event: {self.merged}")


def score_event_merging(predicted: pd.DataFrame, events: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str]) -> MergeScores:
    """Check events.csv against the gold's `event` labels of acts reported in several documents."""
    gold = gold[gold["doc_id"].isin(texts)].reset_index(drop=True)
    if "event" not in gold:
        return MergeScores(0, 0, 0)
    ids = matched_statement_ids(predicted, gold, texts)
    doc_of = dict(zip(predicted["statement_id"].astype(str), predicted["doc_id"]))
    event_of = {s: e for e, members in zip(events["event_id"], events["statement_ids"]) for s in str(members).split(";") if s}
    multi = found = merged = 0
    for label, rows in gold[gold["event"] != ""].groupby("event"):
        if rows["doc_id"].nunique() < 2:
            continue
        multi += 1
        coded = [ids[i] for i in rows.index if i in ids]
        if len({doc_of[s] for s in coded}) < 2:
            continue
        found += 1
        merged += len({event_of.get(s, "") for s in coded}) == 1 and coded[0] in event_of
    return MergeScores(multi, found, merged)
