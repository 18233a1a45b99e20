"""Load the actor codebook: plain YAML files that a researcher edits (see codebook/README.md).

A codebook is a folder holding `actors.yaml`, `persons.yaml` (plus any `persons_*.yaml`),
`non_actors.yaml`, `titles.yaml`, and for sectors `sectors.yaml` and `agents.yaml`. This module turns them into lookups and checks them, with
errors that name the file and entry.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

from .errors import CodebookError
from .yamlio import read_mapping

ACTOR_FIELDS = ("aliases", "demonyms", "metonyms", "institutions")


def fold(text: str) -> str:
    """Key for matching names: diacritics stripped, case folded, curly quotes made straight."""
    return unidecode(text.replace("’", "'")).casefold().strip()


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    country: str = ""  # home country of a group or community ("" for states and IGOs)
    sector: str = ""  # the actor's own sector, when not its type's (codebook/sectors.yaml)
    groups: tuple[str, ...] = ()  # a community's armed groups, for "Kurdish forces"
    homonym_cues: tuple[str, ...] = ()  # words of a sentence that make the name another place


@dataclass(frozen=True)
class Role:
    actor: str
    role: str
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, date: dt.date) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(frozen=True)
class Person:
    name: str
    variants: tuple[str, ...] = ()
    actor: str = ""
    roles: tuple[Role, ...] = ()

    def role_on(self, date: dt.date | None) -> Role | None:
        """The role valid on `date`, the latest-starting one if several; None without a date or role."""
        if date is None:
            return None
        valid = [r for r in self.roles if r.valid_on(date)]
        return max(valid, key=lambda r: r.start or dt.date.min) if valid else None

    def actor_on(self, date: dt.date | None) -> str:
        """The actor this person stands for on `date`.

        A person with dated roles stands for an actor only while a role is valid: a former
        president speaks for no state. The default `actor` applies when the date is unknown or
        the person has no dated roles.
        """
        if date is None or not self.roles:
            return self.actor
        role = self.role_on(date)
        return role.actor if role else ""


@dataclass
class Codebook:
    """Everything the entity step needs from the codebook, as lookups."""

    path: Path
    actors: dict[str, Actor]
    persons: list[Person]
    outlets: tuple[str, ...]
    outlet_suffixes: tuple[str, ...]
    other_non_actors: tuple[str, ...]
    titles: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    extra: dict[str, object] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)  # code -> meaning
    type_sectors: dict[str, str] = field(default_factory=dict)  # actor type -> sector of its own name
    fixed_types: frozenset[str] = frozenset()  # types whose own sector an agent noun does not change
    role_sectors: dict[str, str] = field(default_factory=dict)  # Phoenix role word -> sector
    agents: dict[str, str] = field(default_factory=dict)  # agent phrase (lower case) -> sector
    institution_sectors: dict[str, str] = field(default_factory=dict)  # fold(institution name) -> sector
    agent_links: dict[str, frozenset[str]] = field(default_factory=dict)  # "led"/"backed": see sectors.yaml
    generic_heads: frozenset[str] = frozenset()  # "group", "faction": the agent before them names the group
    person_actor_sectors: frozenset[str] = frozenset()  # a title of these sectors makes a person speak for a country
    geographic_nouns: tuple[str, ...] = ()  # "River", "Valley": after a country's name, a place
    capitals_only: frozenset[str] = frozenset()  # long acronyms that never match in Title case
    credit_before: tuple[str, ...] = ()  # "Reporting by", "Photograph:": a credit, not a person of the story
    credit_after: tuple[str, ...] = ()  # "reported from"
    # fold(name) -> every actor one name stands for, the first being the name's own actor: PETRARCH's
    # compound codes ("the Shire" [FRO/BIL/SAM]); newscoder.petrarch.to_codebook fills it
    compound_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def own_sector(self, actor_id: str) -> str:
        """The sector an actor has when named by its own name: its `sector`, else its type's."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return ""
        return actor.sector or self.type_sectors.get(actor.type, "")

    def home_country(self, actor_id: str) -> str:
        """The state an actor belongs to: a state itself, a group's `country`, else ""."""
        actor = self.actors.get(actor_id)
        if actor is None:
            return ""
        return actor.id if actor.type == "state" else actor.country


def load_codebook(folder: str | Path) -> Codebook:
    """Load and check a codebook folder; cached per folder and file modification times.

    folder (str | Path): the folder holding actors.yaml and the other files.
    RETURNS (Codebook): the loaded codebook.
    """
    folder = Path(folder).resolve()
    if not (folder / "actors.yaml").is_file():
        raise CodebookError(
            f"Codebook folder {folder} has no actors.yaml. Point the 'codebook' parameter at a folder "
            "like the project's codebook/ (see codebook/README.md)."
        )
    stamp = tuple(sorted((p.name, os.stat(p).st_mtime_ns) for p in folder.glob("*.yaml")))
    return _load(folder, stamp)


@lru_cache(maxsize=4)
def _load(folder: Path, stamp: tuple) -> Codebook:
    actors = _load_actors(folder / "actors.yaml")
    person_files = [folder / "persons.yaml"] + sorted(p for p in folder.glob("persons_*.yaml"))
    persons = [p for f in person_files if f.is_file() for p in _load_persons(f, actors)]
    non_actors = _read_yaml(folder / "non_actors.yaml", required=False)
    titles = _read_yaml(folder / "titles.yaml", required=False)
    sectors = _read_yaml(folder / "sectors.yaml", required=False)
    codes = {str(k): str(v) for k, v in (sectors.get("sectors") or {}).items()}
    _check_actor_sectors(actors, codes, folder / "actors.yaml")
    return Codebook(
        path=folder,
        actors=actors,
        persons=persons,
        outlets=tuple(non_actors.get("outlets") or ()),
        outlet_suffixes=tuple(non_actors.get("outlet_suffixes") or ()),
        other_non_actors=tuple(non_actors.get("other") or ()),
        titles=tuple(titles.get("titles") or ()),
        institution_nouns=tuple(titles.get("institution_nouns") or ()),
        sectors=codes,
        type_sectors={str(k): str(v) for k, v in (sectors.get("type_sectors") or {}).items()},
        fixed_types=frozenset(sectors.get("fixed_types") or ()),
        role_sectors={str(k).lower(): str(v) for k, v in (sectors.get("role_sectors") or {}).items()},
        agents=(agents := _load_agents(folder / "agents.yaml", codes))[0],
        institution_sectors=agents[1],
        agent_links={str(k): frozenset(v or ()) for k, v in (sectors.get("agent_links") or {}).items()},
        person_actor_sectors=frozenset(sectors.get("person_actor_sectors") or ()),
        generic_heads=frozenset(w.lower() for w in sectors.get("generic_heads") or ()),
        geographic_nouns=tuple(non_actors.get("geographic_nouns") or ()),
        capitals_only=frozenset(fold(n) for n in non_actors.get("capitals_only") or ()),
        credit_before=tuple(str(n).lower() for n in non_actors.get("credit_before") or ()),
        credit_after=tuple(str(n).lower() for n in non_actors.get("credit_after") or ()),
    )


def _check_actor_sectors(actors: dict[str, Actor], codes: dict[str, str], path: Path) -> None:
    for actor in actors.values():
        if actor.sector and codes and actor.sector not in codes:
            raise CodebookError(f"{path.name} ({actor.id}): sector {actor.sector!r} is not a code of sectors.yaml.")
        for other in (actor.country, *actor.groups):
            if other and other not in actors:
                raise CodebookError(f"{path.name} ({actor.id}): {other!r} is not an actor id of actors.yaml.")


def _load_agents(path: Path, codes: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Agent phrase -> sector (the imported lexicon, hand overrides on top, excluded phrases out),
    and institution name -> sector (generated, overrides on top)."""
    data = _read_yaml(path, required=False)
    agents: dict[str, str] = {}
    for sector, phrases in (data.get("imported") or {}).items():
        for phrase in _strings(phrases, f"{path.name} imported {sector}"):
            agents[phrase.lower()] = str(sector)
    for phrase, sector in (data.get("overrides") or {}).items():
        agents[str(phrase).lower()] = str(sector)
    for phrase in _strings(data.get("excluded"), f"{path.name} excluded"):
        agents.pop(phrase.lower(), None)
    institutions = {fold(str(k)): str(v) for k, v in (data.get("institutions") or {}).items()}
    institutions.update({fold(str(k)): str(v) for k, v in (data.get("overrides") or {}).items() if fold(str(k)) in institutions})
    unknown = sorted({s for s in [*agents.values(), *institutions.values()] if codes and s not in codes})
    if unknown:
        raise CodebookError(f"{path.name}: sectors {unknown} are not codes of sectors.yaml.")
    return agents, institutions


def _read_yaml(path: Path, *, required: bool = True) -> dict:
    return read_mapping(path, CodebookError, what="Codebook file", required=required)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CodebookError(f"{where}: expected a list of names, got {value!r}.")
    return tuple(value)


def _load_actors(path: Path) -> dict[str, Actor]:
    entries = _read_yaml(path).get("actors")
    if not isinstance(entries, list):
        raise CodebookError(f"{path}: expected a top-level list 'actors:'.")
    actors: dict[str, Actor] = {}
    for i, entry in enumerate(entries, start=1):
        where = f"{path.name} entry {i}"
        if not isinstance(entry, dict) or not entry.get("id"):
            raise CodebookError(f"{where}: every actor needs an 'id' (got {entry!r}).")
        actor_id = str(entry["id"])
        if actor_id in actors:
            raise CodebookError(f"{where}: actor id {actor_id!r} is used twice.")
        fields = {k: _strings(entry.get(k), f"{where} ({actor_id}) field '{k}'") for k in ACTOR_FIELDS + ("groups", "homonym_cues")}
        actors[actor_id] = Actor(
            id=actor_id, name=str(entry.get("name") or actor_id), type=str(entry.get("type") or "other"),
            country=str(entry.get("country") or ""), sector=str(entry.get("sector") or ""), **fields,
        )
    return actors


def _date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CodebookError(f"{where}: {value!r} is not a date (YYYY-MM-DD).") from None


def _load_persons(path: Path, actors: dict[str, Actor]) -> list[Person]:
    entries = _read_yaml(path).get("persons") or []
    persons = []
    for i, entry in enumerate(entries, start=1):
        where = f"{path.name} entry {i}"
        if not isinstance(entry, dict) or not entry.get("name"):
            raise CodebookError(f"{where}: every person needs a 'name' (got {entry!r}).")
        where = f"{where} ({entry['name']})"
        roles = []
        for role in entry.get("roles") or []:
            if not isinstance(role, dict) or role.get("actor") not in actors:
                raise CodebookError(f"{where}: role {role!r} names no actor id from actors.yaml.")
            roles.append(
                Role(
                    actor=role["actor"],
                    role=str(role.get("role") or ""),
                    start=_date(role.get("start"), where),
                    end=_date(role.get("end"), where),
                )
            )
        default = str(entry.get("actor") or "")
        if default and default not in actors:
            raise CodebookError(f"{where}: actor {default!r} is not an id in actors.yaml.")
        persons.append(
            Person(
                name=str(entry["name"]),
                variants=_strings(entry.get("variants"), where),
                actor=default,
                roles=tuple(roles),
            )
        )
    return persons
