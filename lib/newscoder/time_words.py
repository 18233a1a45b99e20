"""The word lists the date reader takes from `data/time_words.yaml`: markers of the future and
of habit, verbs of saying and of state, day counts ("two" -> 2), days of the year ("christmas day")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _time_words() -> dict:
    """The packaged word lists of `data/time_words.yaml` (future markers, habitual words, ...)."""
    return yaml.safe_load(resources.files("newscoder").joinpath("data/time_words.yaml").read_text("utf-8"))


def word_list(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _time_words().get(name) or [])


FUTURE_MARKERS = word_list("future_markers")
FORWARD_MARKERS = word_list("forward_markers")
MODAL_WORDS = word_list("modal_words")
DEMAND_MODALS = word_list("demand_modals")
FUTURE_VERBS = word_list("future_verbs")
# Words that name a meeting: a headline's or a back-reference's meeting is the one dated nearby.
EVENT_WORDS = word_list("event_words")
UNDATED_WORDS = word_list("history_words")
HABITUAL_WORDS = word_list("habitual_words")
RECENT_WORDS = word_list("recent_words")
BACKGROUND_PREPS = word_list("background_preps")
BACKGROUND_NOUNS = word_list("background_nouns")
STATIVE_VERBS = word_list("stative_verbs")
SPEECH_VERBS = word_list("speech_verbs")
DAY_COUNTS = {str(k).lower(): int(v) for k, v in (_time_words().get("day_counts") or {}).items()}
COUNT_HEDGES = word_list("count_hedges")
SAME_DAY_WORDS = {str(k).lower(): int(v) for k, v in (_time_words().get("same_day_words") or {}).items()}
NIGHT_WORDS = word_list("night_words")
YEARLY_DAYS = {str(k).lower(): str(v) for k, v in (_time_words().get("yearly_days") or {}).items()}
