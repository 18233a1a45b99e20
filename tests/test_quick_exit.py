"""The CLI ends without the interpreter's teardown once its work is done (`__main__.quick_exit`):
exit handlers still run, output written before is complete, exit codes are the ones returned,
and a thread still at work is waited for."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_exit_handlers_run_and_buffered_output_is_complete(tmp_path):
    result = run_python("""
        import atexit, sys
        from newscoder.__main__ import quick_exit
        atexit.register(lambda: print("handler ran", flush=True))
        sys.stdout.write("x" * 200_000)  # more than a pipe holds: buffered, not yet written
        sys.stderr.write("no newline at the end")
        quick_exit(3)
    """, tmp_path)
    assert result.returncode == 3
    assert result.stdout == "x" * 200_000 + "handler ran\n"
    assert result.stderr == "no newline at the end"


def test_a_thread_still_running_is_waited_for(tmp_path):
    done = tmp_path / "done.txt"
    result = run_python(f"""
        import threading, time
        from pathlib import Path
        from newscoder.__main__ import quick_exit
        def work():
            time.sleep(0.5)
            Path({str(done)!r}).write_text("written", encoding="utf-8")
        threading.Thread(target=work).start()
        quick_exit(0)
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert done.read_text(encoding="utf-8") == "written"


def test_the_cli_returns_its_exit_codes(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "newscoder", "check"], capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("parameters OK for ")
    bad = subprocess.run([sys.executable, "-m", "newscoder", "check", "--params", str(tmp_path / "missing.yaml")],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and bad.stderr.startswith("error: ")
    usage = subprocess.run([sys.executable, "-m", "newscoder", "nonsense"], capture_output=True, text=True, timeout=300)
    assert usage.returncode == 2  # argparse's own exit, before any work


def test_the_console_script_ends_through_quick_exit():
    import tomllib

    root = Path(__file__).resolve().parents[1]
    scripts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["newscoder"] == "newscoder.__main__:cli"
