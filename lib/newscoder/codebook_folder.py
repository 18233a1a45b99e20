"""The whole codebook folder in one load: actors and persons, trigger verbs and issues, named days,
the statement coder's word lists.

The folder's parts are read by the modules that use them (`codebook.load_codebook` for actors,
persons and sectors, `lexicon.load_lexicon` for triggers and issues, `dates.load_named_events`
for `dated_events.yaml`, `stance_rules.load_stance_rules` for `stance_rules.yaml`, the project's
when the folder has none); `load_codebook_folder` is the one entry point that reads and checks
them all, so a run, a Dask worker or a test gets every part from the same folder at once. Each
part stays cached per folder and file modification times, so loading it twice costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .codebook import Codebook, load_codebook
from .dates import NamedEvent, load_named_events
from .lexicon import Lexicon, load_lexicon
from .stance_rules import StanceRules, load_stance_rules


@dataclass(frozen=True)
class CodebookFolder:
    """Everything a codebook folder holds, loaded and checked."""

    path: Path
    actors: Codebook  # actors, persons, titles, non-actors, sectors and agents (entities.py)
    lexicon: Lexicon  # trigger verbs, speech verbs, issues (stance.py)
    named_events: tuple[NamedEvent, ...]  # year-less names that mean one day (dates.py)
    stance_rules: StanceRules  # the statement coder's word lists (stance_rules.py)


def load_codebook_folder(folder: str | Path | Codebook | CodebookFolder) -> CodebookFolder:
    """Load and check every file of a codebook folder.

    folder (str | Path | Codebook | CodebookFolder): the folder, or an actor codebook already
        loaded from it (its other parts are read from the same folder), or a loaded folder.
    RETURNS (CodebookFolder): actors, lexicon, named days and stance rules of that folder (the
        project's `codebook/stance_rules.yaml` when the folder has no `stance_rules.yaml`).
    """
    if isinstance(folder, CodebookFolder):
        return folder
    actors = folder if isinstance(folder, Codebook) else load_codebook(folder)
    rules = load_stance_rules(actors.path if (Path(actors.path) / "stance_rules.yaml").is_file() else None)
    return CodebookFolder(actors.path, actors, load_lexicon(actors.path), load_named_events(actors.path), rules)
