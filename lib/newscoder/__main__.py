"""Command line: `python -m newscoder run --corpus DIR --output DIR [--params FILE]`.

The CLI only parses arguments and calls the library, so anything it does Python can do too.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from .errors import NewscoderError, RunInterrupted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscoder", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run every notebook on a corpus and write tables, figures and HTML")
    run.add_argument("--corpus", help="corpus folder (corpus.csv optional, articles/*.txt); default: the params file's")
    run.add_argument("--output", help="output folder; default: the params file's (outputs/)")
    run.add_argument("--params", help="parameters YAML listing every parameter (default: seeds/params.yaml)")
    run.add_argument("--timeout", type=int, default=1800, help="seconds one notebook cell may run (default 1800)")
    check = sub.add_parser("check", help="check parameters against the notebooks without running anything")
    check.add_argument("--corpus")
    check.add_argument("--output")
    check.add_argument("--params")
    sub.add_parser("notebooks", help="re-execute the committed notebooks in place on the seed corpus")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # SIGTERM (kill, a batch scheduler's time limit) unwinds like Ctrl-C: kernels are shut down and
    # the half-written staging folder removed, instead of the process vanishing mid-write.
    signal.signal(signal.SIGTERM, _interrupt)

    from . import runner

    try:
        if args.command == "notebooks":
            for path in runner.regenerate_notebooks():
                print(f"executed {path.name}")
            return 0
        plan = runner.plan_run(args.corpus, args.output, args.params, timeout=getattr(args, "timeout", 1800))
        if args.command == "check":
            print(f"parameters OK for {len(plan.notebooks)} notebooks")
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


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
