"""Read YAML files the one safe way: the C safe loader when present, a mapping at the top, clear errors."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import NewscoderError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise error(f"{what} {path} is not valid YAML: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise error(f"{what} {path} must hold a mapping of 'name: value' entries at the top level.")
    return data
