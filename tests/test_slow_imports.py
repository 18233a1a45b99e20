"""The IRI grammar nbformat never needs is not compiled at import, and still works when asked."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("rfc3987_syntax")

PROBE = """
import sys
import newscoder.runner
print("compiled at import:", "rfc3987_syntax.syntax_helpers" in sys.modules)
from jsonschema import FormatChecker
checker = FormatChecker()
print("good iri:", checker.conforms("https://example.org/\u00e9t\u00e9?q=1", "iri"))
print("bad iri:", checker.conforms("no scheme here", "iri"))
print("compiled after use:", "rfc3987_syntax.syntax_helpers" in sys.modules)
import rfc3987_syntax
print("other names:", "iri" in rfc3987_syntax.RFC3987_SYNTAX_TERMS)
"""


def test_runner_import_defers_the_iri_grammar_until_an_iri_is_checked():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [
        "compiled at import: False",
        "good iri: True",
        "bad iri: False",
        "compiled after use: True",
        "other names: True",
    ]
