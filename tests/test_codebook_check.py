"""The shipped codebook passes its own checker (tools/build_codebook.py --check), and the checker catches a bad entry."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

from newscoder.paths import project_root

ROOT = project_root()
TOOL = ROOT / "tools" / "build_codebook.py"


def test_the_shipped_codebook_is_valid():
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "OK: codebook valid" in result.stdout


def test_places_transliteration_and_person_nouns_are_checked():
    spec = importlib.util.spec_from_file_location("build_codebook", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    errors, warnings = [], []
    actor_owner = {"chile": ("CHL", "aliases")}
    tool.validate_non_actors({"outlets": ["Daily Wire"], "outlet_suffixes": ["Times"], "other": ["Monday"],
                              "places": {"CHL": ["Valparaiso"], "XXQ": ["Nowhereville"]},
                              "transliteration": [["kh", "h"], ["j"]]}, actor_owner, {}, errors, warnings)
    assert any("'XXQ' is not an actor id" in e for e in errors)
    assert any("transliteration" in e for e in errors)
    assert not any("Valparaiso" in e for e in errors)
    errors = []
    tool.validate_titles({"titles": ["minister"], "institution_nouns": ["ministry"], "person_nouns": ["adviser", 3]}, errors, [])
    assert any("person_nouns" in e for e in errors)
