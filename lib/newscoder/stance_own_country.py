"""Acts at home that name nobody they are toward: the target is the source's own country.

"Peruvian teachers went on strike", "Chilean farmers protested on Monday": a protest or strike by
a country's people that names no one it is against is aimed at that country's government (PLOVER
codes such an act with the home government as target; the gold manual 8.3 codes a domestic act
when source and target differ in sector). "The Kenyan government lifted the curfew": a concession
by a country's state bodies that names no beneficiary is made to that country's people. Which
categories, which source sectors and which target sector are data: `own_country_targets` in
codebook/stance_rules.yaml, and `own_country_entries` for a trigger entry whose row differs from its
category's ("the Thai government imposed a curfew": a measure of control by the state itself). The target is a guess (nobody is named): the row is low confidence
(`own_country` in `confidence.remote_parties`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context
    from .stance_places import Geography

OWN_COUNTRY = "own_country"  # Party.how of a target that is the source's own country, named by nobody

_STATES: dict[int, frozenset[str]] = {}  # id(Geography) -> the states its places lie in


def _states(geography: Geography) -> frozenset[str]:
    """The codebook's states and the states it knows places of: the actors an act can be at home in."""
    key = id(geography)
    if key not in _STATES:
        _STATES[key] = frozenset(geography.place_country.values()) | frozenset(geography.home.values()) | geography.states
    return _STATES[key]


def home_of(party: Party, geography: Geography) -> str:
    """The state a source acts at home in: a state itself, or a group's home country ("" for none)."""
    home = geography.home.get(party.actor, "")
    if home:
        return home
    return party.actor if party.actor in _states(geography) else ""


def own_country_target(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party],
                       ctx: _Context) -> tuple[list[Party], str] | None:
    """The source's own country as the target of an act of `own_country_targets` that names none.

    Called only when no other target rule found an actor. The source must be named in the clause
    (not a pronoun or an earlier pair) with a sector of the category's `source_sectors`, and the
    clause must name no issue (a protest "over fuel prices" is coded toward the issue instead).
    coder (StatementCoder): the coder (its rules, geography and issues).
    token (Token): the trigger.
    entry (Trigger): its lexicon entry.
    sources (list[Party]): the sources found.
    ctx (_Context): the document's mentions and their sectors.
    RETURNS (tuple[list[Party], str] | None): ([the country, with the category's target sector],
        "target:own_country"), or None.
    """
    from .stance import Party

    wanted = [(sectors, sector) for entry_id, sectors, sector in coder.rules.own_country_entries if entry_id == entry.id]
    wanted = wanted or [(sectors, sector) for category, sectors, sector in coder.rules.own_country_targets if category == entry.plover]
    geography = coder.geography
    if not wanted or geography is None or not sources:
        return None
    source_sectors, target_sector = wanted[0]
    if coder.issue_of(token, token.doc):
        return None
    abroad = _places_abroad(token, ctx, geography)
    for source in sources:
        if source.start_char < 0 or ctx.sector_at.get(source.start_char, "") not in source_sectors:
            continue
        home = home_of(source, geography)
        if home and not abroad - {home}:
            return [Party(home, how=OWN_COUNTRY, sector=target_sector)], f"target:{OWN_COUNTRY}"
    return None


def _places_abroad(token: Token, ctx: _Context, geography: Geography) -> set[str]:
    """The states of the places the trigger's sentence names: an act told in a place of another
    state is not at home ("Kenyan police in Haiti fired at gang members" is not aimed at Kenya).
    RETURNS (set[str]): the states of the sentence's place mentions and of the states it names as places."""
    sent = token.sent
    states = set()
    for i in range(sent.start, sent.end):
        m = ctx.mention_at.get(i)
        if m is not None and m.kind == "place":
            country = m.actor_id or geography.country_of_place(m.text)
            if country:
                states.add(country)
    return states
