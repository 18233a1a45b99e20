"""Defer third-party imports that cost seconds and that a run never uses.

nbformat validates notebooks with jsonschema, whose format checkers import `rfc3987_syntax`
when it is installed (jupyter-events requires it). That package compiles an Earley grammar for
IRIs at import: 2-3 s on an idle machine, more under load, paid by every `newscoder run` and
`newscoder notebooks` before any work starts, for an `iri` format that no notebook schema uses.

`defer_rfc3987_syntax` puts a stand-in module in its place: the stand-in's `is_valid_syntax`
(the one name jsonschema takes) and any other attribute load the real package on first use, so
behaviour is unchanged and only the cost moves to the first IRI check, if one ever comes.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from importlib.machinery import ModuleSpec
from typing import Any

_NAME = "rfc3987_syntax"


def defer_rfc3987_syntax() -> None:
    """Make `import rfc3987_syntax` cheap until the package is used. Idempotent; a no-op if absent."""
    if _NAME in sys.modules:
        return
    spec = importlib.util.find_spec(_NAME)
    if spec is None or spec.loader is None:
        return
    stand_in = types.ModuleType(_NAME, "Stand-in for rfc3987_syntax: the real package loads on first use.")

    def is_valid_syntax(*args: Any, **kwargs: Any) -> Any:
        return _load(spec).is_valid_syntax(*args, **kwargs)

    def __getattr__(name: str) -> Any:  # PEP 562: any other public name loads the real package
        if name.startswith("__"):  # the import system probes `__path__` and the like: not a use
            raise AttributeError(name)
        return getattr(_load(spec), name)

    stand_in.is_valid_syntax = is_valid_syntax  # type: ignore[attr-defined]
    stand_in.__getattr__ = __getattr__  # type: ignore[attr-defined]
    stand_in.__deferred_spec__ = spec  # type: ignore[attr-defined]
    sys.modules[_NAME] = stand_in


def _load(spec: ModuleSpec) -> types.ModuleType:
    """Import the real package in the stand-in's place (once) and return it."""
    current = sys.modules.get(_NAME)
    if current is not None and getattr(current, "__deferred_spec__", None) is None:
        return current
    module = importlib.util.module_from_spec(spec)
    sys.modules[_NAME] = module
    try:
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    except BaseException:
        sys.modules.pop(_NAME, None)
        raise
    return module
