"""The development gold (tests/gold/dev/): hand-coded news the rules were not written from.

Three sets are scored apart: `seeds` (the demo corpus, whose gold the rules were grown on),
`dev-tune` (development documents whose misses may be read) and `dev-test` (read only their
totals). The Guardian part of the development gold keeps no text: each quoted span is stored as
character offsets and a hash, and the texts are read from the shared peer data when present.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus import write_corpus
from .errors import ParameterError
from .paths import project_root
from .yamlio import read_mapping

SETS = ("seeds", "dev-tune", "dev-test")
GUARDIAN_FILE = "guardian_syria_dev.jsonl"
HASH_DIGITS = 16
QUOTED_FIELDS = ("sentence", "trigger")


def dev_folder() -> Path:
    """The development gold's folder, tests/gold/dev under the project root."""
    return project_root() / "tests" / "gold" / "dev"


def default_peer() -> Path:
    """Where the shared third-party data lies beside the project folder (../shared/peer)."""
    return project_root().parent / "shared" / "peer"


# ---- spans that stand for quoted text ------------------------------------------------------------

def span_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of `text` (UTF-8), which stands for it in the gold."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_DIGITS]


def anchor_span(text: str, quote: str, within: tuple[int, int] | None = None, what: str = "span") -> dict:
    """The `{start, end, sha256}` of the first occurrence of `quote` in `text` (or in `within`).

    text (str): the document text.
    quote (str): the verbatim quotation.
    within (tuple | None): (start, end) to search inside, e.g. the sentence of a trigger.
    what (str): what the quote is, for the error message.
    RETURNS (dict): the span.
    """
    lo, hi = within or (0, len(text))
    at = text.find(quote, lo, hi)
    if at < 0 or not quote:
        raise ValueError(f"{what} not found in the text: {quote[:60]!r}")
    return {"start": at, "end": at + len(quote), "sha256": span_hash(quote)}


def resolve_span(text: str, span: dict, where: str) -> str:
    """The text a `{start, end, sha256}` span stands for, checked against its hash."""
    quote = text[int(span["start"]):int(span["end"])]
    if span_hash(quote) != span["sha256"]:
        raise ParameterError(f"{where}: the text at {span['start']}-{span['end']} does not match its hash; "
                             "the peer text differs from the one the gold was coded on.")
    return quote


# ---- the split --------------------------------------------------------------------------------------

def _hex(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


def rank_split(doc_ids: list[str]) -> dict[str, str]:
    """The README's rule: rank by SHA-256 of doc_id; 1st, 3rd, ... are tune, 2nd, 4th, ... test."""
    ranked = sorted(doc_ids, key=_hex)
    return {d: "tune" if k % 2 == 0 else "test" for k, d in enumerate(ranked)}


def split_of(doc_id: str, frozen: dict[str, str]) -> str:
    """`tune` or `test` for a document: its frozen assignment, else by the first hex digit of its hash."""
    if doc_id in frozen:
        return frozen[doc_id]
    return "test" if _hex(doc_id)[0] in "01234567" else "tune"


def load_split(folder: Path | None = None) -> dict[str, str]:
    """The frozen split (split.yaml): doc_id -> tune | test."""
    data = read_mapping((folder or dev_folder()) / "split.yaml", ParameterError, what="Split file")
    return {str(d): part for part in ("tune", "test") for d in data.get(part) or []}


# ---- reading the gold -------------------------------------------------------------------------------

@dataclass
class GoldSet:
    """One scored set: a corpus folder the pipeline can run on, and its hand-coded gold."""

    name: str
    corpus: Path
    entities: dict[str, dict]
    statements: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        return sorted(self.entities)


def read_guardian_texts(peer: Path) -> dict[str, dict]:
    """id -> record of the Guardian development articles in the peer data."""
    with open(peer / GUARDIAN_FILE, encoding="utf-8") as lines:
        return {r["id"]: r for r in map(json.loads, lines)}


def resolve_guardian_gold(data: dict, texts: dict[str, str]) -> dict:
    """Turn the spans of guardian.yaml back into quoted text, checking every hash."""
    documents = {}
    for doc_id, doc in (data.get("documents") or {}).items():
        text = texts[doc_id]
        doc = dict(doc)
        doc["boilerplate"] = [resolve_span(text, s, f"{doc_id} boilerplate") for s in doc.get("boilerplate") or []]
        doc["sectors"] = [{**s, "text": resolve_span(text, s["text"], f"{doc_id} sector")} for s in doc.get("sectors") or []]
        documents[doc_id] = doc
    statements = []
    for k, row in enumerate(data.get("statements") or []):
        row = dict(row)
        for name in QUOTED_FIELDS:
            row[name] = resolve_span(texts[row["doc_id"]], row[name], f"guardian.yaml statement {k + 1} {name}")
        statements.append(row)
    return {"documents": documents, "statements": statements}


def _statement_table(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows).fillna("")
    for column, default in (("modality", "asserted"), ("source_sector", ""), ("target_sector", ""), ("event", "")):
        if column not in table:
            table[column] = default
    table["modality"] = table["modality"].replace("", "asserted")
    if len(table):
        table["stance"] = table["stance"].astype(int)
    return table


def _own_records() -> list[dict]:
    folder = dev_folder() / "own"
    records = []
    for manifest in sorted(folder.glob("corpus*.csv")):
        with open(manifest, encoding="utf-8", newline="") as rows:
            for row in csv.DictReader(rows):
                text = (folder / row["file"]).read_text(encoding="utf-8")
                records.append({**row, "text": text})
    return records


def load_dev_batches(peer: Path | None) -> tuple[dict, list[dict], list[dict], list[str]]:
    """Every development gold file merged: (documents, statements, corpus records, notes)."""
    folder = dev_folder()
    documents: dict[str, dict] = {}
    statements: list[dict] = []
    records = _own_records()
    notes = []
    for path in sorted(folder.glob("own_*.yaml")):
        data = read_mapping(path, ParameterError, what="Development gold file")
        documents.update(data.get("documents") or {})
        statements += data.get("statements") or []
    guardian = folder / "guardian.yaml"
    if guardian.exists():
        if peer is not None and (peer / GUARDIAN_FILE).exists():
            source = read_guardian_texts(peer)
            data = resolve_guardian_gold(read_mapping(guardian, ParameterError, what="Development gold file"),
                                         {k: v["text"] for k, v in source.items()})
            documents.update(data["documents"])
            statements += data["statements"]
            records += [{"doc_id": d, "text": source[d]["text"], "published": source[d]["published"],
                         "published_confidence": "high", "outlet": source[d].get("outlet", "Guardian"),
                         "language": "en"} for d in data["documents"]]
        else:
            notes.append(f"guardian: skipped (needs {GUARDIAN_FILE} in the peer data, {peer})")
    return documents, statements, records, notes


def load_gold_set(name: str, workdir: str | Path, peer: Path | None = None) -> GoldSet:
    """A scored set with its corpus written under `workdir` (seeds: the seed corpus itself).

    name (str): 'seeds', 'dev-tune' or 'dev-test'.
    workdir (str | Path): a scratch folder for the development corpus.
    peer (Path | None): the shared peer data; default ../shared/peer beside the project.
    RETURNS (GoldSet): the corpus folder, entity gold and statement gold of the set.
    """
    if name not in SETS:
        raise ParameterError(f"Unknown gold set {name!r}; choose one of {', '.join(SETS)}.")
    root = project_root()
    if name == "seeds":
        gold = root / "tests" / "gold"
        entities = read_mapping(gold / "entities.yaml", ParameterError, what="Gold file")["documents"]
        statements = read_mapping(gold / "statements.yaml", ParameterError, what="Gold file")["statements"]
        return GoldSet(name, root / "seeds", entities, _statement_table(statements))
    part = name.split("-")[1]
    documents, statements, records, notes = load_dev_batches(default_peer() if peer is None else peer)
    frozen = load_split()
    keep = {d for d in documents if split_of(d, frozen) == part}
    corpus = Path(workdir) / name
    if corpus.exists():
        shutil.rmtree(corpus)
    write_corpus(corpus, [r for r in records if r["doc_id"] in keep])
    return GoldSet(
        name, corpus, {d: documents[d] for d in sorted(keep)},
        _statement_table([s for s in statements if s["doc_id"] in keep]), notes,
    )


def asserted(statements: pd.DataFrame) -> pd.DataFrame:
    """The gold rows of asserted acts: the ones the anchored scores count (manual 8.4)."""
    return statements[statements["modality"] == "asserted"].reset_index(drop=True)


def requested_sets(argv: list[str]) -> list[str]:
    """The sets a benchmark was asked for (`--set NAME`, repeatable), all three by default."""
    names = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--set"]
    for name in names:
        if name not in SETS:
            raise SystemExit(f"error: unknown set {name!r}; choose from {', '.join(SETS)}")
    return names or list(SETS)


def may_show_misses(name: str) -> bool:
    """Misses may be read on the seeds and dev-tune, never on dev-test (README: totals only)."""
    return name != "dev-test"


def announce(gold_set: GoldSet) -> bool:
    """Print a set's notes (what was skipped); False when it has no documents to score."""
    for note in gold_set.notes:
        print(f"  {note}")
    if not gold_set.doc_ids:
        print("  no documents")
        return False
    return True
