"""A run killed or interrupted midway leaves the previous outputs whole, and the next run works.

The CLI runs in a subprocess on the small corpus of test_runner.py; while a notebook executes it
is sent SIGKILL (nothing can be tidied), SIGTERM or SIGINT (the runner tidies up).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from newscoder import runner

from test_runner import ROOT, corpus, run_cli  # noqa: F401  (corpus is a fixture)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def finished(tmp_path):
    """A previous run's output folder (its content is opaque to the runner), and its bytes."""
    out = tmp_path / "out"
    for rel, text in {"tables/documents.csv": "doc_id,status\nold,ok\n", "run.json": '{"status": "ok"}\n',
                      "html/index.html": "<p>previous run</p>\n", "notebooks/01_entities.ipynb": "{}\n"}.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text, encoding="utf-8")
    return out, snapshot(out)


def _default_sigint() -> None:
    """Ctrl-C as in a terminal: a test run started in the background (CI, `cmd &`) inherits SIGINT
    ignored, and so would the run under test, which would then never see the interrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_and_stop_midway(corpus: Path, out: Path, sig: int, min_kernels: int = 1) -> tuple[subprocess.CompletedProcess, list[psutil.Process]]:  # noqa: F811
    """Start a run into `out`, wait until `min_kernels` notebook kernels are running, send `sig`."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newscoder", "run", "--corpus", str(corpus), "--output", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_default_sigint,
    )
    staged = out.with_name(f".{out.name}.staging") / "notebooks" / "01_entities.ipynb"
    deadline = time.monotonic() + 120
    kernels: list[psutil.Process] = []
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            kernels = [c for c in psutil.Process(proc.pid).children(recursive=True) if _is_kernel(c)]
            if len(kernels) >= min_kernels and _inside_cells(staged):
                break
            time.sleep(0.1)
        assert proc.poll() is None and len(kernels) >= min_kernels and staged.exists(), "the run never reached a notebook"
        proc.send_signal(sig)  # inside the notebook's cells (a fixed wait after the file appeared outlasted quick runs)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), kernels


def _inside_cells(staged: Path) -> bool:
    """Whether papermill has begun a code cell of the staged notebook (it writes the notebook at
    each cell's start and end); False while the file is missing or half-written."""
    import json

    try:
        cells = json.loads(staged.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return False
    return any(c.get("cell_type") == "code" and c.get("metadata", {}).get("papermill", {}).get("status") in ("running", "completed")
               for c in cells)


def _is_kernel(process: psutil.Process) -> bool:
    """Whether a child of the run is a notebook kernel; one that has just ended (a zombie, not yet
    reaped by its kernel manager) or is gone is not."""
    try:
        return "ipykernel" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def reap(kernels: list[psutil.Process]) -> list[int]:
    """Wait for the run's kernels to end (they watch their parent); kill any left. RETURNS the pids left."""
    _, alive = psutil.wait_procs(kernels, timeout=15)
    for k in alive:
        k.kill()
    return [k.pid for k in alive]


def test_sigkill_midway_keeps_previous_outputs_and_next_run_works(finished, corpus):  # noqa: F811
    out, before = finished
    result, kernels = start_and_stop_midway(corpus, out, signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    left = reap(kernels)
    assert snapshot(out) == before  # nothing new mixed in, nothing lost
    assert not out.with_name(out.name + ".failed").exists()
    assert out.with_name(f".{out.name}.staging").exists()  # the half-written run stays aside
    assert left == [], "the notebook kernel outlived the killed run"

    again = run_cli("--corpus", corpus, "--output", out, cwd=ROOT)
    assert again.returncode == 0, again.stderr
    assert "left by a run that was killed or interrupted" in again.stderr
    assert not out.with_name(f".{out.name}.staging").exists()
    after = snapshot(out)
    for rel in ("tables/documents.csv", "tables/mentions.csv", "tables/statements.csv", "html/index.html", "run.json"):
        assert after[rel] != before.get(rel), rel  # a whole new run, not a mix
    assert b"a1,2025-03-01" in after["tables/documents.csv"] and b'"status": "ok"' in after["run.json"]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_sigterm_or_ctrl_c_stops_cleanly(finished, corpus, sig):  # noqa: F811
    out, before = finished
    result, kernels = start_and_stop_midway(corpus, out, sig)
    assert reap(kernels) == []
    assert result.returncode == 130, result.stderr
    # The kernel may log the interrupted cell ("[IPKernelApp] ERROR ..."); the CLI itself ends with
    # a sentence, not a traceback of its own.
    assert result.stderr.strip().splitlines()[-1] == f"error: The run was interrupted; {out} is unchanged."
    assert "newscoder/__main__.py" not in result.stderr and "newscoder/runner.py" not in result.stderr
    assert snapshot(out) == before
    assert not out.with_name(f".{out.name}.staging").exists()


def test_an_interrupt_while_notebooks_run_side_by_side_stops_their_kernels(monkeypatch, tmp_path):
    """Side by side, the notebooks run in threads: Ctrl-C reaches only the main thread, which must
    stop every kernel itself (else each notebook would run on to its end)."""
    import threading

    started: list[subprocess.Popen] = []
    lock = threading.Lock()

    def fake_execute(nb, staging, plan, progress, bar=True, km=None):
        # stands for a kernel: a child process whose command line names ipykernel, busy for a minute
        kernel = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", "ipykernel"])
        with lock:
            started.append(kernel)
        kernel.wait()
        return {"notebook": nb.name, "status": "ok"}

    monkeypatch.setattr(runner, "_execute", fake_execute)
    monkeypatch.setattr(runner, "notebook_workers", lambda n: 2)
    plan = runner.RunPlan([Path("01_a.ipynb"), Path("02_b.ipynb")], {}, {}, tmp_path, tmp_path / "p.yaml")

    def interrupt_when_both_run():
        deadline = time.monotonic() + 30
        while len(started) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C: a real signal, to the main thread

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in a terminal (see _default_sigint)
    threading.Thread(target=interrupt_when_both_run, daemon=True).start()
    begin = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            runner._execute_all(plan, tmp_path, progress=False)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert time.monotonic() - begin < 30
    # both stand-ins, busy for a minute, have ended within 30 s: stopped. (Not their return codes:
    # whether psutil or Popen reaps a child first decides whether Popen sees -15 or 0.)
    assert len(started) == 2 and all(k.poll() is not None for k in started)


def test_a_second_run_into_the_same_folder_is_refused_while_one_runs(finished, corpus):  # noqa: F811
    out, _ = finished
    before = snapshot(out)
    from newscoder.errors import RunLocked
    from newscoder.runner import _lock

    with _lock(out):  # as a run in progress holds it
        result = run_cli("--corpus", corpus, "--output", out, cwd=ROOT)
    assert result.returncode == 2 and "Another run is writing to" in result.stderr
    assert snapshot(out) == before
    with _lock(out):  # released: it can be taken again
        pass
    with _lock(out), pytest.raises(RunLocked):  # and it is exclusive within one process too
        with _lock(out):
            pass


def test_outputs_parked_mid_swap_by_a_killed_run_are_restored(tmp_path):
    from newscoder.runner import _recover

    out = tmp_path / "out"
    parked = tmp_path / ".out.old"
    (parked / "tables").mkdir(parents=True)
    (parked / "tables" / "documents.csv").write_text("doc_id\nold\n", encoding="utf-8")
    _recover(out)  # killed between moving the old outputs aside and moving the new ones in
    assert (out / "tables" / "documents.csv").read_text(encoding="utf-8") == "doc_id\nold\n"
    assert not parked.exists()
