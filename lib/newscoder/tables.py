"""Write and read the output tables of SCHEMA.md: sorted, UTF-8, identical bytes run to run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DOCUMENTS_COLUMNS = [
    "doc_id", "published", "published_source", "outlet", "title", "n_chars", "n_sentences",
    "n_boilerplate_lines", "status", "status_detail",
]
MENTIONS_COLUMNS = ["doc_id", "sent_id", "start_char", "end_char", "text", "label", "actor_id", "person", "kind", "rule", "sector"]
STATEMENTS_COLUMNS = [
    "statement_id", "doc_id", "sent_id", "start_char", "end_char", "sentence", "trigger", "source_actor",
    "source_person", "target_actor", "target_person", "issue", "stance", "mode", "plover", "event_date",
    "date_precision", "date_basis", "rule", "trigger_start", "trigger_end", "date_text", "source_sector",
    "target_sector", "modality", "confidence",
]
SENTENCES_COLUMNS = ["doc_id", "sent_id", "start_char", "end_char"]
# what the coder left out: dropped triggers (the filter), triggers with no actor, verbs not in the lexicon
UNCODED_COLUMNS = ["doc_id", "sent_id", "start_char", "word", "lemma", "trigger_id", "reason"]
EVENTS_COLUMNS = [
    "event_id", "date", "date_precision", "label", "actors", "plover", "stance", "n_reports", "doc_ids",
    "statement_ids", "source_actor", "target_actor", "issue", "mode", "n_statements", "first_published",
]
KEYS = {
    "documents": ["doc_id"],
    "mentions": ["doc_id", "start_char", "end_char"],
    "statements": ["doc_id", "start_char", "statement_id"],
    "events": ["date", "event_id"],
    "uncoded": ["doc_id", "start_char", "reason"],
}


def write_table(frame: pd.DataFrame, path: str | Path, key: list[str]) -> Path:
    """Write a table as CSV sorted by its key columns, with '\\n' line ends and no index.

    frame (DataFrame): the table.
    path (str | Path): where to write; parent folders are created.
    key (list[str]): the columns to sort by.
    RETURNS (Path): the path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = frame.sort_values(key, kind="mergesort").reset_index(drop=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by `write_table`, keeping empty cells as empty strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False)


# Rows per Parquet row group: a reader (arrow, polars, DuckDB) can stream a large table group by group.
ROW_GROUP = 100_000


def write_parquet(frame: pd.DataFrame, path: str | Path, key: list[str]) -> Path:
    """Write a table as Parquet beside its CSV: same columns, same order, same rows, with types kept.

    frame (DataFrame): the table.
    path (str | Path): where to write; parent folders are created.
    key (list[str]): the columns to sort by.
    RETURNS (Path): the path written (identical bytes for identical tables).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = frame.sort_values(key, kind="mergesort").reset_index(drop=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pq.write_table(table, path, row_group_size=ROW_GROUP, compression="zstd")
    return path


def read_parquet(path: str | Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a table written by `write_parquet` (integers stay integers, empty cells stay empty)."""
    frame = pd.read_parquet(path)
    return frame if columns is None else frame.reindex(columns=columns)
