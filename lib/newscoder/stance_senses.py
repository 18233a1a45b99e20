"""Trigger words read in their sense: the same verb can be a meeting or a battlefield encounter,
a fight or an argument, a material alliance or a phrase that only describes one.

Each sense is an entry condition of codebook/triggers.yaml, so a reader can see which entry it
narrows; the code below only tests it on the parse:

- `unless_objects`: the entry is no act when its direct object, or the object of its "with",
  is one of these words (for all its lemmas, or per lemma): "met the deadline", "met stiff
  resistance", "gathered evidence"; "discussed the deadline" stays talks.
- `unless_forces`: the entry (or the lemmas named) is no act when armed forces are on both sides (`force_nouns` of
  codebook/stance_rules.yaml as the head of the subject and of the object, or a subject of
  forces with no object): "troops met government forces on the plateau" is an encounter in
  the field, not talks; "the envoy met the troops' commander" is still a meeting.
- `describes_as_participle`: a participle of the entry that modifies a noun describes who
  that noun's bearers are, it tells no act of its own (STATEMENTS_MANUAL 8.5, "the backing is
  a description"): "forces backed by Chile attacked the rebels", "militias backing the
  government".
- `persons_sense`: another entry coded instead when the act's source is a person (a named person
  or an office-holder) and no party is armed (`armed_sectors` of triggers.yaml): "the two
  presidents clashed over the quota" is an argument (ACCUSE, verbal), "troops clashed with
  rebels" a fight (ASSAULT).

The first three are trigger filters (`TRIGGER_FILTERS`; a dropped trigger keeps the filter's
name in uncoded.csv); the last is applied once the parties are found (`sense_of_parties`), and
the row's `rule` names the entry it chose and `+sense:persons`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context

PERSONS = "persons"  # the rule note of a sense chosen by the parties: `+sense:persons`
_DIRECT_OBJECT_DEPS = ("dobj", "obj", "attr", "oprd")


def _heads_of_conj(token: Token) -> list[Token]:
    """A noun and the nouns joined to it by "and"/"or": "weapons and money" -> weapons, money."""
    return [token, *(c for c in token.children if c.dep_ == "conj")]


def direct_objects(token: Token) -> list[Token]:
    """The trigger's direct objects and the objects of its own "with": "met *the deadline*",
    "met *with* stiff *resistance*", "clashed *with* the *troops*" (each with its conjuncts)."""
    found = []
    for child in token.children:
        if child.dep_ in _DIRECT_OBJECT_DEPS:
            found += _heads_of_conj(child)
        elif child.dep_ == "prep" and child.lower_ == "with":
            found += [h for g in child.children if g.dep_ == "pobj" for h in _heads_of_conj(g)]
    return found


def subjects(token: Token) -> list[Token]:
    """The trigger's active subjects with their conjuncts ("A and B met")."""
    return [h for c in token.children if c.dep_ in ("nsubj", "csubj") for h in _heads_of_conj(c)]


def _named(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def sense_by_object(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A trigger whose direct or "with" object says another sense, one that is no act toward
    anyone (the entry's `unless_objects`): "Peru *met* the deadline", "the column *met* stiff
    resistance", "the inspectors *gathered* evidence". "Peru met the Chilean envoy" is kept."""
    if not entry.unless_objects:
        return False
    lemma = token.lemma_.lower()
    words = frozenset(w for at, w in entry.unless_objects if at in ("*", lemma, token.lower_))
    return bool(words) and any(_named(o, words) for o in direct_objects(token))


def sense_between_forces(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """Armed forces meeting armed forces (the entry's `unless_forces`; `force_nouns`): "Peruvian
    troops *met* Chilean forces on the plateau", "the two armies *met* at the river" tell an
    encounter in the field, not talks. A meeting with a person is kept: "the troops' commander
    met the envoy", "Chilean troops met village elders"."""
    if not entry.unless_forces & {"*", token.lemma_.lower(), token.lower_}:
        return False
    forces = coder.rules.force_nouns
    subj = subjects(token)
    if not subj or not all(_named(s, forces) for s in subj):
        return False
    objects = direct_objects(token)
    return all(_named(o, forces) for o in objects)


def participle_of_partner(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A participle of an entry with `describes_as_participle` that modifies a noun: it says who
    the noun's bearers are, not what anyone did (STATEMENTS_MANUAL 8.5): "Peruvian forces *backed*
    by Chile attacked the rebels", "militias *backing* the government". The finite verb is an act:
    "Chile backed the Peruvian forces", "the militias, which Chile backs, ...". """
    if not (entry.describes_as_participle and entry.pos == "VERB" and token.dep_ == "acl" and token.tag_ in ("VBN", "VBG")):
        return False
    # a clause with its own subject is the noun's content, not a participle on it: "the claim *that* Bolivia had backed Peru"
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)


def _armed(coder: StatementCoder, party: Party, ctx: _Context) -> bool:
    """Is the party armed: its mention plays in an armed sector (`armed_sectors`: "Chilean troops",
    "the rebels"), or, with no mention, the sector it was given?"""
    sector = ctx.sector_at.get(party.start_char, "") if party.start_char >= 0 else party.sector
    return sector in coder.lexicon.armed_sectors


def sense_of_parties(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], targets: list[Party],
                     ctx: _Context) -> tuple[Trigger, str]:
    """The entry to code once the parties are found: the entry's `persons_sense` when a source is a
    person and no source or target is armed ("President Arce *clashed* with Chile over the quota":
    an argument, ACCUSE -1 verbal), else the entry itself ("Chilean troops clashed with Peruvian
    soldiers", "Arce's forces clashed with the rebels": a fight). With a target the argument is one
    way, the subject's ("A clashed with B"); told of a joint subject with none ("A and B clashed")
    it stays a joint act, both ways.
    coder (StatementCoder): the coder (its lexicon).
    token (Token): the trigger.
    entry (Trigger): the entry it triggered.
    sources (list[Party]): the sources found.
    targets (list[Party]): the targets found.
    ctx (_Context): the document's mentions and their sectors.
    RETURNS (tuple[Trigger, str]): the entry to code and the rule note (`persons`), or (entry, "").
    """
    other = coder.by_id.get(entry.persons_sense) if entry.persons_sense else None
    if other is None or not any(p.person for p in sources):
        return entry, ""
    if any(_armed(coder, p, ctx) for p in sources + targets):
        return entry, ""
    # "A clashed with B" is A's disapproval of B (one way, as any verbal act); "A and B clashed" stays joint
    return replace(other, symmetric=entry.symmetric and not targets), PERSONS
