"""Find the project root, so that no path depends on the working directory."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ParameterError

_MARKER = "pyproject.toml"


def project_root() -> Path:
    """Return the project root: $NEWSCODER_ROOT, else the checkout this package lives in.

    RETURNS (Path): the folder holding `pyproject.toml`, `seeds/` and `notebooks/`.
    """
    env = os.environ.get("NEWSCODER_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / _MARKER).is_file() and (parent / "lib" / "newscoder").is_dir():
            return parent
    # Installed non-editable: fall back to the working directory's checkout, if any.
    for parent in [Path.cwd(), *Path.cwd().parents]:
        if (parent / _MARKER).is_file() and (parent / "notebooks").is_dir():
            return parent
    return Path.cwd()


def resolve_path(value: str | os.PathLike, *, name: str = "path", must_exist: bool = False) -> Path:
    """Turn a parameter value into an absolute path; relative paths are taken from the project root.

    value (str | PathLike): the path as the user wrote it.
    name (str): the parameter's name, for the error message.
    must_exist (bool): raise ParameterError if nothing is there.
    RETURNS (Path): the absolute path.
    """
    path = Path(os.path.expanduser(str(value)))
    if not path.is_absolute():
        path = project_root() / path
    path = path.resolve()
    if must_exist and not path.exists():
        raise ParameterError(
            f"Parameter '{name}': {value!r} does not exist (looked for {path}). "
            "Give a path relative to the project root or an absolute path."
        )
    return path
