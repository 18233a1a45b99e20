"""Run a corpus through spaCy and the coding steps, producing SCHEMA.md's tables.

The work is split along its seams: `parse.py` parses (in pieces, through the parse cache),
`rows.py` turns one parsed document into table rows (the step both engines run),
`local_engine.py` and `dask_engine.py` run that step over the corpus, and this module reads the
inputs, picks the engine and assembles the tables. The names that used to live here are
re-exported, so `from newscoder.pipeline import parse, process_corpus, published_date` still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language

from .codebook import Codebook
from .codebook_folder import CodebookFolder, load_codebook_folder
from .corpus import Document, analysed_texts, find_document, load_corpus
from .dask_engine import dask_rows
from .errors import ParameterError
from .local_engine import local_rows
from .model import load_model
from .parse import SPLIT_AT, note_long_documents, parse, parse_cache, parse_text, piece_length, split_text, warm_cache
from .parsecache import DEFAULT_CACHE
from .paths import resolve_path
from .rows import (
    SENTENCES_COLUMNS, DocumentRows, TableBuilder, analyse_document, document_row, mention_rows, published_date,
    sentence_ids, statement_rows,
)
from .tables import DOCUMENTS_COLUMNS, MENTIONS_COLUMNS, STATEMENTS_COLUMNS, UNCODED_COLUMNS

__all__ = [
    "CorpusResult", "process_corpus", "write_tables", "ENGINES", "PROGRESS_MIN_DOCUMENTS",
    # re-exported from parse.py, rows.py and local_engine.py for callers of the old layout
    "SPLIT_AT", "split_text", "piece_length", "note_long_documents", "parse_text", "parse", "parse_cache", "warm_cache",
    "SENTENCES_COLUMNS", "sentence_ids", "published_date", "mention_rows", "statement_rows", "document_row",
    "DocumentRows", "analyse_document", "TableBuilder", "local_rows",
]

ENGINES = ("local", "dask")
# Below this many documents no progress bar is drawn (the seed run stays quiet; see `progress`).
PROGRESS_MIN_DOCUMENTS = 50


@dataclass
class CorpusResult:
    """What one pass over the corpus gives: the documents and their mentions."""

    documents: list[Document]
    documents_table: pd.DataFrame
    mentions_table: pd.DataFrame
    statements_table: pd.DataFrame
    sentences_table: pd.DataFrame
    uncoded_table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame([], columns=UNCODED_COLUMNS))

    @property
    def events_table(self) -> pd.DataFrame:
        """The statements merged into dated events (events.py)."""
        from .events import merge_events

        return merge_events(self.statements_table, self.documents_table)

    @property
    def texts(self) -> dict[str, str]:
        """doc_id -> document text as read from the file, for the documents that were analysed."""
        return analysed_texts(self.documents)

    def document(self, doc_id: str = "") -> Document:
        """One document by id; the first analysed document if `doc_id` is empty."""
        return find_document(self.documents, doc_id)


def process_corpus(
    corpus: str | Path,
    codebook: str | Path | Codebook | CodebookFolder,
    model: str | Language,
    *,
    progress: bool | None = None,
    n_process: int = 1,
    batch_size: int = 64,
    cache: str | Path | None = DEFAULT_CACHE,
    engine: str = "local",
    scheduler: str = "",
) -> CorpusResult:
    """Read, parse and code a corpus: documents, mentions, statements and sentences tables.

    corpus (str | Path): the corpus folder (relative to the project root or absolute).
    codebook (str | Path | Codebook | CodebookFolder): the codebook folder, or one loaded.
    model (str | Language): an installed spaCy pipeline's name, or a loaded pipeline.
    progress (bool | None): progress bar on stderr; None = only for 50 documents or more, so
        the seed run (and its committed notebooks) stays free of volatile output.
    n_process (int): parser processes (local engine) or workers of a new local Dask cluster.
    batch_size (int): texts per `nlp.pipe` batch.
    cache (str | Path | None): parse cache folder (relative to the project root); empty/None: off.
    engine (str): 'local' (this process and `n_process` parser processes) or 'dask'.
    scheduler (str): Dask scheduler address ('tcp://host:8786'); empty starts a local cluster.
    RETURNS (CorpusResult): the documents and their tables, rows in document order.
    """
    if engine not in ENGINES:
        raise ParameterError(f"Parameter 'engine' must be one of {', '.join(ENGINES)}; got {engine!r}.")
    if not isinstance(n_process, int) or n_process < 1:
        raise ParameterError(f"Parameter 'n_process' must be a whole number of at least 1; got {n_process!r}.")
    documents = load_corpus(resolve_path(corpus, name="corpus", must_exist=True))
    if not isinstance(codebook, (Codebook, CodebookFolder)):
        codebook = resolve_path(codebook, name="codebook", must_exist=True)
    book = load_codebook_folder(codebook)
    nlp = model if isinstance(model, Language) else load_model(model)
    note_long_documents(nlp, documents)
    cache_dir = resolve_path(cache, name="cache") if cache else None
    n_ready = sum(d.status == "ok" for d in documents)
    show = n_ready >= PROGRESS_MIN_DOCUMENTS if progress is None else progress
    if engine == "dask":
        name = model if isinstance(model, str) else nlp.meta.get("lang", "") + "_" + nlp.meta.get("name", "")
        rows = dask_rows(documents, book, name, scheduler=scheduler, n_workers=n_process, batch_size=batch_size, cache=cache_dir, progress=show)
    else:
        rows = local_rows(documents, book, nlp, n_process=n_process, batch_size=batch_size, cache=cache_dir, progress=show)
    builder = TableBuilder()
    for doc_id, found in rows:
        builder.add(doc_id, found)
    doc_rows = [document_row(d, builder.n_sentences.get(d.doc_id, 0)) for d in documents]
    documents_table = pd.DataFrame(doc_rows, columns=DOCUMENTS_COLUMNS)
    return CorpusResult(
        documents,
        documents_table,
        builder.table("mentions", MENTIONS_COLUMNS),
        builder.table("statements", STATEMENTS_COLUMNS),
        builder.table("sentences", SENTENCES_COLUMNS),
        builder.table("uncoded", UNCODED_COLUMNS),
    )


def write_tables(result: CorpusResult, output: str | Path, tables: tuple[str, ...] = ("documents", "mentions")) -> dict[str, Path]:
    """Write the named tables (documents, mentions, statements, events) as CSV under `<output>/tables/`.

    result (CorpusResult): what `process_corpus` returned.
    output (str | Path): the output folder.
    tables (tuple[str, ...]): which tables to write; each notebook writes the ones it explains.
    RETURNS (dict[str, Path]): table name -> path written.
    """
    from .tables import KEYS, write_table

    folder = resolve_path(output, name="output") / "tables"
    return {name: write_table(getattr(result, f"{name}_table"), folder / f"{name}.csv", KEYS[name]) for name in tables}
