"""A state moving its own forces: the act is aimed at the place they leave or enter, never at them.

"Peru said it was pulling Peruvian troops out of Bolivia", "Argentina will send its soldiers into
Uruguay": the object of a withdrawal or deployment is the source's own armed forces, which are the
means of the act, not whom it is toward (a domestic act, manual 8.3, needs a target of the same
country acted *upon*: "the army shelled rebel positions"). The country named by the movement's
"from", "out of", "into" or "to" phrase is the target (`target:place_left_or_entered`); with no
such place the own forces are no target either. Which categories are movements and which
prepositions name the place moved from or to is data: `own_force_categories` and `movement_preps`
in codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context

PLACE_MOVED = "place_left_or_entered"  # the target rule's name
PLACE_LEFT = "place_left"  # the target rule of a retreat told without an object


def own_forces_moved(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party],
                     ctx: _Context) -> tuple[list[Party], str] | None:
    """The country a movement of the source's own forces leaves or enters, for a trigger of
    `own_force_categories` whose object names armed forces (`force_nouns`, or the military
    sector) of only the source's own actors ("withdrew *its troops* from B", "deployed *Peruvian*
    soldiers into B"; not "released Norwegian hostages").

    coder (StatementCoder): the coder (its rules and noun-phrase reading).
    token (Token): the trigger.
    entry (Trigger): its lexicon entry.
    sources (list[Party]): the sources found.
    ctx (_Context): the document's mentions.
    RETURNS (tuple[list[Party], str] | None): None when the rule does not apply (no movement, or
        the object names someone else); else the countries of the places moved from or to, maybe
        none, and "target:place_left_or_entered".
    """
    if entry.plover not in coder.rules.own_force_categories or not sources:
        return None
    own = {p.actor for p in sources}
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj") and _forces(coder, c, ctx)]
    moved = [p for o in objects for p in coder.parties(o, ctx)]
    if not moved or {p.actor for p in moved} - own:
        return None
    return [p for p in _places_moved(coder, token, ctx, coder.rules.movement_preps) if p.actor not in own], f"target:{PLACE_MOVED}"


def place_left(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party],
               ctx: _Context) -> tuple[list[Party], str] | None:
    """The country a retreat told without an object leaves, named by one of `leaving_preps`:
    "Chilean units pulled *out of Peru*", "the rebels moved *away from* Bolivia" (the parser may
    hang "out" as a preposition whose "of" no other target rule reads). Not "withdrew *to* B".
    With an object, the country that what is handed back goes to, named by `returning_preps`:
    "returned the border towns *to Peru*" (the entity step reads "to Peru" after "return" as a place).

    coder (StatementCoder): the coder (its rules and noun-phrase reading).
    token (Token): the trigger.
    entry (Trigger): its lexicon entry, of a category of `from_place_categories`.
    sources (list[Party]): the sources found.
    ctx (_Context): the document's mentions.
    RETURNS (tuple[list[Party], str] | None): the countries left, not the source's own, and
        "target:place_left"; None when the rule does not apply or names no one.
    """
    if entry.plover not in coder.rules.from_place_categories or not sources:
        return None
    own = {p.actor for p in sources}
    has_object = any(c.dep_ in ("dobj", "obj") for c in token.children)  # own forces moved: `own_forces_moved`
    preps = coder.rules.returning_preps if has_object else coder.rules.leaving_preps
    left = _places_moved(coder, token, ctx, preps)
    for particle in (c for c in token.children if c.dep_ in ("advmod", "prt") and c.lower_ not in preps):
        left += _places_moved(coder, particle, ctx, preps)  # "pulled back *from* B", "handed it back *to* B": on "back"
    from .stance import _unique

    left = _unique([p for p in left if p.actor not in own])
    return (left, f"target:{PLACE_LEFT}") if left else None


def _forces(coder: StatementCoder, noun: Token, ctx: _Context) -> bool:
    """Does this object name armed forces: a noun of `force_nouns` ("its *troops*", "Peruvian
    *soldiers*") or a mention of the military sector? Hostages or diplomats are not forces."""
    if noun.lemma_.lower() in coder.rules.force_nouns or noun.lower_ in coder.rules.force_nouns:
        return True
    m = ctx.mention_at.get(noun.i)
    return m is not None and ctx.sector_at.get(m.start_char, "") == "MIL"


def _places_moved(coder: StatementCoder, token: Token, ctx: _Context, preps: frozenset[str]) -> list[Party]:
    """The actors named by the trigger's own movement phrases of `preps` ("*from* B", "*out of* B",
    "*into* B"), as places or as states: "out of" is read through its "of"."""
    from .stance import Party, _unique

    found: list[Party] = []
    for prep in (c for c in token.children if c.dep_ in ("prep", "prt") and c.lower_ in preps):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        objects += [g for of in prep.children if of.dep_ == "prep" and of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]
        if prep.dep_ == "prt":  # "pulled out of B": the particle's "of" may hang on the verb
            objects += [g for of in token.children if of.dep_ == "prep" and of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]
        for obj in objects:
            m = ctx.mention_at.get(obj.i)
            if m is not None and m.actor_id and m.kind == "place":
                found.append(Party(m.actor_id, how="place", start_char=m.start_char))
            else:
                found += coder.parties(obj, ctx)
    return _unique(found)
