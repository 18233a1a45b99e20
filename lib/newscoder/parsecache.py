"""A parse cache on disk: spaCy Docs stored as DocBin (msgpack), one file per document text.

Re-running a notebook after a codebook edit, or running the stance notebook after the entity
notebook, re-uses the parses instead of parsing again. A file is found by two hashes:

- the pipeline's fingerprint (`pipeline_fingerprint`): model name and version, spaCy version,
  the full pipeline config, the active components, the source code of function components
  (such as `newscoder_line_breaks`), `nlp.max_length` and how long texts are split;
- the SHA-256 of the text that is parsed (the document text with boilerplate blanked).

A changed text, model, version or configuration therefore misses. Files are written atomically
(temporary file, then rename), so parallel runs and Dask workers can share one folder.

Security: the cache is read with `DocBin.from_bytes`, i.e. zlib + msgpack (srsly), which builds
only plain values and numpy arrays of fixed dtypes; nothing in a cache file is ever unpickled.
A file that does not decode, or whose text is not the text asked for, counts as a miss.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import tempfile
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

log = logging.getLogger(__name__)

# Bump when the way Docs are stored or long texts are split changes.
CACHE_FORMAT = 1
DEFAULT_CACHE = ".cache/parses"
SUFFIX = ".spacy"


def _component_source(component: object) -> str:
    """Source (or, failing that, bytecode) of a function component, so an edit to it misses; for
    a class component not from spaCy, the source of the module that defines its class."""
    func = component if inspect.isfunction(component) else None
    if func is None:
        module = inspect.getmodule(type(component))
        if module is None or module.__name__.partition(".")[0] in {"spacy", "builtins"}:
            return ""
        try:
            return inspect.getsource(module)
        except (OSError, TypeError):
            return ""
    try:
        return inspect.getsource(func)
    except (OSError, TypeError):
        return func.__code__.co_code.hex() + repr(func.__code__.co_consts)


def pipeline_fingerprint(nlp: Language, settings: dict | None = None) -> str:
    """A hash of everything about a pipeline that can change a parse.

    nlp (Language): the loaded pipeline.
    settings (dict): further parse settings (e.g. how long texts are split).
    RETURNS (str): 64 hex digits.
    """
    meta = nlp.meta
    parts = {
        "format": CACHE_FORMAT,
        "settings": settings or {},
        "model": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy": spacy.about.__version__,
        "pipes": list(nlp.pipe_names),
        "config": nlp.config.to_str(),
        "components": {name: _component_source(proc) for name, proc in nlp.pipeline},
        "max_length": nlp.max_length,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ParseCache:
    """Parsed Docs on disk under `<folder>/<fingerprint[:16]>/<hash[:2]>/<hash>.spacy`."""

    def __init__(self, folder: str | Path, nlp: Language, settings: dict | None = None) -> None:
        self.root = Path(folder)
        self.fingerprint = pipeline_fingerprint(nlp, settings)
        self.folder = self.root / self.fingerprint[:16]
        self.hits = 0
        self.misses = 0
        self.writes = 0

    def path(self, text: str) -> Path:
        digest = text_hash(text)
        return self.folder / digest[:2] / f"{digest}{SUFFIX}"

    def has(self, text: str) -> bool:
        return self.path(text).is_file()

    def get(self, text: str, vocab: Vocab) -> Doc | None:
        """The cached parse of `text`, or None (counted as a miss) if absent or unreadable."""
        path = self.path(text)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        doc = read_doc(data, vocab)
        if doc is None or doc.text != text:
            log.warning("parse cache: ignoring unreadable or mismatched file %s", path)
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, text: str, doc: Doc) -> None:
        """Store one parse; failures to write (read-only folder, full disk) only log a warning."""
        path = self.path(text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = DocBin(docs=[doc], store_user_data=False).to_bytes()
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=SUFFIX)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
            self.writes += 1
        except OSError as exc:
            log.warning("parse cache: could not write %s: %s", path, exc)


def read_doc(data: bytes, vocab: Vocab) -> Doc | None:
    """Decode one DocBin file (zlib + msgpack, never pickle); None if it is not a one-Doc DocBin."""
    try:
        docs = list(DocBin(store_user_data=False).from_bytes(data).get_docs(vocab))
    except Exception:  # any decoding failure is a miss: the file is parsed again and rewritten
        return None
    return docs[0] if len(docs) == 1 else None
