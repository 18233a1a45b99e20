"""`make bench`: run every accuracy and speed benchmark and print its figures.

    .venv/bin/python benchmarks/run_all.py

In order: entities, actors (codebook coverage), stance, dates, petrarch, stories, scale. The
actors, PETRARCH and stories benchmarks, and the Guardian half of the development gold, need the
shared peer data (../shared/peer) and are skipped without it.
The scale benchmark (speed, cache, memory; about 30-40 minutes on 2 cores) writes
benchmarks/results/scale.md.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    for name in ("entities", "actors", "stance", "dates", "petrarch", "stories", "scale"):
        print(f"\n=== benchmarks/{name}.py ===", flush=True)
        sys.argv = [str(HERE / f"{name}.py")]
        try:
            runpy.run_path(str(HERE / f"{name}.py"), run_name="__main__")
        except SystemExit as exc:  # a benchmark that cannot run (missing peer data) says why and exits
            if exc.code not in (0, None):
                print(f"(skipped: exit {exc.code})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
