"""Which acts may be coded toward an issue: `actor_only_categories` of codebook/issues.yaml.

PLOVER's material conflict acts (an assault, a coercion, a retreat) are done to an actor. An issue
phrase in their clause restates the act ("launched a military offensive": MILITARY_OPERATIONS) or
names its motive or a thing it touches ("evacuated the air bases": FOREIGN_BASES); it is not what
the act is aimed at. Such an act is coded toward an actor, or gives no row (uncoded.csv: "no
target or issue").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import CodebookError
from .lexicon import PLOVER
from .paths import project_root
from .yamlio import read_mapping


def actor_only_categories(folder: str | Path | None = None) -> frozenset[str]:
    """The PLOVER categories whose acts never take an issue as their target.

    folder (str | Path | None): the codebook folder; None for the project's codebook/.
    RETURNS (frozenset[str]): upper-case PLOVER category names (empty when the key is absent).
    """
    path = Path(folder if folder is not None else project_root() / "codebook").resolve() / "issues.yaml"
    return _load(path, path.stat().st_mtime_ns if path.is_file() else 0)


@lru_cache(maxsize=4)
def _load(path: Path, stamp: int) -> frozenset[str]:
    if not stamp:
        return frozenset()
    value = read_mapping(path, CodebookError, what="Codebook file").get("actor_only_categories") or []
    if not isinstance(value, list):
        raise CodebookError(f"{path.name}: actor_only_categories must be a list of PLOVER categories such as [ASSAULT] (got {value!r}).")
    categories = frozenset(str(v).upper() for v in value)
    unknown = sorted(categories - set(PLOVER))
    if unknown:
        raise CodebookError(f"{path.name}: actor_only_categories names {unknown}, which are not PLOVER categories ({', '.join(PLOVER)}).")
    return categories
