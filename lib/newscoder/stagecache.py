"""The rows of the stages after the entity finder, cached on disk per document (JSON).

A run codes each document in three steps: the entity finder (mentions), then the statement coder
and the date reader (statements.csv and uncoded.csv rows). The parse cache spares the parse; this
cache spares the second step when nothing it reads has changed. What it reads is:

- the parse: the SHA-256 of the parsed text and the parse cache's pipeline fingerprint;
- the document's id and publication date;
- the document's mentions, as the finder resolved them (every field of every mention);
- the codebook folder's files except the person lists (`persons*.yaml`), which only the entity
  finder reads, so they reach this step through the mentions (with the project's
  `codebook/stance_rules.yaml` when the folder has none: `coding.codebook_files`);
- the library's own code and data (`lib/newscoder`), and this file's `CACHE_FORMAT`.

After an edit of a person list, the finder runs again on every document, but a document whose
mentions come out the same reads its statement and uncoded rows back instead of coding them;
one that now names the edited person is coded again. Any other codebook edit, or any change of
the code, misses everywhere.

Files live beside the parses, under the parse cache folder (the `cache` parameter; empty
switches both off): `<cache>/stages/<inputs[:16]>/<key[:2]>/<key>.json`, written atomically
(temporary file, then rename). They are read with `json.loads`, which builds only plain values;
nothing is ever unpickled. A file that does not decode or does not hold rows of plain values
(strings, numbers) is ignored with a warning, coded again and written again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import operator
import os
import tempfile
from pathlib import Path
from typing import Any

from .entities import Mention

log = logging.getLogger(__name__)

# Bump when the stored form changes.
CACHE_FORMAT = 1
FOLDER = "stages"
# The tables whose rows this step gives, as stored.
TABLES = ("statements", "uncoded")
_PLAIN = (str, int, float)
# Every field of a Mention, in order: the tuple `dataclasses.astuple` gives for its plain values,
# without astuple's deep copy of each one.
_MENTION_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Mention)))


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def codebook_digest(folder: Path) -> str:
    """A hash of the codebook folder's files that the step after the finder may read: all but the
    person lists. Computed where the folder is (a Dask worker gets the loaded codebook, not the folder).

    folder (Path): the run's codebook folder; it must exist.
    RETURNS (str): 64 hex digits.
    """
    from .coding import codebook_files

    if not Path(folder).is_dir():
        raise FileNotFoundError(f"codebook folder {folder} does not exist")
    return _digest({name: digest for name, digest in codebook_files(Path(folder)).items() if not Path(name).name.startswith("persons")})


def stage_inputs(codebook: str, parse_fingerprint: str) -> str:
    """A hash of what every document's step after the finder reads besides the document itself.

    codebook (str): `codebook_digest` of the run's codebook folder.
    parse_fingerprint (str): the parse cache's pipeline fingerprint (model, config, components).
    RETURNS (str): 64 hex digits; with this process's code in it.
    """
    from .coding import file_hashes

    code = file_hashes(Path(__file__).resolve().parent)
    return _digest({"format": CACHE_FORMAT, "parse": parse_fingerprint, "codebook": codebook, "code": code})


class StageCache:
    """Statement and uncoded rows per document, under one hash of the step's other inputs."""

    def __init__(self, root: Path, inputs: str) -> None:
        """root (Path): the parse cache folder; the files go to `<root>/stages/<inputs[:16]>/`.
        inputs (str): `stage_inputs` of the run.
        """
        self.folder = Path(root) / FOLDER / inputs[:16]
        self.inputs = inputs
        self.hits = 0
        self.misses = 0

    def key(self, doc_id: str, text_hash: str, published: str, mentions: list[Mention]) -> str:
        """The file key of one document's step: its inputs and its mentions."""
        return _digest({
            "inputs": self.inputs, "doc_id": doc_id, "text": text_hash, "published": published,
            "mentions": [_MENTION_FIELDS(m) for m in mentions],
        })

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, list[dict[str, Any]]] | None:
        """The stored rows of a key (table -> rows), or None if absent or unusable (counted as a miss)."""
        path = self.path(key)
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("stage cache: ignoring unreadable file %s (%s); coding the document again", path, exc)
            self.misses += 1
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if not _holds_rows(data):
            log.warning("stage cache: ignoring %s, which does not hold table rows; coding the document again", path)
            self.misses += 1
            return None
        self.hits += 1
        return {name: data[name] for name in TABLES}

    def put(self, key: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Store one document's rows; rows with values other than strings and numbers are not
        stored (JSON would not give them back as they were); failures to write only log a warning."""
        data = {"format": CACHE_FORMAT, **{name: rows[name] for name in TABLES}}
        if not _holds_rows(data):
            return
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(data, ensure_ascii=False))
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("stage cache: could not write %s: %s", path, exc)


def _holds_rows(data: object) -> bool:
    """Whether `data` is {"format": CACHE_FORMAT, table: [row, ...], ...} with rows of strings and numbers."""
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return False
    for name in TABLES:
        rows = data.get(name)
        if not isinstance(rows, list):
            return False
        for row in rows:
            if not isinstance(row, dict) or not all(type(v) in _PLAIN for v in row.values()):
                return False
    return True
