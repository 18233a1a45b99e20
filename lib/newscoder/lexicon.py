"""Load the trigger lexicon and the issue list of a codebook (`triggers.yaml`, `issues.yaml`)."""

from __future__ import annotations

import json
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
    cameo: str = ""  # the CAMEO code the entry stands for, when it has one ("0256")
    intensity: float | None = None  # the code's Goldstein score, -10 (war) .. +10 (alliance); None = not given
    place_target: bool = False  # the country where the act takes place is its target ("arrived in Peru on a visit")
    # senses (stance_senses): objects that make the word no act ("met the deadline"), no act between armed
    # forces ("troops met government forces"), a participle that only describes ("forces backed by Chile"),
    # the entry coded instead when the parties are persons ("the presidents clashed": an argument)
    unless_objects: frozenset[tuple[str, str]] = frozenset()  # (lemma or "*" for every lemma, object word)
    unless_forces: frozenset[str] = frozenset()  # the lemmas it applies to ("*": every lemma)
    describes_as_participle: bool = False
    persons_sense: str = ""


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
    # issues.yaml `actor_only_categories`: PLOVER's acts done to an actor (an assault, a coercion, a
    # retreat). An issue phrase in their clause restates the act ("launched a military offensive")
    # or names a thing it touches ("evacuated the air bases"); such an act is coded toward an
    # actor, or gives no row (uncoded.csv: "no target or issue").
    actor_only_categories: frozenset[str] = frozenset()
    # triggers.yaml `armed_sectors`: sectors of armed parties; a clash of persons none of whom is armed is
    # an argument (an entry's `persons_sense`, stance_senses)
    armed_sectors: frozenset[str] = frozenset()


def _read(path: Path) -> dict:
    return read_mapping(path, CodebookError, what="Codebook file", missing="Copy it from the project's codebook/ folder.")


def _read_json(path: Path) -> dict:
    """A generated trigger file in JSON (a large one loads ten times faster than as YAML)."""
    if not path.is_file():
        raise CodebookError(f"Codebook file {path} does not exist. Copy it from the project's codebook/ folder, or rebuild it.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CodebookError(f"Codebook file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise CodebookError(f"Codebook file {path} must hold an object with a 'triggers' list at the top level.")
    return data


def _words(value: object, where: str = "triggers.yaml") -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if any(isinstance(v, bool) for v in value):
        # YAML reads a bare on/off/yes/no as true/false.
        raise CodebookError(f"{where}: a word was read as true/false in {value!r}; put quotes around on, off, yes and no.")
    return frozenset(str(v).lower() for v in value)


def _lemma_words(value: object, where: str) -> frozenset[tuple[str, str]]:
    """Words for some of an entry's lemmas: a mapping lemma -> words ({meet: [deadline, resistance]}),
    or a list for every lemma ("*"), as (lemma, word) pairs."""
    if value is None:
        return frozenset()
    if isinstance(value, dict):
        return frozenset((str(lemma).lower(), w) for lemma, words in value.items() for w in _words(words, where))
    return frozenset(("*", w) for w in _words(value, where))


def _lemmas_or_all(value: object, where: str) -> frozenset[str]:
    """`true` (every lemma: {"*"}), `false`/absent (none) or a list of the entry's lemmas."""
    if value is None or value is False:
        return frozenset()
    return frozenset({"*"}) if value is True else _words(value, where)


def _categories(value: object, where: str) -> frozenset[str]:
    """A list of PLOVER category names, checked (upper-cased; empty when the key is absent)."""
    if value is None:
        return frozenset()
    if not isinstance(value, list):
        raise CodebookError(f"{where} must be a list of PLOVER categories such as [ASSAULT] (got {value!r}).")
    categories = frozenset(str(v).upper() for v in value)
    unknown = sorted(categories - set(PLOVER))
    if unknown:
        raise CodebookError(f"{where} names {unknown}, which are not PLOVER categories ({', '.join(PLOVER)}).")
    return categories


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
    intensity = entry.get("intensity")
    if intensity is not None and (isinstance(intensity, bool) or not isinstance(intensity, (int, float)) or not -10 <= intensity <= 10):
        raise CodebookError(f"{where}: intensity {intensity!r} must be a number from -10 to 10 (a Goldstein score).")
    return Trigger(
        id=str(entry["id"]), lemmas=_words(entry["lemmas"]), plover=entry["plover"], stance=int(entry["stance"]),
        mode=entry["mode"], pos=pos, objects=_words(entry.get("objects")), particle=_words(entry.get("particle")),
        symmetric=bool(entry.get("symmetric", False)), speech=bool(entry.get("speech", False)),
        third_party=bool(entry.get("third_party", False)), reverse=bool(entry.get("reverse", False)),
        also=tuple(sorted(_words(entry.get("also"), where))), cameo=str(entry.get("cameo", "") or ""),
        intensity=None if intensity is None else float(intensity), place_target=bool(entry.get("place_target", False)),
        unless_objects=_lemma_words(entry.get("unless_objects"), where), unless_forces=_lemmas_or_all(entry.get("unless_forces"), where),
        describes_as_participle=bool(entry.get("describes_as_participle", False)),
        persons_sense=str(entry.get("persons_sense", "") or ""),
    )


def load_lexicon(folder: str | Path, *, imported: bool = True) -> Lexicon:
    """Load and check `triggers.yaml`, the trigger files it imports, and `issues.yaml` from a codebook folder.

    `imported_triggers` in triggers.yaml names further trigger files of the folder (the shipped
    `triggers_cameo.yaml`, PETRARCH2's CAMEO verb dictionary); their entries are merged after the
    hand-written ones with `merge_triggers`, so the hand-written entries win where both speak.
    folder (str | Path): the codebook folder.
    imported (bool): False = the hand-written entries alone (`imported_triggers` is not read).
    RETURNS (Lexicon): the lexicon (cached while the files are unchanged).
    """
    folder = Path(folder).resolve()
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.*"))
                  if p.name == "issues.yaml" or p.name.startswith("triggers") and p.suffix in (".yaml", ".json"))
    return _load(folder, stamp, imported)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: tuple, imported: bool = True) -> Lexicon:
    data = _read(folder / "triggers.yaml")
    triggers = _triggers_of(data, "triggers.yaml")
    ids = [t.id for t in triggers]
    for t in triggers:
        unknown = [a for a in t.also if a not in ids or a == t.id]
        if unknown:
            raise CodebookError(f"triggers.yaml ({t.id}): 'also' names {unknown}, which are not ids of other entries.")
        if t.persons_sense and (t.persons_sense not in ids or t.persons_sense == t.id):
            raise CodebookError(f"triggers.yaml ({t.id}): 'persons_sense' names {t.persons_sense!r}, which is not the id of another entry.")
    issues_file = _read(folder / "issues.yaml")
    issues_data = issues_file.get("issues") or []
    issues = []
    for i, entry in enumerate(issues_data, start=1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("phrases"):
            raise CodebookError(f"issues.yaml entry {i}: every issue needs an 'id' and 'phrases' (got {entry!r}).")
        issues.append(Issue(str(entry["id"]), str(entry.get("label", entry["id"])), tuple(str(p).lower() for p in entry["phrases"])))
    lexicon = Lexicon(
        triggers=triggers,
        speech_verbs=_words(data.get("speech_verbs")),
        modal_words=_words(data.get("modal_words")),
        anaphors=_words(data.get("anaphors")),
        issues=tuple(issues),
        event_verbs=_words(data.get("event_verbs")),
        intent_words=_words(data.get("intent_words")),
        topic_nouns=_words(data.get("topic_nouns")),
        discard_words=_words(data.get("discard_words")),
        actor_only_categories=_categories(issues_file.get("actor_only_categories"), "issues.yaml: actor_only_categories"),
        armed_sectors=frozenset(w.upper() for w in _words(data.get("armed_sectors"), "triggers.yaml: armed_sectors")),
    )
    for name in _file_names(data.get("imported_triggers"), "triggers.yaml: imported_triggers") if imported else []:
        added = _triggers_of(_read(folder / name) if name.endswith(".yaml") else _read_json(folder / name), name)
        if any(t.also for t in added):
            raise CodebookError(f"{name}: imported entries cannot use 'also'; write such entries in triggers.yaml.")
        lexicon, _ = merge_triggers(lexicon, added)
    return lexicon


def _triggers_of(data: dict, name: str) -> tuple[Trigger, ...]:
    entries = data.get("triggers") or []
    if not isinstance(entries, list):
        raise CodebookError(f"{name}: 'triggers' must be a list of entries.")
    triggers = tuple(_trigger(e, f"{name} entry {i}") for i, e in enumerate(entries, start=1))
    ids = [t.id for t in triggers]
    if len(set(ids)) != len(ids):
        raise CodebookError(f"{name}: trigger ids must be unique; repeated: {sorted({i for i in ids if ids.count(i) > 1})}.")
    return triggers


def _file_names(value: object, where: str) -> list[str]:
    names = [value] if isinstance(value, str) else list(value or [])
    for name in names:
        if not isinstance(name, str) or "/" in name or "\\" in name or not name.endswith((".yaml", ".json")):
            raise CodebookError(f"{where}: {name!r} must be the name of a .yaml or .json file in the codebook folder.")
    return names


@dataclass(frozen=True)
class MergeReport:
    """What `merge_triggers` left out: (added entry id, lemma, reason) triples, and entries dropped whole."""

    lemmas_left_out: tuple[tuple[str, str, str], ...] = ()
    entries_left_out: tuple[str, ...] = ()


def merge_triggers(lexicon: Lexicon, triggers: Iterable[Trigger]) -> tuple[Lexicon, MergeReport]:
    """The lexicon with more entries after its own, each word left to the lexicon where both speak.

    An added entry loses a lemma (of its part of speech) that the lexicon's own entries already code:
    any added entry loses a speech, intent or modal word of the lexicon ("said that they agreed":
    the coder codes what is said, so "say" with "agree" must not be an act of its own); an added
    entry for the word alone loses it when any own entry lists the word (an own entry that needs an
    object says the word alone is no act: "hold" only with "talks") or it is an event verb ("begin");
    an added entry that needs an object or particle loses it when an own entry codes the word alone
    (the own entry speaks for every use of "meet": "met with" must stay symmetric CONSULT), or
    accepts one of the same objects ("lift sanctions"), or, for a particle alone, has the same
    particle. Entries left without lemmas are dropped; the others keep their place after the
    lexicon's own, so among entries of a word that need an object the own ones are tried first.
    lexicon (Lexicon): the lexicon to extend; it is not changed.
    triggers (Iterable[Trigger]): the entries to add; their ids must not repeat any id.
    RETURNS (tuple[Lexicon, MergeReport]): the extended lexicon, and what was left out.
    """
    own: dict[tuple[str, str], list[Trigger]] = {}
    for t in lexicon.triggers:
        for lemma in t.lemmas:
            own.setdefault((lemma, t.pos), []).append(t)
    frames = lexicon.speech_verbs | lexicon.intent_words | lexicon.modal_words
    kept: list[Trigger] = []
    lost: list[tuple[str, str, str]] = []
    dropped: list[str] = []
    for t in triggers:
        lemmas = set(t.lemmas)
        for lemma in sorted(t.lemmas):
            reason = _spoken_for(t, own.get((lemma, t.pos), []), lemma in frames and t.pos == "VERB",
                                 lemma in lexicon.event_verbs and t.pos == "VERB")
            if reason:
                lemmas.discard(lemma)
                lost.append((t.id, lemma, reason))
        if lemmas:
            kept.append(t if lemmas == t.lemmas else replace(t, lemmas=frozenset(lemmas)))
        else:
            dropped.append(t.id)
    return add_triggers(lexicon, kept), MergeReport(tuple(lost), tuple(dropped))


def _spoken_for(added: Trigger, own: list[Trigger], frame: bool, event_verb: bool) -> str:
    """Why the lexicon's own entries already speak for a word of an added entry ("" if they do not)."""
    if frame:
        return "a speech, intent or modal word of the lexicon (it frames the act it introduces)"
    if not added.objects and not added.particle:
        if own:
            return "an own entry codes the word"
        return "an event verb of the lexicon ('talks began')" if event_verb else ""
    for o in own:
        if not o.objects and not o.particle:
            return "an own entry codes the word alone, in every use"
        if added.objects and o.objects & added.objects:
            return "an own entry codes the word with the same object"
        if not added.objects and added.particle and o.particle & added.particle and not o.objects:
            return "an own entry codes the word with the same particle"
    return ""


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
