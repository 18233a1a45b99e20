"""Errors a user can meet, in one place, each a sentence that names the bad value and the fix."""

from __future__ import annotations


class NewscoderError(Exception):
    """Base class: an error caused by the user's input, with a message meant for a person."""


class ParameterError(NewscoderError):
    """A run parameter is unknown, missing, of the wrong type or points nowhere."""


class CorpusError(NewscoderError):
    """The corpus folder or its manifest cannot be used as it is."""


class CodebookError(NewscoderError):
    """A codebook file is missing or malformed."""


class ModelError(NewscoderError):
    """The spaCy pipeline named by the `model` parameter cannot be loaded."""


class NotebookError(NewscoderError):
    """A notebook failed while the runner executed it."""


class RunInterrupted(NewscoderError):
    """The run was stopped (Ctrl-C or SIGTERM) before it finished; the previous outputs are kept."""


class RunLocked(NewscoderError):
    """Another run is writing to the same output folder."""
