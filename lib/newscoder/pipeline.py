"""Run the corpus through spaCy and the entity step, producing SCHEMA.md's tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .codebook import Codebook, load_codebook
from .corpus import Document, load_corpus
from .dates import NO_DATE, DateResolver, DocumentDates, load_named_events
from .entities import EntityFinder, Mention
from .model import load_model
from .paths import resolve_path
from .lexicon import load_lexicon
from .stance import Statement, StatementCoder
from .tables import DOCUMENTS_COLUMNS, MENTIONS_COLUMNS, STATEMENTS_COLUMNS


@dataclass
class CorpusResult:
    """What one pass over the corpus gives: the documents and their mentions."""

    documents: list[Document]
    documents_table: pd.DataFrame
    mentions_table: pd.DataFrame
    statements_table: pd.DataFrame
    sentences_table: pd.DataFrame

    @property
    def events_table(self) -> pd.DataFrame:
        """The statements merged into dated events (events.py)."""
        from .events import merge_events

        return merge_events(self.statements_table, self.documents_table)

    @property
    def texts(self) -> dict[str, str]:
        """doc_id -> document text as read from the file, for the documents that were analysed."""
        return {d.doc_id: d.text for d in self.documents if d.status == "ok"}

    def document(self, doc_id: str = "") -> Document:
        """One document by id; the first analysed document if `doc_id` is empty."""
        ok = [d for d in self.documents if d.status == "ok"]
        if not doc_id:
            if not ok:
                raise ValueError("No document of this corpus could be analysed; see documents.csv.")
            return ok[0]
        for d in self.documents:
            if d.doc_id == doc_id:
                return d
        sample = ", ".join(d.doc_id for d in ok[:5])
        raise ValueError(f"Parameter 'show_doc': {doc_id!r} is not a doc_id of this corpus (for example: {sample}).")


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


def parse(nlp: Language, documents: list[Document], *, batch_size: int = 32, progress: bool = False) -> Iterator[tuple[Document, Doc]]:
    """Parse the documents that are ok, in order, streaming through `nlp.pipe`."""
    ready = [d for d in documents if d.status == "ok"]
    texts = (d.clean_text for d in ready)
    docs = nlp.pipe(texts, batch_size=batch_size)
    yield from tqdm(zip(ready, docs), total=len(ready), desc="parsing", unit="doc", disable=not progress)


def published_date(document: Document) -> dt.date | None:
    return dt.date.fromisoformat(document.published) if document.published else None


def mention_rows(document: Document, doc: Doc, mentions: list[Mention]) -> list[dict]:
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
        }
        for m in mentions
    ]


def document_row(document: Document, n_sentences: int) -> dict:
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


def process_corpus(
    corpus: str | Path,
    codebook: str | Path | Codebook,
    model: str | Language,
    *,
    progress: bool = False,
) -> CorpusResult:
    """Read, parse and find entity mentions in a corpus.

    corpus (str | Path): the corpus folder (relative to the project root or absolute).
    codebook (str | Path | Codebook): the codebook folder or a loaded codebook.
    model (str | Language): an installed spaCy pipeline's name, or a loaded pipeline.
    progress (bool): show a progress bar on stderr.
    RETURNS (CorpusResult): the documents and the documents/mentions tables.
    """
    documents = load_corpus(resolve_path(corpus, name="corpus", must_exist=True))
    codebook = codebook if isinstance(codebook, Codebook) else load_codebook(resolve_path(codebook, name="codebook", must_exist=True))
    nlp = model if isinstance(model, Language) else load_model(model)
    finder = EntityFinder(nlp, codebook)
    coder = StatementCoder(nlp, load_lexicon(codebook.path))
    dater = DateResolver(nlp, load_named_events(codebook.path))
    n_sentences: dict[str, int] = {}
    rows: list[dict] = []
    statements: list[dict] = []
    sentences: list[dict] = []
    for document, doc in parse(nlp, documents, progress=progress):
        found = analyse_document(document, doc, finder, coder, dater)
        n_sentences[document.doc_id] = found.n_sentences
        rows += found.mentions
        statements += found.statements
        sentences += found.sentences
    doc_rows = [document_row(d, n_sentences.get(d.doc_id, 0)) for d in documents]
    documents_table = pd.DataFrame(doc_rows, columns=DOCUMENTS_COLUMNS)
    mentions_table = pd.DataFrame(rows, columns=MENTIONS_COLUMNS)
    statements_table = pd.DataFrame(statements, columns=STATEMENTS_COLUMNS)
    sentences_table = pd.DataFrame(sentences, columns=["doc_id", "sent_id", "start_char", "end_char"])
    return CorpusResult(documents, documents_table, mentions_table, statements_table, sentences_table)


@dataclass
class DocumentRows:
    """The table rows that one parsed document gives."""

    n_sentences: int
    sentences: list[dict]
    mentions: list[dict]
    statements: list[dict]


def analyse_document(document: Document, doc: Doc, finder: EntityFinder, coder: StatementCoder, dater: DateResolver) -> DocumentRows:
    """Everything the corpus pass extracts from one parsed document, as table rows."""
    sent_of = sentence_ids(doc)
    sentences = [
        {"doc_id": document.doc_id, "sent_id": sent_of[s.start], "start_char": s.start_char, "end_char": s.end_char}
        for s in doc.sents
        if s.start in sent_of
    ]
    published = published_date(document)
    mentions = finder(doc, published)
    statements = statement_rows(coder(doc, mentions, document.doc_id, sent_of), dater(doc, published))
    return DocumentRows(len(set(sent_of.values())), sentences, mention_rows(document, doc, mentions), statements)


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
