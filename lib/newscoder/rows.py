"""One parsed document -> the rows of SCHEMA.md's tables, and the builder that collects them.

`analyse_document` is the per-document step that both engines run (`local_engine.py`,
`dask_engine.py`): entities, statements and dates of one Doc, as plain dicts. The `*_rows`
functions copy fields into rows; `TableBuilder` turns the rows of many documents into tables.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from .codebook_folder import CodebookFolder
from .corpus import Document
from .dates import NO_DATE, DateResolver, DocumentDates
from .entities import EntityFinder, Mention
from .parse import parse, parse_cache
from .parsecache import text_hash
from .stance import Statement, StatementCoder
from .stance_places import Geography
from .stagecache import StageCache, codebook_digest, stage_inputs
from .stance_report import uncoded_rows
from .tables import MENTIONS_COLUMNS, SENTENCES_COLUMNS, STATEMENTS_COLUMNS, UNCODED_COLUMNS


def sentence_ids(doc: Doc) -> dict[int, int]:
    """Number the sentences that hold text (blanked boilerplate makes empty ones): token index -> sent_id."""
    ids, n = {}, 0
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        for token in sent:
            ids[token.i] = n
        n += 1
    return ids


def published_date(document: Document) -> dt.date | None:
    """The document's publication date, or None when it has none."""
    return dt.date.fromisoformat(document.published) if document.published else None


def mention_rows(document: Document, doc: Doc, mentions: list[Mention]) -> list[dict]:
    """Mentions as rows of the mentions table."""
    sent_of = sentence_ids(doc)
    return [
        {
            "doc_id": document.doc_id,
            "sent_id": sent_of.get(m.start, 0),
            "start_char": m.start_char,
            "end_char": m.end_char,
            "text": m.text,
            "label": m.label,
            "actor_id": m.actor_id,
            "person": m.person,
            "kind": m.kind,
            "rule": m.rule,
            "sector": m.sector,
        }
        for m in mentions
    ]


def statement_rows(statements: list[Statement], dates: DocumentDates | None = None) -> list[dict]:
    """Statements as table rows with ids that are stable from run to run (document, sentence, order)."""
    rows, counter = [], {}
    for s in statements:
        n = counter[(s.doc_id, s.sent_id)] = counter.get((s.doc_id, s.sent_id), 0) + 1
        row = {k: getattr(s, k) for k in STATEMENTS_COLUMNS if hasattr(s, k)}
        date = dates.date_at(s.trigger_start) if dates is not None else NO_DATE
        row.update(
            statement_id=f"{s.doc_id}-s{s.sent_id:04d}-{n:02d}",
            event_date=date.value,
            date_precision=date.precision,
            date_basis=date.basis,
            date_text=date.expression,
        )
        rows.append(row)
    return rows


def document_row(document: Document, n_sentences: int) -> dict:
    """One row of the documents table."""
    return {
        "doc_id": document.doc_id,
        "published": document.published,
        "published_source": document.published_source,
        "outlet": document.outlet,
        "title": document.title,
        "n_chars": len(document.text),
        "n_sentences": n_sentences,
        "n_boilerplate_lines": len(document.removals),
        "status": document.status,
        "status_detail": document.status_detail,
    }


@dataclass
class DocumentRows:
    """The table rows that one parsed document gives."""

    n_sentences: int
    sentences: list[dict]
    mentions: list[dict]
    statements: list[dict]
    uncoded: list[dict]


@dataclass
class Coders:
    """The per-run tools of the per-document step, built once per process."""

    finder: EntityFinder
    coder: StatementCoder
    dater: DateResolver
    codebook: Path | None = None  # the folder they were built from (the stage cache's key reads it)


def build_coders(nlp: Language, book: CodebookFolder) -> Coders:
    """The entity finder, statement coder and date resolver for one pipeline and codebook."""
    finder = EntityFinder(nlp, book.actors)
    geography = Geography.of(finder.places, {a.id: a.country for a in book.actors.actors.values() if a.country},
                             [a.id for a in book.actors.actors.values() if a.type in ("state", "de_facto_state")])
    return Coders(finder, StatementCoder(nlp, book.lexicon, book.stance_rules, geography=geography), DateResolver(nlp, book.named_events), Path(book.path))


def analyse_document(
    document: Document, doc: Doc, finder: EntityFinder, coder: StatementCoder, dater: DateResolver, stages: StageCache | None = None,
) -> DocumentRows:
    """Everything the corpus pass extracts from one parsed document, as table rows.

    stages (StageCache | None): where the statement and uncoded rows of a document whose inputs
        (text, mentions, codebook, code) are unchanged are read back instead of coded again.
    """
    sent_of = sentence_ids(doc)
    sentences = [
        {"doc_id": document.doc_id, "sent_id": sent_of[s.start], "start_char": s.start_char, "end_char": s.end_char}
        for s in doc.sents
        if s.start in sent_of
    ]
    published = published_date(document)
    mentions = finder(doc, published)
    key = stages.key(document.doc_id, text_hash(document.clean_text), document.published, mentions) if stages is not None else ""
    stored = stages.get(key) if stages is not None else None
    if stored is None:
        coding = coder.code(doc, mentions, document.doc_id, sent_of)
        stored = {"statements": statement_rows(coding.statements, dater(doc, published)),
                  "uncoded": uncoded_rows(coder, doc, mentions, coding, document.doc_id, sent_of)}
        if stages is not None:
            stages.put(key, stored)
    return DocumentRows(len(set(sent_of.values())), sentences, mention_rows(document, doc, mentions), stored["statements"], stored["uncoded"])


def code_documents(
    nlp: Language,
    documents: list[Document],
    coders: Coders,
    *,
    batch_size: int = 64,
    n_process: int = 1,
    cache: Path | None = None,
    progress: bool = False,
    codebook: str | None = None,
) -> Iterator[tuple[str, DocumentRows]]:
    """Parse the ok documents (through the parse cache) and yield (doc_id, DocumentRows) in order.

    This is the step both engines run: the local one over the corpus, a Dask worker over one partition.
    codebook (str | None): `stagecache.codebook_digest` of the codebook folder, from where the
        folder is (the Dask client); None computes it here, and without the folder here the
        stage cache stays off.
    """
    parses = parse_cache(cache, nlp)
    if codebook is None and coders.codebook is not None and coders.codebook.is_dir():
        codebook = codebook_digest(coders.codebook)
    stages = StageCache(parses.root, stage_inputs(codebook, parses.fingerprint)) if parses is not None and codebook else None
    stream = parse(nlp, documents, batch_size=batch_size, n_process=n_process, cache=parses, progress=progress)
    for document, doc in stream:
        yield document.doc_id, analyse_document(document, doc, coders.finder, coders.coder, coders.dater, stages)


class TableBuilder:
    """Collect the rows of many documents compactly: every `chunk` documents the rows become
    DataFrames with repeated strings shared (interned), so memory grows with the tables, not
    with Python dicts per row."""

    TABLES = {"mentions": MENTIONS_COLUMNS, "statements": STATEMENTS_COLUMNS, "sentences": SENTENCES_COLUMNS, "uncoded": UNCODED_COLUMNS}

    def __init__(self, chunk: int = 500) -> None:
        self.chunk = chunk
        self.n_sentences: dict[str, int] = {}
        self._rows: dict[str, list[dict]] = {name: [] for name in self.TABLES}
        self._frames: dict[str, list[pd.DataFrame]] = {name: [] for name in self.TABLES}
        self._pending = 0

    def add(self, doc_id: str, found: DocumentRows) -> None:
        """Add the rows of one document."""
        self.n_sentences[doc_id] = found.n_sentences
        self._rows["mentions"] += found.mentions
        self._rows["statements"] += found.statements
        self._rows["sentences"] += found.sentences
        self._rows["uncoded"] += found.uncoded
        self._pending += 1
        if self._pending >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        for name, columns in self.TABLES.items():
            rows = self._rows[name]
            if rows:
                frame = pd.DataFrame(rows, columns=columns)
                for column in frame.columns:
                    if frame[column].dtype == object:
                        frame[column] = [sys.intern(v) if type(v) is str else v for v in frame[column]]
                self._frames[name].append(frame)
            self._rows[name] = []
        self._pending = 0

    def table(self, name: str, columns: list[str]) -> pd.DataFrame:
        """The rows of one table (mentions, statements, sentences, uncoded) added so far, in order."""
        self._flush()
        frames = self._frames[name]
        if not frames:
            return pd.DataFrame([], columns=columns)
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
