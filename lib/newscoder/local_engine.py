"""The local engine: parse in this process (and `n_process` spaCy parser processes), code here.

It runs the same per-document step as the Dask engine (`rows.code_documents`), so the two give
the same tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from spacy.language import Language

from .codebook import Codebook
from .codebook_folder import CodebookFolder, load_codebook_folder
from .corpus import Document
from .rows import DocumentRows, build_coders, code_documents


def local_rows(
    documents: list[Document],
    codebook: Codebook | CodebookFolder,
    nlp: Language,
    *,
    n_process: int = 1,
    batch_size: int = 64,
    cache: Path | None = None,
    progress: bool = False,
) -> Iterator[tuple[str, DocumentRows]]:
    """Yield (doc_id, DocumentRows) for the ok documents, in document order, computed here."""
    coders = build_coders(nlp, load_codebook_folder(codebook))
    yield from code_documents(nlp, documents, coders, batch_size=batch_size, n_process=n_process, cache=cache, progress=progress)
