"""Where an act lands when it names no actor: the country of its unnamed victims or places.

"Police detained dozens of people in Novara", "the militia seized the town": event data code the
target of such an act as the country it happens in (a civilian of that country), not as nobody.
The statement coder asks `victims_country` (target rule `victims_in_place` or `victims_at_home`)
only when no other target rule found an actor; word lists are in codebook/stance_rules.yaml
(`victim_categories`, `victim_nouns`, `home_sectors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token
from unidecode import unidecode

from .codebook import fold

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context


@dataclass(frozen=True)
class Geography:
    """Where the codebook's places lie and where its groups are at home."""

    place_country: Mapping[str, str] = field(default_factory=dict)  # fold(place name) -> state id
    home: Mapping[str, str] = field(default_factory=dict)  # group or community id -> its home state
    states: frozenset[str] = frozenset()  # the codebook's states, with or without places listed

    @classmethod
    def of(cls, places: Mapping[str, str], homes: Mapping[str, str], states: Iterable[str] = ()) -> Geography:
        """From place names -> state (non_actors.yaml `places`), actor id -> home country, and the
        ids of the codebook's states (actors.yaml type state or de_facto_state)."""
        table: dict[str, str] = {}
        for name, country in sorted(places.items()):
            for form in (name, unidecode(name)):
                table.setdefault(fold(form), country)
        return cls(table, dict(homes), frozenset(states))

    def country_of_place(self, name: str) -> str:
        """The state a place name lies in ("" if the codebook does not know it)."""
        return self.place_country.get(fold(name)) or self.place_country.get(fold(unidecode(name)), "")


def victims_country(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], ctx: _Context) -> tuple[list[Party], str] | None:
    """The country of an act's unnamed victims or place, for a material conflict verb
    (`victim_categories`) whose object or "on/at/against" phrase is a word of `victim_nouns`
    ("people", "civilians", "dozens", "the town", "a police station"):
    1. a codebook place or a state named as a place in the act's own phrases: "Police detained
       forty people *in Novara*" -> ITA (`target:victims_in_place`);
    2. else the source's home, when the source is a group with a home country or a state's body
       that acts at home (`home_sectors`: police, courts): "the Tigrayan militia seized the town"
       -> ETH, "Bolivian police detained dozens" -> BOL (`target:victims_at_home`).
    An army or a government without a place says nothing of where ("troops killed twelve people":
    no row by this rule).
    """
    from .stance import OBJECT_DEPS, Party, _phrases_of

    geography: Geography | None = coder.geography
    if geography is None or entry.pos != "VERB" or entry.plover not in coder.rules.victim_categories or not sources:
        return None
    heads = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}]
    heads += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "against", "upon", "into")
              for g in c.children if g.dep_ == "pobj"]
    nouns = [h for h in heads if h.lemma_.lower() in coder.rules.victim_nouns or h.lower_ in coder.rules.victim_nouns]
    if not nouns:
        return None
    for t in _phrases_of(token):
        m = ctx.mention_at.get(t.i)
        if m is None or m.kind != "place":
            continue
        country = m.actor_id or geography.country_of_place(m.text)
        if country:
            return [Party(country, how="victims_in_place")], "target:victims_in_place"
    homes = []
    for s in sources:
        home = geography.home.get(s.actor, "")
        if not home and ctx.sector_at.get(s.start_char, "") in coder.rules.home_sectors:
            home = s.actor
        if home:
            homes.append(Party(home, how="victims_at_home"))
    return (homes[:1], "target:victims_at_home") if homes else None
