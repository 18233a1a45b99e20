"""Load the trigger lexicon and the issue list of a codebook (`triggers.yaml`, `issues.yaml`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .errors import CodebookError
from .yamlio import read_mapping

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODES = ("verbal", "material")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: words that express an act and how to code it."""

    id: str
    lemmas: frozenset[str]
    plover: str
    stance: int
    mode: str
    pos: str = "VERB"
    objects: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    symmetric: bool = False
    speech: bool = False
    third_party: bool = False
    reverse: bool = False
    also: tuple[str, ...] = ()  # ids of entries coded as well for the same word ("backed X's case against Y")


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    speech_verbs: frozenset[str]
    modal_words: frozenset[str]
    anaphors: frozenset[str]
    issues: tuple[Issue, ...]
    event_verbs: frozenset[str] = frozenset()
    intent_words: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    discard_words: frozenset[str] = frozenset()


def _read(path: Path) -> dict:
    return read_mapping(path, CodebookError, what="Codebook file", missing="Copy it from the project's codebook/ folder.")


def _words(value: object, where: str = "triggers.yaml") -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if any(isinstance(v, bool) for v in value):
        # YAML reads a bare on/off/yes/no as true/false.
        raise CodebookError(f"{where}: a word was read as true/false in {value!r}; put quotes around on, off, yes and no.")
    return frozenset(str(v).lower() for v in value)


def _trigger(entry: dict, where: str) -> Trigger:
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("lemmas"):
        raise CodebookError(f"{where}: every trigger needs an 'id' and 'lemmas' (got {entry!r}).")
    where = f"{where} ({entry['id']})"
    if entry.get("plover") not in PLOVER:
        raise CodebookError(f"{where}: plover {entry.get('plover')!r} is not one of {', '.join(PLOVER)}.")
    if entry.get("mode") not in MODES:
        raise CodebookError(f"{where}: mode {entry.get('mode')!r} must be 'verbal' or 'material'.")
    if entry.get("stance") not in (-1, 0, 1):
        raise CodebookError(f"{where}: stance {entry.get('stance')!r} must be 1, 0 or -1.")
    pos = str(entry.get("pos", "VERB")).upper()
    if pos not in ("VERB", "NOUN"):
        raise CodebookError(f"{where}: pos {pos!r} must be VERB or NOUN.")
    return Trigger(
        id=str(entry["id"]), lemmas=_words(entry["lemmas"]), plover=entry["plover"], stance=int(entry["stance"]),
        mode=entry["mode"], pos=pos, objects=_words(entry.get("objects")), particle=_words(entry.get("particle")),
        symmetric=bool(entry.get("symmetric", False)), speech=bool(entry.get("speech", False)),
        third_party=bool(entry.get("third_party", False)), reverse=bool(entry.get("reverse", False)),
        also=tuple(sorted(_words(entry.get("also"), where))),
    )


def load_lexicon(folder: str | Path) -> Lexicon:
    """Load and check `triggers.yaml` and `issues.yaml` from a codebook folder."""
    folder = Path(folder).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml")) if p.name in ("triggers.yaml", "issues.yaml"))
    return _load(folder, stamp)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: tuple) -> Lexicon:
    data = _read(folder / "triggers.yaml")
    entries = data.get("triggers") or []
    triggers = tuple(_trigger(e, f"triggers.yaml entry {i}") for i, e in enumerate(entries, start=1))
    ids = [t.id for t in triggers]
    if len(set(ids)) != len(ids):
        raise CodebookError(f"triggers.yaml: trigger ids must be unique; repeated: {sorted({i for i in ids if ids.count(i) > 1})}.")
    for t in triggers:
        unknown = [a for a in t.also if a not in ids or a == t.id]
        if unknown:
            raise CodebookError(f"triggers.yaml ({t.id}): 'also' names {unknown}, which are not ids of other entries.")
    issues_data = _read(folder / "issues.yaml").get("issues") or []
    issues = []
    for i, entry in enumerate(issues_data, start=1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("phrases"):
            raise CodebookError(f"issues.yaml entry {i}: every issue needs an 'id' and 'phrases' (got {entry!r}).")
        issues.append(Issue(str(entry["id"]), str(entry.get("label", entry["id"])), tuple(str(p).lower() for p in entry["phrases"])))
    return Lexicon(
        triggers=triggers,
        speech_verbs=_words(data.get("speech_verbs")),
        modal_words=_words(data.get("modal_words")),
        anaphors=_words(data.get("anaphors")),
        issues=tuple(issues),
        event_verbs=_words(data.get("event_verbs")),
        intent_words=_words(data.get("intent_words")),
        topic_nouns=_words(data.get("topic_nouns")),
        discard_words=_words(data.get("discard_words")),
    )


def add_triggers(lexicon: Lexicon, triggers: Iterable[Trigger]) -> Lexicon:
    """The lexicon with more trigger entries placed after its own (e.g. an imported verb dictionary).

    For a word that both define, the coder tries entries that need an object or particle first and
    otherwise keeps this order, so the lexicon's own entries win over added ones of the same kind.
    lexicon (Lexicon): the lexicon to extend; it is not changed.
    triggers (Iterable[Trigger]): the entries to add; their ids must not repeat any id.
    RETURNS (Lexicon): the extended lexicon.
    """
    added = tuple(triggers)
    ids = [t.id for t in lexicon.triggers + added]
    if len(set(ids)) != len(ids):
        raise CodebookError(f"Added triggers repeat trigger ids: {sorted({i for i in ids if ids.count(i) > 1})[:10]}; give them another prefix.")
    return replace(lexicon, triggers=lexicon.triggers + added)
