"""Write environment.yml from requirements.lock, so that conda users get the same pins.

Run by `make lock` after the lock is compiled; tests/test_environment.py fails if the two disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(;[^\\]*)?")

HEADER = """\
# Conda description of the project environment, generated from requirements.lock by
# tools/environment_yml.py (make lock). Python comes from conda; every package is pinned through
# pip to the same version as the lock. tests/test_environment.py fails if the two disagree.
#   conda env create -f environment.yml && conda activate newscoder && pip install --no-deps -e .
name: newscoder
channels:
  - conda-forge
dependencies:
  - python=3.11
  - pip
  - pip:
"""


def lock_pins(text: str) -> list[str]:
    """`name==version[ ; marker]` for every package of a hashed lock file, in file order."""
    pins = []
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            name, version, marker = match.groups()
            pins.append(f"{name}=={version}{' ' + marker.strip() if marker else ''}")
    return pins


def render(pins: list[str]) -> str:
    return HEADER + "".join(f'      - "{pin}"\n' for pin in pins)


if __name__ == "__main__":
    pins = lock_pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    (ROOT / "environment.yml").write_text(render(pins), encoding="utf-8")
    print(f"environment.yml: {len(pins)} pins")
