"""Kernels warmed ahead of their notebooks: which modules, imported silently, then the notebook
runs as in a fresh kernel (first execution count 1, no names bound) and the kernel is stopped."""

from __future__ import annotations

import nbformat
import papermill as pm
import psutil
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newscoder.kernels import import_modules, shutdown, warm_kernel
from newscoder.runner import KERNEL


def write_notebook(path, *sources: str):
    nb = new_notebook(cells=[new_markdown_cell("# A title"), *(new_code_cell(s) for s in sources)])
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python (newscoder)", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_import_modules_lists_top_level_imports_once_in_order(tmp_path):
    path = write_notebook(
        tmp_path / "nb.ipynb",
        "import pandas as pd\nfrom IPython.display import HTML\n\nfrom newscoder import coding, figures",
        "%matplotlib inline",  # not Python: skipped
        "import pandas\nimport wave, colorsys\nfrom . import sibling\nif True:\n    import json",
    )
    assert import_modules(path) == [
        "pandas", "IPython.display", "IPython.display.HTML", "newscoder", "newscoder.coding", "newscoder.figures", "wave", "colorsys",
    ]


def test_import_modules_adds_what_a_called_library_function_imports_on_first_call(tmp_path):
    calls = write_notebook(
        tmp_path / "calls.ipynb",
        "from newscoder import summaries as views\nimport newscoder.figures",
        "html = views.render_entities('text', mentions)",
    )
    assert import_modules(calls)[-1] == "spacy.displacy"
    by_name = write_notebook(tmp_path / "by_name.ipynb", "from newscoder.summaries import render_entities", "render_entities('text', m)")
    assert "spacy.displacy" in import_modules(by_name)
    # named but not called, or another function of the module: nothing more to import
    other = write_notebook(
        tmp_path / "other.ipynb", "from newscoder import summaries", "f = summaries.render_entities\nsummaries.top_persons(m)",
    )
    assert "spacy.displacy" not in import_modules(other)


def test_a_warm_kernel_has_the_modules_but_no_names_and_counts_from_one(tmp_path):
    path = write_notebook(
        tmp_path / "nb.ipynb",
        "import sys\nprint('wave' in sys.modules, [n for n in dir() if 'warm' in n])",
        "import wave",
        "import no_such_module_anywhere",  # a module that does not import leaves the warm-up quiet
    )
    manager = warm_kernel(path, KERNEL)
    pid = manager.provisioner.process.pid
    try:
        pm.execute_notebook(str(path), str(tmp_path / "out.ipynb"), kernel_name=KERNEL, km=manager, progress_bar=False, cwd=str(tmp_path))
    except pm.PapermillExecutionError as exc:
        assert exc.ename == "ModuleNotFoundError"
    finally:
        clients = list(manager.clients)  # the warm-up's and papermill's
        shutdown(manager)
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    first = [c for c in out.cells if c.cell_type == "code"][0]
    assert first.execution_count == 1
    assert first.outputs[0]["text"] == "True []\n"
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert len(clients) == 2 and not any(c.channels_running for c in clients)



def test_shutdown_stops_the_kernel_at_once(tmp_path):
    """The kernel is stopped immediately (its notebook has run; nothing is left to save), with
    its process group, and its clients' channels are closed."""
    import time

    path = write_notebook(tmp_path / "nb.ipynb", "import json")
    manager = warm_kernel(path, KERNEL)
    process = manager.provisioner.process
    clients = list(manager.clients)
    start = time.perf_counter()
    shutdown(manager)
    assert time.perf_counter() - start < 3  # no graceful wait (1-3 s), here or on a loaded machine
    assert process.poll() is not None
    assert not manager.clients and not any(c.channels_running for c in clients)
