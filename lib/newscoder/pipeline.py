"""Run the corpus through spaCy and the entity step, producing SCHEMA.md's tables."""

from __future__ import annotations

import datetime as dt
import re
import sys
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
from .errors import ParameterError
from .model import load_model
from .parsecache import DEFAULT_CACHE, ParseCache
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


# Texts longer than this many characters are split even if the pipeline allows more: spaCy's
# parser needs about 1 GB of memory per 100,000 characters of one text.
SPLIT_AT = 100_000
# Below this many documents no progress bar is drawn (the seed run stays quiet; see `progress`).
PROGRESS_MIN_DOCUMENTS = 50
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+")


def split_text(text: str, max_length: int) -> list[str]:
    """Cut a text into consecutive pieces of at most `max_length` characters that join back to it.

    Each cut is at the last paragraph break before the limit, else the last line break, else the
    last sentence end, else the last space; a text with none of these is cut at the limit.
    RETURNS (list[str]): pieces whose concatenation is `text`.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    pieces, start = [], 0
    while len(text) - start > max_length:
        window = text[start : start + max_length]
        cut = window.rfind("\n\n") + 2
        if cut < 2:
            cut = window.rfind("\n") + 1
        if cut < 1:
            ends = list(_SENTENCE_END.finditer(window))
            cut = ends[-1].end() if ends else window.rfind(" ") + 1
        if cut < 1:
            cut = max_length
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def piece_length(nlp: Language) -> int:
    """The longest text handed to the pipeline in one piece."""
    return min(nlp.max_length, SPLIT_AT)


def note_long_documents(nlp: Language, documents: list[Document]) -> None:
    """Record in status_detail which documents are parsed in pieces (nothing happens silently)."""
    limit = piece_length(nlp)
    for d in documents:
        if d.status == "ok" and len(d.clean_text) > limit:
            n = len(split_text(d.clean_text, limit))
            d.warn(f"{len(d.clean_text)} characters, longer than the parser's limit of {limit}: parsed in {n} pieces cut at paragraph or sentence boundaries")


def parse_text(nlp: Language, text: str) -> Doc:
    """Parse one text, in pieces if it is longer than the pipeline takes; offsets stay into `text`."""
    pieces = split_text(text, piece_length(nlp))
    return _join(list(nlp.pipe(pieces)))


def _join(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def parse(
    nlp: Language,
    documents: list[Document],
    *,
    batch_size: int = 64,
    n_process: int = 1,
    cache: ParseCache | None = None,
    progress: bool = False,
) -> Iterator[tuple[Document, Doc]]:
    """Parse the documents that are ok, in order, streaming through one `nlp.pipe` call.

    Cached parses are read from `cache`; the rest go through `nlp.pipe` (with `n_process`
    processes), split into pieces when longer than the pipeline's limit, and are written to the
    cache. Only about `batch_size` Docs per process are alive at a time.
    """
    ready = [d for d in documents if d.status == "ok"]
    todo = [d for d in ready if cache is None or not cache.has(d.clean_text)]
    limit = piece_length(nlp)

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for i, d in enumerate(todo):
            parts = split_text(d.clean_text, limit)
            for j, part in enumerate(parts):
                yield part, (j, len(parts))

    def joined() -> Iterator[Doc]:
        buffer: list[Doc] = []
        for doc, (j, n) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process):
            buffer.append(doc)
            if j == n - 1:
                yield _join(buffer)
                buffer = []

    fresh = joined() if todo else iter(())
    pending = {id(d) for d in todo}
    bar = tqdm(total=len(ready), desc="parsing and coding", unit="doc", disable=not progress, mininterval=1.0, file=sys.stderr)
    try:
        for d in ready:
            if id(d) in pending:
                doc = next(fresh)
                if cache is not None:
                    cache.put(d.clean_text, doc)
            else:
                doc = cache.get(d.clean_text, nlp.vocab)
                if doc is None:  # vanished or unreadable since it was listed: parse it here
                    doc = parse_text(nlp, d.clean_text)
                    cache.put(d.clean_text, doc)
            yield d, doc
            bar.update()
    finally:
        bar.close()


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
            "sector": m.sector,
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


ENGINES = ("local", "dask")
SENTENCES_COLUMNS = ["doc_id", "sent_id", "start_char", "end_char"]


class TableBuilder:
    """Collect the rows of many documents compactly: every `chunk` documents the rows become
    DataFrames with repeated strings shared (interned), so memory grows with the tables, not
    with Python dicts per row."""

    def __init__(self, chunk: int = 500) -> None:
        self.chunk = chunk
        self.n_sentences: dict[str, int] = {}
        self._rows: dict[str, list[dict]] = {"mentions": [], "statements": [], "sentences": []}
        self._frames: dict[str, list[pd.DataFrame]] = {"mentions": [], "statements": [], "sentences": []}
        self._pending = 0

    def add(self, doc_id: str, found: DocumentRows) -> None:
        self.n_sentences[doc_id] = found.n_sentences
        self._rows["mentions"] += found.mentions
        self._rows["statements"] += found.statements
        self._rows["sentences"] += found.sentences
        self._pending += 1
        if self._pending >= self.chunk:
            self._flush()

    def _flush(self) -> None:
        for name, columns in (("mentions", MENTIONS_COLUMNS), ("statements", STATEMENTS_COLUMNS), ("sentences", SENTENCES_COLUMNS)):
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
        self._flush()
        frames = self._frames[name]
        if not frames:
            return pd.DataFrame([], columns=columns)
        return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def process_corpus(
    corpus: str | Path,
    codebook: str | Path | Codebook,
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
    codebook (str | Path | Codebook): the codebook folder or a loaded codebook.
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
    codebook = codebook if isinstance(codebook, Codebook) else load_codebook(resolve_path(codebook, name="codebook", must_exist=True))
    nlp = model if isinstance(model, Language) else load_model(model)
    note_long_documents(nlp, documents)
    cache_dir = resolve_path(cache, name="cache") if cache else None
    n_ready = sum(d.status == "ok" for d in documents)
    show = n_ready >= PROGRESS_MIN_DOCUMENTS if progress is None else progress
    if engine == "dask":
        from .dask_engine import dask_rows

        name = model if isinstance(model, str) else nlp.meta.get("lang", "") + "_" + nlp.meta.get("name", "")
        rows = dask_rows(documents, codebook, name, scheduler=scheduler, n_workers=n_process, batch_size=batch_size, cache=cache_dir, progress=show)
    else:
        rows = local_rows(documents, codebook, nlp, n_process=n_process, batch_size=batch_size, cache=cache_dir, progress=show)
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
    )


def warm_cache(
    corpus: str | Path,
    model: str | Language,
    cache: str | Path,
    *,
    n_process: int = 1,
    batch_size: int = 64,
    progress: bool = True,
) -> ParseCache:
    """Parse every document of a corpus into the parse cache, with a progress bar.

    The runner calls this before the notebooks run, so the command line shows how far parsing
    has got and each notebook reads the parses instead of parsing the corpus again.
    RETURNS (ParseCache): the cache, with its hit, miss and write counts.
    """
    documents = load_corpus(resolve_path(corpus, name="corpus", must_exist=True))
    nlp = model if isinstance(model, Language) else load_model(model)
    store = parse_cache(resolve_path(cache, name="cache"), nlp)
    ready = [d for d in documents if d.status == "ok" and not store.has(d.clean_text)]
    for _ in parse(nlp, ready, batch_size=batch_size, n_process=n_process, cache=store, progress=progress and bool(ready)):
        pass
    return store


def parse_cache(folder: Path | None, nlp: Language) -> ParseCache | None:
    """The parse cache for this pipeline, keyed also by how long texts are split."""
    return ParseCache(folder, nlp, {"piece_length": piece_length(nlp), "split": 1}) if folder else None


def local_rows(
    documents: list[Document],
    codebook: Codebook,
    nlp: Language,
    *,
    n_process: int = 1,
    batch_size: int = 64,
    cache: Path | None = None,
    progress: bool = False,
) -> Iterator[tuple[str, DocumentRows]]:
    """The local engine: parse in this process (and `n_process` parser processes), code here."""
    finder = EntityFinder(nlp, codebook)
    coder = StatementCoder(nlp, load_lexicon(codebook.path))
    dater = DateResolver(nlp, load_named_events(codebook.path))
    stream = parse(nlp, documents, batch_size=batch_size, n_process=n_process, cache=parse_cache(cache, nlp), progress=progress)
    for document, doc in stream:
        yield document.doc_id, analyse_document(document, doc, finder, coder, dater)


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
