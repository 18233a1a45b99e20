"""Command line: `python -m newscoder run --corpus DIR --output DIR [--params FILE]`.

`code` writes the coding pass's tables (CSV, Parquet, networks) without any notebook.

The CLI only parses arguments and calls the library, so anything it does Python can do too.
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import signal
import sys
import threading
from typing import NoReturn

from .errors import NewscoderError, RunInterrupted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscoder", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run every notebook on a corpus and write tables, figures and HTML")
    run.add_argument("--corpus", help="corpus folder (corpus.csv optional, articles/*.txt); default: the params file's")
    run.add_argument("--output", help="output folder; default: the params file's (outputs/)")
    run.add_argument("--params", help="parameters YAML listing every parameter (default: seeds/params.yaml)")
    run.add_argument("--timeout", type=int, default=1800, help="seconds one notebook cell may run (default 1800)")
    code = sub.add_parser("code", help="code a corpus once and write its tables and networks, without notebooks (batch jobs)")
    code.add_argument("--corpus", help="corpus folder; default: the params file's")
    code.add_argument("--output", help="output folder; default: the params file's (outputs/)")
    code.add_argument("--params", help="parameters YAML (default: seeds/params.yaml)")
    check = sub.add_parser("check", help="check parameters against the notebooks without running anything")
    check.add_argument("--corpus")
    check.add_argument("--output")
    check.add_argument("--params")
    sub.add_parser("notebooks", help="re-execute the committed notebooks in place on the seed corpus")
    audit = sub.add_parser("audit", help="precision audit: draw a random sample of coded rows to judge, then score it")
    steps = audit.add_subparsers(dest="step", required=True)
    draw = steps.add_parser("draw", help="write a coding sheet of N random rows of a run's statements.csv")
    draw.add_argument("--run", help="a run's output folder (reads tables/statements.csv)")
    draw.add_argument("--statements", help="a statements.csv, instead of --run")
    draw.add_argument("--n", type=int, default=50, help="rows to draw (default 50)")
    draw.add_argument("--seed", type=int, default=1, help="random seed (default 1); the same seed draws the same rows")
    draw.add_argument("--out", required=True, help="the coding sheet to write (CSV)")
    score = steps.add_parser("score", help="precision with its 95%% interval and the error breakdown of a judged sheet")
    score.add_argument("sheet", help="the coding sheet, its 'verdict' column filled")
    score.add_argument("--redacted-copy", help="also write the sheet without sentence text (for texts that may not be shared)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # SIGTERM (kill, a batch scheduler's time limit) unwinds like Ctrl-C: kernels are shut down and
    # the half-written staging folder removed, instead of the process vanishing mid-write.
    signal.signal(signal.SIGTERM, _interrupt)

    from . import runner

    try:
        if args.command == "audit":
            return _audit(args)
        if args.command == "notebooks":
            for path in runner.regenerate_notebooks():
                print(f"executed {path.name}")
            return 0
        plan = runner.plan_run(args.corpus, args.output, args.params, timeout=getattr(args, "timeout", 1800))
        if args.command == "check":
            print(f"parameters OK for {len(plan.notebooks)} notebooks")
            return 0
        if args.command == "code":
            output = runner.code(plan)
            print(f"tables written to {output / 'tables'}, networks to {output / 'networks'}")
            return 0
        output = runner.run(plan)
        print(f"outputs written to {output} (open {output / 'html' / 'index.html'})")
        return 0
    except NewscoderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 130 if isinstance(exc, RunInterrupted) else 2
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return 130
    except OSError as exc:  # an output folder that cannot be written, a full disk: say which file
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: cannot read or write a file{where}: {exc.strerror or exc}. "
              "Check the --output and --corpus paths and the free disk space.", file=sys.stderr)
        return 2


def _audit(args: argparse.Namespace) -> int:
    """`newscoder audit draw|score`: the precision audit of README "Measuring accuracy"."""
    from pathlib import Path

    from .audit import VERDICTS, draw_sample, read_sheet, redacted, score_sheet
    from .errors import ParameterError
    from .tables import read_table

    if args.step == "draw":
        if bool(args.run) == bool(args.statements):
            raise ParameterError("Give either --run (an output folder) or --statements (a statements.csv).")
        path = Path(args.statements) if args.statements else Path(args.run) / "tables" / "statements.csv"
        if not path.is_file():
            raise ParameterError(f"{path} does not exist; point --run at a finished run's output folder.")
        sheet = draw_sample(read_table(path), args.n, args.seed)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        sheet.to_csv(args.out, index=False, lineterminator="\n", encoding="utf-8")
        print(f"wrote {len(sheet)} rows to {args.out}; fill 'verdict' with one of: {', '.join(VERDICTS)}")
        print(f"then: python -m newscoder audit score {args.out}")
        return 0
    sheet = read_sheet(args.sheet)
    print(score_sheet(sheet))
    if args.redacted_copy:
        redacted(sheet).to_csv(args.redacted_copy, index=False, lineterminator="\n", encoding="utf-8")
        print(f"wrote {args.redacted_copy} (no sentence text)")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cli() -> NoReturn:
    """The `newscoder` command and `python -m newscoder`: `main`, then a quick exit (`quick_exit`)."""
    quick_exit(main())


def quick_exit(code: int) -> NoReturn:
    """End the process with `code` once its work is done, without the interpreter's teardown.

    After a run, Python's own exit spends 1.5-3 s freeing what the process holds (the spaCy model,
    the codebook, the entity finder's matcher) one object at a time, for memory the operating
    system takes back at once anyway. Every output file is written and closed by then (`main` has
    returned). Here the exit handlers still run (logging's flush, jupyter's event loops,
    multiprocessing's joins of its workers), stdout and stderr are flushed (a failed flush gives
    120, as Python's exit would), and then the process ends at once. If a thread other than the
    main one is still running and not a daemon, Python's own exit runs instead, which waits for it.
    code (int): the exit status.
    """
    others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon and t.is_alive()]
    if others:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except Exception:  # a closed pipe (`newscoder run | head`): Python would exit with 120 too
            code = code or 120
    os._exit(code)


if __name__ == "__main__":
    cli()
