"""One coding pass per run: parse and code a corpus once, write its tables, let every notebook read them.

`code_corpus` runs the pass (parse, entities, statements, dates, events) and writes its tables
under `<folder>/tables/` (CSV and Parquet, see `tables.py`) with the pass's *coding key* in
`<folder>/run.json`. The key is a hash of everything the tables depend on: the corpus files,
the codebook files, the model (name, version, spaCy version) and the coder's own source code.
The pass also writes the dyad x period tables and the actor networks (`exports.py`) under
`<folder>/tables/` and `<folder>/networks/`.

`open_coded` is what a notebook calls: it reads the tables of the output folder when they were
made with the same key, and otherwise runs the pass itself. The runner (`newscoder run`) and the
`newscoder code` command run the pass once before any notebook, so every notebook of a run reads
the same tables and no notebook parses. A notebook opened alone in JupyterLab still works; when
the folder holds another run's outputs (another corpus, an edited codebook), they are removed
first, so that an output folder always holds one run, as its run.json describes it. An empty
`output` writes nothing but the cache: the tables go to `.cache/coding/<key>/`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from .corpus import Document, analysed_texts, find_document, load_corpus
from .errors import ParameterError
from .exports import DYAD_PERIOD_COLUMNS, dyad_periods, write_networks
from .paths import project_root, resolve_path
from .tables import (
    DOCUMENTS_COLUMNS, EVENTS_COLUMNS, KEYS, MENTIONS_COLUMNS, SENTENCES_COLUMNS, STATEMENTS_COLUMNS, UNCODED_COLUMNS, read_parquet,
    write_parquet, write_table,
)

RECORD = "run.json"
# The tables of one coding pass, in the order they are written, with their sort keys.
TABLES: dict[str, tuple[list[str], list[str]]] = {
    "documents": (DOCUMENTS_COLUMNS, KEYS["documents"]),
    "mentions": (MENTIONS_COLUMNS, KEYS["mentions"]),
    "statements": (STATEMENTS_COLUMNS, KEYS["statements"]),
    "events": (EVENTS_COLUMNS, KEYS["events"]),
    "sentences": (SENTENCES_COLUMNS, ["doc_id", "sent_id"]),
    "dyads_week": (DYAD_PERIOD_COLUMNS, ["dyad", "period"]),
    "dyads_month": (DYAD_PERIOD_COLUMNS, ["dyad", "period"]),
    "uncoded": (UNCODED_COLUMNS, KEYS["uncoded"]),
}
# What a run's output folder holds; only these are removed when another run takes the folder.
RUN_CONTENTS = ("tables", "networks", "figures", "html", "notebooks", RECORD)
CODING_CACHE = ".cache/coding"
# Bump when the tables' layout changes, so that tables written before are coded again.
CODING_FORMAT = 2


def file_hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under `root` (or of `root` itself if it is a file), by relative path."""
    if root.is_file():
        return {root.name: _sha256(root)}
    return {p.relative_to(root).as_posix(): _sha256(p) for p in sorted(root.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


def _package(model: str) -> str:
    return model.strip().replace("-", "_")


def model_version(model: str) -> str:
    """The installed version of a spaCy pipeline package, without loading it."""
    try:
        return metadata.version(_package(model))
    except metadata.PackageNotFoundError:
        return "not installed"


def codebook_files(folder: Path) -> dict[str, str]:
    """The codebook folder's file hashes, and the project's `stance_rules.yaml` when the folder has
    none (the statement coder then reads the project's: `codebook_folder.load_codebook_folder`)."""
    hashes = file_hashes(folder)
    if not (folder / "stance_rules.yaml").is_file():
        rules = project_root() / "codebook" / "stance_rules.yaml"
        hashes["(project) stance_rules.yaml"] = hashlib.sha256(rules.read_bytes()).hexdigest() if rules.is_file() else ""
    return hashes


def coding_key(corpus: str | Path, codebook: str | Path, model: str) -> dict[str, str]:
    """Hashes of everything the coding pass's tables depend on.

    corpus (str | Path): the corpus folder.
    codebook (str | Path): the codebook folder.
    model (str): the spaCy pipeline package's name.
    RETURNS (dict[str, str]): one hash per input ('corpus', 'codebook', 'model', 'code') and
        'key', the hash of them all; equal keys mean equal tables.
    """
    parts = {
        "corpus": _digest(file_hashes(resolve_path(corpus, name="corpus", must_exist=True))),
        "codebook": _digest(codebook_files(resolve_path(codebook, name="codebook", must_exist=True))),
        "model": _digest([_package(model), model_version(model), metadata.version("spacy")]),
        "code": _digest([CODING_FORMAT, file_hashes(Path(__file__).resolve().parent)]),
    }
    return {**parts, "key": _digest(parts)}


class CodedCorpus:
    """The tables of one coding pass, read from disk when first used (Parquet keeps the dtypes).

    The attribute names are those of `pipeline.CorpusResult`, so a notebook reads the same either way.
    """

    def __init__(self, folder: Path, corpus: Path, key: dict[str, str]) -> None:
        self.folder = folder
        self.corpus = corpus
        self.key = key

    def table(self, name: str) -> pd.DataFrame:
        """One table by name (documents, mentions, statements, events, sentences, uncoded, dyads_week, dyads_month)."""
        columns, _ = TABLES[name]
        return read_parquet(self.folder / "tables" / f"{name}.parquet", columns)

    @cached_property
    def documents_table(self) -> pd.DataFrame:
        return self.table("documents")

    @cached_property
    def mentions_table(self) -> pd.DataFrame:
        return self.table("mentions")

    @cached_property
    def statements_table(self) -> pd.DataFrame:
        return self.table("statements")

    @cached_property
    def events_table(self) -> pd.DataFrame:
        return self.table("events")

    @cached_property
    def sentences_table(self) -> pd.DataFrame:
        return self.table("sentences")

    @cached_property
    def uncoded_table(self) -> pd.DataFrame:
        return self.table("uncoded")

    def listing(self) -> pd.DataFrame:
        """The files the coding pass wrote (tables/ as CSV and Parquet, networks/), with their rows."""
        import pyarrow.parquet as pq

        rows = [
            {"file": f"tables/{name}.csv and .parquet", "rows": pq.ParquetFile(self.folder / "tables" / f"{name}.parquet").metadata.num_rows}
            for name in TABLES
        ]
        rows += [
            {"file": f"networks/{p.name.replace('_edges.csv', '.graphml')} and {p.name}", "rows": sum(1 for _ in p.open(encoding="utf-8")) - 1}
            for p in sorted((self.folder / "networks").glob("*_edges.csv"))
        ]
        return pd.DataFrame(rows).set_index("file")

    @cached_property
    def documents(self) -> list[Document]:
        """The corpus's documents as read and cleaned (texts and removed stretches); read again, not parsed."""
        return load_corpus(self.corpus)

    @property
    def texts(self) -> dict[str, str]:
        """doc_id -> document text as read from the file, for the documents that were analysed."""
        return analysed_texts(self.documents)

    def document(self, doc_id: str = "") -> Document:
        """One document by id; the first analysed document if `doc_id` is empty."""
        return find_document(self.documents, doc_id)


def read_record(folder: Path) -> dict[str, Any] | None:
    """The run.json of an output folder, or None if it has none or it cannot be read."""
    try:
        return json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_record(folder: Path, record: dict[str, Any]) -> Path:
    """Write run.json atomically (a reader never sees half a file)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / RECORD
    tmp = path.with_name(f".{RECORD}.tmp")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


def is_current(folder: Path, key: dict[str, str]) -> bool:
    """Whether `folder` holds the complete tables of a coding pass with this key."""
    record = read_record(folder)
    if not record or (record.get("coding") or {}).get("key") != key["key"]:
        return False
    return _complete(folder)


def _complete(folder: Path) -> bool:
    return all((folder / "tables" / f"{name}.parquet").is_file() for name in TABLES)


def clear_run(folder: Path) -> None:
    """Remove another run's outputs from `folder`: only what a run writes (RUN_CONTENTS), nothing else."""
    for name in RUN_CONTENTS:
        path = folder / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def code_corpus(
    corpus: str | Path,
    codebook: str | Path,
    model: str,
    folder: str | Path,
    *,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str = "",
    cache: str = ".cache/parses",
    progress: bool | None = None,
    key: dict[str, str] | None = None,
    record: dict[str, Any] | None = None,
) -> CodedCorpus:
    """Run the coding pass once and write its tables (CSV and Parquet) and run.json into `folder`.

    corpus, codebook, model: the run's parameters of those names.
    folder (str | Path): the output folder; tables go to `<folder>/tables/`.
    n_process, engine, scheduler, cache: how to parse (see `pipeline.process_corpus`).
    progress (bool | None): progress bar on stderr; None = only for large corpora.
    key (dict): the coding key, if already computed.
    record (dict): further entries for run.json (who made it, with which parameters).
    RETURNS (CodedCorpus): the tables just written.
    """
    from .events import merge_events
    from .pipeline import process_corpus

    folder = Path(folder)
    corpus_path = resolve_path(corpus, name="corpus", must_exist=True)
    key = key or coding_key(corpus, codebook, model)
    result = process_corpus(
        corpus_path, resolve_path(codebook, name="codebook", must_exist=True), model,
        progress=progress, n_process=n_process, cache=cache or None, engine=engine, scheduler=scheduler,
    )
    frames = {
        "documents": result.documents_table,
        "mentions": result.mentions_table,
        "statements": result.statements_table,
        "events": merge_events(result.statements_table, result.documents_table),
        "sentences": result.sentences_table,
        "dyads_week": dyad_periods(result.statements_table, "week"),
        "dyads_month": dyad_periods(result.statements_table, "month"),
        "uncoded": result.uncoded_table,
    }
    write_tables(frames, folder / "tables")
    write_networks(result.statements_table, folder / "networks")
    write_record(folder, {**(record or {}), "coding": key, "coded": _now()})
    return CodedCorpus(folder, corpus_path, key)


def write_tables(frames: dict[str, pd.DataFrame], folder: Path) -> dict[str, Path]:
    """Write each table as CSV and as Parquet (same columns, same order, same rows), sorted by its key."""
    written = {}
    for name, frame in frames.items():
        columns, sort_key = TABLES[name]
        frame = frame.reindex(columns=columns)
        written[name] = write_table(frame, folder / f"{name}.csv", sort_key)
        write_parquet(frame, folder / f"{name}.parquet", sort_key)
    return written


def open_coded(
    corpus: str,
    codebook: str,
    model: str,
    output: str = "",
    *,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str = "",
    cache: str = ".cache/parses",
    notebook: str = "",
    progress: bool | None = None,
) -> CodedCorpus:
    """The coding pass's tables for a notebook: read when current, coded here when missing or stale.

    corpus, codebook, model, output, n_process, engine, scheduler, cache: the notebook's parameters.
    notebook (str): the calling notebook's name, recorded in run.json when it codes by itself.
    RETURNS (CodedCorpus): tables made from exactly this corpus, codebook, model and code.
    """
    key = coding_key(corpus, codebook, model)
    folder = resolve_path(output, name="output") if output else resolve_path(CODING_CACHE, name="cache") / key["key"][:16]
    if folder.exists() and not folder.is_dir():
        raise ParameterError(f"Parameter 'output': {output!r} is a file, not a folder. Choose another output.")
    corpus_path = resolve_path(corpus, name="corpus", must_exist=True)
    if is_current(folder, key):
        return CodedCorpus(folder, corpus_path, key)
    in_run = read_record(folder) or {}
    if in_run.get("status") == "coding" and in_run.get("coding") and _complete(folder):
        # The folder of a run in progress (`newscoder run`), coded once before its notebooks: read
        # what the run coded, even if a library or codebook file was edited since it began, so that
        # every notebook of one run shows the same tables (and none codes the corpus again).
        return CodedCorpus(folder, corpus_path, in_run["coding"])
    if in_run.get("status") != "coding":
        clear_run(folder)  # another run's outputs; but never the run in progress that this notebook belongs to
    record = {
        "status": "ok",
        "made_by": f"notebook {notebook}".strip() if output else "notebook (cache only)",
        "parameters": {"corpus": str(corpus_path), "codebook": str(resolve_path(codebook, name="codebook")),
                       "model": model, "output": str(folder)},
        "started": _now(),
    }
    return code_corpus(corpus, codebook, model, folder, n_process=n_process, engine=engine, scheduler=scheduler,
                       cache=cache, progress=progress, key=key, record=record)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
