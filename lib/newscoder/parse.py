"""Parse documents with spaCy: long texts in pieces, parses read from and written to the parse cache."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from .corpus import Document, load_corpus
from .model import load_model
from .parsecache import ParseCache
from .paths import resolve_path

# Texts longer than this many characters are split even if the pipeline allows more: spaCy's
# parser needs about 1 GB of memory per 100,000 characters of one text.
SPLIT_AT = 100_000
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
        for d in todo:
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


def parse_cache(folder: Path | None, nlp: Language) -> ParseCache | None:
    """The parse cache for this pipeline, keyed also by how long texts are split."""
    return ParseCache(folder, nlp, {"piece_length": piece_length(nlp), "split": 1}) if folder else None


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
