"""Notebook kernels started ahead of their notebooks, so that their start-up overlaps other work.

A kernel takes a second or two to start and as long again to import pandas, matplotlib and the
library; a run would otherwise pay that per notebook after its coding pass. `warm_kernel` starts
the kernel a notebook will run in (in the notebook's folder, as papermill would) and imports the
modules the notebook's code cells import, silently: no execution count is used, nothing is
shown and no name is bound in the notebook's namespace, so the notebook then runs as in a fresh
kernel, only without waiting for those imports. `import_modules` says which modules: those the
cells import, and those that a library function the cells call imports on its first call
(`CALLED_IMPORTS`).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

# The code run in a warm kernel: import each module, leave no name behind, ignore what cannot import
# (the notebook's own import cell then shows the error, as it would have).
_WARM_UP = """\
def _newscoder_warm_up(names):
    import importlib
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            pass
_newscoder_warm_up({names})
del _newscoder_warm_up
"""

# Library functions that import a module only when first called, since most notebooks never call
# them, and that module: a kernel whose notebook calls one imports it while warming up (spaCy,
# for displaCy's view of an article, costs 1-2 s).
CALLED_IMPORTS: dict[str, tuple[str, ...]] = {
    "newscoder.summaries.render_entities": ("spacy.displacy",),
}


class WarmKernelManager(AsyncKernelManager):
    """A kernel manager that keeps the clients it hands out (its own and papermill's), so that
    `shutdown` can close their channels: papermill leaves open those of a kernel it did not start."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clients: list[Any] = []

    def client(self, **kwargs: Any) -> Any:
        client = super().client(**kwargs)
        self.clients.append(client)
        return client


def import_modules(notebook: Path) -> list[str]:
    """The modules that a notebook's code cells import at their top level, in order of appearance.

    `from package import name` counts `package.name` when that is a module (checked in the kernel
    by trying it) and `package` itself. Cells that are not valid Python (magics) are skipped. Then
    come the modules that the library functions the cells call import on first call (`CALLED_IMPORTS`).
    notebook (Path): the .ipynb file.
    RETURNS (list[str]): dotted module names, each once.
    """
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    names: list[str] = []
    trees = []
    bound: dict[str, str] = {}  # name in the notebook -> the dotted name it stands for
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        trees.append(tree)
        for node in tree.body:
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
                bound.update({alias.asname: alias.name for alias in node.names if alias.asname})
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.append(node.module)
                names += [f"{node.module}.{alias.name}" for alias in node.names if alias.name != "*"]
                bound.update({alias.asname or alias.name: f"{node.module}.{alias.name}" for alias in node.names})
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                names += CALLED_IMPORTS.get(_dotted(node.func, bound), ())
    return list(dict.fromkeys(names))


def _dotted(node: ast.expr, bound: dict[str, str]) -> str:
    """The dotted name that a called expression stands for ("summaries.render_entities" ->
    "newscoder.summaries.render_entities" after `from newscoder import summaries`), or ""."""
    if isinstance(node, ast.Name):
        return bound.get(node.id, node.id)
    if isinstance(node, ast.Attribute):
        owner = _dotted(node.value, bound)
        return f"{owner}.{node.attr}" if owner else ""
    return ""


def warm_kernel(notebook: Path, kernel_name: str, *, timeout: float = 120) -> WarmKernelManager:
    """Start a kernel for `notebook` in its folder and import the modules its cells import.

    Call it, then pass the manager to `papermill.execute_notebook(..., km=manager)` from the same
    thread, and shut the kernel down afterwards (`shutdown`): a kernel handed in is not papermill's
    to stop.
    notebook (Path): the notebook the kernel is for.
    kernel_name (str): the Jupyter kernel to start.
    timeout (float): seconds to wait for the kernel and for the imports.
    RETURNS (WarmKernelManager): the manager of the running kernel.
    """
    manager = WarmKernelManager(kernel_name=kernel_name)
    run_sync(manager.start_kernel)(cwd=str(notebook.parent))
    client = manager.client()
    try:
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=timeout)
        code = _WARM_UP.format(names=repr(import_modules(notebook)))
        run_sync(client.execute_interactive)(code, silent=True, store_history=False, timeout=timeout, output_hook=lambda msg: None)
    except BaseException:
        client.stop_channels()
        shutdown(manager)
        raise
    client.stop_channels()
    return manager


def shutdown(manager: WarmKernelManager) -> None:
    """Stop a kernel that `warm_kernel` started, close its clients' channels and free its ports.

    The stop is jupyter_client's immediate one (`now=True`: SIGKILL to the kernel's process group,
    nbclient's `shutdown_kernel="immediate"`), not the graceful shutdown request: by now its
    notebook has run to its end and been written, and the kernel holds nothing to save. A graceful
    stop spends 1-1.5 s CPU per kernel (IPython clearing the namespace and writing the session's
    end to its history file, then the interpreter freeing pandas, matplotlib and the figures one
    object at a time) and 1-3 s before the run can end; the immediate one 0.1 s.
    """
    try:
        if run_sync(manager.is_alive)():
            run_sync(manager.shutdown_kernel)(now=True)
    finally:
        for client in manager.clients:
            if client.channels_running:
                client.stop_channels()
        manager.clients.clear()
        run_sync(manager.cleanup_resources)()
