"""Read YAML files the one safe way: the C safe loader when present, a mapping at the top, clear errors.

Large files (the codebook's person lists run to tens of thousands of lines) take seconds to parse
as YAML, in every kernel. Their parsed form is therefore cached on disk as JSON, a format that
builds only plain values, under `.cache/yaml/<sha256 of the file's bytes>.json`: an edited file
has another hash and is parsed again; nothing is ever unpickled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

import yaml

from .errors import NewscoderError

log = logging.getLogger(__name__)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Files at least this large are cached as JSON; smaller ones parse faster than a cache is read.
CACHE_FROM_BYTES = 64_000
YAML_CACHE = ".cache/yaml"
# Bump when the cached form changes.
CACHE_FORMAT = 1


def read_mapping(path: str | Path, error: type[NewscoderError], *, what: str, missing: str = "", required: bool = True) -> dict:
    """Load a YAML file whose top level is a mapping; never constructs Python objects.

    path (str | Path): the file.
    error (type): the NewscoderError subclass to raise.
    what (str): how to name the file in messages ("Codebook file", "Parameters file").
    missing (str): what to tell the user when the file is missing.
    required (bool): if False, a missing file reads as an empty mapping.
    RETURNS (dict): the mapping; an empty file gives {}.
    """
    path = Path(path)
    if not path.is_file():
        if not required:
            return {}
        raise error(f"{what} {path} does not exist. {missing}".strip())
    raw = path.read_bytes()
    cached = _cache_path(raw) if len(raw) >= CACHE_FROM_BYTES else None
    data = _read_cache(cached) if cached else None
    if data is None:
        try:
            data = yaml.load(raw.decode("utf-8"), Loader=_LOADER)
        except yaml.YAMLError as exc:
            raise error(f"{what} {path} is not valid YAML: {exc}") from None
        if cached and isinstance(data, dict):
            _write_cache(cached, data)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise error(f"{what} {path} must hold a mapping of 'name: value' entries at the top level.")
    return data


def _cache_path(raw: bytes) -> Path | None:
    from .paths import project_root

    digest = hashlib.sha256(raw).hexdigest()
    return project_root() / YAML_CACHE / f"{CACHE_FORMAT}-{digest}.json"


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        raise TypeError("datetime")  # not cached: YAML timestamps are rare in our files
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(type(value).__name__)


def _decode(obj: dict) -> object:
    if len(obj) == 1 and "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    return obj


def _read_cache(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
    except (OSError, ValueError):
        return None


def _write_cache(path: Path, data: dict) -> None:
    """Store the parsed form; a value JSON cannot hold, or a folder that cannot be written, only skips the cache."""
    try:
        text = json.dumps(data, default=_encode, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        log.debug("yaml cache: not caching (%s)", exc)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("yaml cache: could not write %s: %s", path, exc)
