"""Set phrases that look like acts but tell none (three trigger filters).

- A briefing's topic: "Chilean officials spoke *on condition of anonymity to discuss* relations
  with Peru", "the minister spoke to reporters to discuss the talks": the "to" infinitive of a
  verb of speaking (`briefing_verbs`) names what the speaker told the press about; it is no
  consultation with the actor named in its object. When the speaking names a listener other than
  the press ("spoke with the Peruvian minister to discuss trade"), that talk may be an act, and
  the infinitive is its purpose (the filter `purpose_of_another_act` keeps the talk).
- Travel advice: "Britain *advised against travel* to Peru", "cautioned its citizens against
  travelling to Peru", "issued a *travel advisory* for Peru": a government's advice to its own
  citizens (`advice_verbs` with a `travel_nouns` word as what is advised against), no act toward
  the country named. A travel *ban* on a country ("imposed a travel ban on Peru") is an act and
  is not touched, and neither is a warning ("warned B against a visit to C" may be a threat).
- Collecting material: "a UN team is to *gather evidence* of the militia's crimes": a verb of
  assembling or meeting (a symmetric entry) whose object is material collected
  (`collected_objects`) gathers things, not parties; it is no meeting with the actor named in the
  object's phrase. An entry that needs that object word is the lexicon's own choice and is kept.
Word lists are in codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import StatementCoder


def topic_of_a_briefing(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """The "to" infinitive of a verb of speaking to the press is the topic of what was said:
    "officials spoke on condition of anonymity *to discuss* ties with B" tells no consultation.

    Only for a speaking verb (`briefing_verbs`) that is no trigger itself and whose "to"/"with"
    phrases name only the press (`press_nouns`), if anything.
    """
    head = token.head
    if token.dep_ not in ("advcl", "xcomp") or head.i == token.i or head.lemma_.lower() not in coder.rules.briefing_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or coder.trigger_of(head) is not None:
        return False
    listeners = [g for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
                 for g in c.children if g.dep_ == "pobj"]
    return all(g.lemma_.lower() in coder.rules.press_nouns or g.lower_ in coder.rules.press_nouns for g in listeners)


def travel_advice(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """Advice against travel is addressed to one's own citizens: "Britain *advised* against travel
    to Peru", "*cautioned* its citizens against travelling to Peru", "issued a travel *advisory* for
    Peru" give no act toward Peru (`advice_verbs`, `travel_nouns`)."""
    rules = coder.rules
    holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "obj"))]  # "issued a travel *advisory*"
    words = {w.lemma_.lower() for w in holders}
    if not words & rules.advice_verbs:
        return False
    advised: list[Token] = []
    for holder in holders:
        advised += [c for c in holder.children if c.dep_ == "compound"]  # "a *travel* advisory"
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in ("against", "for")):
            objects = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
            advised += [w for g in objects for w in (g, *g.conjuncts)]  # "against all but essential *travel*"
    return any(w.lemma_.lower() in rules.travel_nouns or w.lower_ in rules.travel_nouns for w in advised)


def collecting_material(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A verb of meeting (a symmetric entry) whose direct object is material collected (`collected_objects`: evidence, testimony,
    information): "the team is to *gather* evidence of B's crimes" gathers things, no meeting with
    B. Not for an entry that names that object itself (`Trigger.objects`)."""
    if entry.pos != "VERB" or not entry.symmetric:
        return False
    words = {w for c in token.children if c.dep_ in ("dobj", "obj") for w in (c.lemma_.lower(), c.lower_)}
    return bool(words & coder.rules.collected_objects) and not words & entry.objects
