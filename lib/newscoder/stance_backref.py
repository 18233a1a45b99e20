"""Acts named again by a definite noun: whom "the attack" or "the talks" refers back to.

"Chad shelled Niger on Monday. Mali condemned *the attack*": the condemnation is aimed at whoever
carried out the attack told before, though the sentence names no one. The statement coder keeps
the acts it has read (`ToldAct`, one per trigger with a source, asserted) and, for a verbal act
whose object is such a noun and which no other rule gave a target, asks `doers_of_act_named`
(target rule `doers_of_act_named`, a back-reference: confidence low). Word lists live in
codebook/stance_rules.yaml (`referring_determiners`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context


@dataclass(frozen=True)
class ToldAct:
    """An asserted act the article has told: its category, trigger lemma and parties."""

    plover: str
    lemma: str
    symmetric: bool
    sources: tuple[Party, ...]
    targets: tuple[Party, ...]
    sent_start: int  # the first token of its sentence
    token: int  # its trigger's index


def remember_act(ctx: _Context, token: Token, entry: Trigger, sources: list[Party], targets: list[Party], modality: str) -> None:
    """Keep an asserted act with a source for later back-references ("Chad *shelled* Niger")."""
    if modality != "asserted" or not sources:
        return
    ctx.told_acts.append(ToldAct(entry.plover, token.lemma_.lower(), entry.symmetric, tuple(sources), tuple(targets),
                                 token.sent.start, token.i))


def _referring_object(coder: StatementCoder, token: Token, ctx: _Context) -> Token | None:
    """The trigger's direct object, or its passive subject, when it is a definite noun naming no
    actor ("condemned *the attack*", "*the attack* was condemned by C")."""
    from .stance import OBJECT_DEPS

    for obj in (c for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"} and c.pos_ == "NOUN"):
        determined = any(c.dep_ == "det" and c.lower_ in coder.rules.referring_determiners for c in obj.children)
        own = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound", "nmod", "prep", "acl", "relcl")]
        if determined and not any(coder.parties(c, ctx, 1) for c in own) and not coder.parties(obj, ctx):
            return obj
    return None


def doers_of_act_named(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], ctx: _Context) -> tuple[list[Party], str] | None:
    """The actors of an act told before that a verbal act's definite object names again: "Chad
    shelled Niger. Mali condemned *the attack*" -> MLI -> TCD; "Chad and Niger held talks. Mali
    welcomed *the talks*" -> MLI -> TCD, MLI -> NER. The object is a noun with "the", "this" or
    "that" (`referring_determiners`) and no actor of its own; it names the act when it is a noun
    trigger of the act's category or has the act's trigger lemma ("launched a missile ... the
    launch"). The act is the last such act the article told before the trigger, however far back
    (a definite description names the act last told of its kind); its doers are the target (for a
    joint act, all its parties), never the source itself. None when nothing is referred to.
    """
    if entry.mode != "verbal" or not sources:
        return None
    obj = _referring_object(coder, token, ctx)
    if obj is None:
        return None
    named = coder.trigger_of(obj)
    lemma = obj.lemma_.lower()
    own = {p.actor for p in sources}
    for act in reversed(ctx.told_acts):
        if act.token >= token.i and act.sent_start == token.sent.start:
            continue  # only what was told before the trigger
        if not (act.lemma == lemma or named is not None and named.pos == "NOUN" and named.plover == act.plover):
            continue
        parties = [*act.sources, *act.targets] if act.symmetric else list(act.sources)
        found = [replace(p, how="earlier_act") for p in parties if p.actor not in own]
        return (found, "target:doers_of_act_named") if found else None
    return None
