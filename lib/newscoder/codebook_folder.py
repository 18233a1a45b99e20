"""The whole codebook folder in one load: actors and persons, trigger verbs and issues, named days.

The folder's parts are read by the modules that use them (`codebook.load_codebook` for actors,
persons and sectors, `lexicon.load_lexicon` for triggers and issues, `dates.load_named_events`
for `dated_events.yaml`); `load_codebook_folder` is the one entry point that reads and checks
them all, so a run, a Dask worker or a test gets every part from the same folder at once. Each
part stays cached per folder and file modification times, so loading it twice costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .codebook import Codebook, load_codebook
from .dates import NamedEvent, load_named_events
from .lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class CodebookFolder:
    """Everything a codebook folder holds, loaded and checked."""

    path: Path
    actors: Codebook  # actors, persons, titles, non-actors, sectors and agents (entities.py)
    lexicon: Lexicon  # trigger verbs, speech verbs, issues (stance.py)
    named_events: tuple[NamedEvent, ...]  # year-less names that mean one day (dates.py)


def load_codebook_folder(folder: str | Path | Codebook | CodebookFolder) -> CodebookFolder:
    """Load and check every file of a codebook folder.

    folder (str | Path | Codebook | CodebookFolder): the folder, or an actor codebook already
        loaded from it (its other parts are read from the same folder), or a loaded folder.
    RETURNS (CodebookFolder): actors, lexicon and named days of that folder.
    """
    if isinstance(folder, CodebookFolder):
        return folder
    actors = folder if isinstance(folder, Codebook) else load_codebook(folder)
    return CodebookFolder(actors.path, actors, load_lexicon(actors.path), load_named_events(actors.path))
