"""An attempt at force, told as done, is the use of force: "Peruvian troops *tried to storm* the
embassy", "the rebels *had begun attempting to seize* the towns" are asserted ASSAULT / COERCE.

PLOVER codes attempted material conflict as the act (an attempted assault is an assault); the
development gold codes "protesters who had tried to break through a cordon" as asserted. The
attempt must be told as done (past or perfect, or the infinitive of a verb told so: "had *begun*
attempting"); "will try to", "wants to try to" and "is trying to" stay planned (rule
`governing_plan`), and so does every attempt at a cooperative or verbal act ("tried to reach a
deal" tells no deal). The attempt verbs are `attempt_verbs` in codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance import StatementCoder


def told_as_done(verb: Token) -> bool:
    """Is this verb told as done: past ("tried"), perfect ("had tried"), with no modal; or a gerund
    or infinitive that a verb told as done takes ("had begun *attempting*", "began *to try*")?"""
    for current in (verb, verb.head):
        aux = [c for c in current.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ == "MD" for c in aux):
            return False
        if current.tag_ == "VBD" or current.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in aux):
            return True
        if current.dep_ != "xcomp" or current.head.i == current.i or current.tag_ not in ("VBG", "VB"):
            return False
    return False


def attempted_force(coder: StatementCoder, token: Token, attempt: Token) -> bool:
    """Is this trigger a material conflict act (stance -1) that an attempt verb told as done takes
    through "to"? "Peru *tried* to seize the post" -> True; "Peru will try to seize it",
    "Peru tried to reach a deal" -> False.

    coder (StatementCoder): the coder (lexicon and rules).
    token (Token): the trigger.
    attempt (Token): the verb it hangs on.
    RETURNS (bool): True when the attempt is the act, told as done.
    """
    if attempt.lemma_.lower() not in coder.rules.attempt_verbs or not told_as_done(attempt):
        return False
    entry = coder.trigger_of(token)
    return entry is not None and entry.mode == "material" and entry.stance < 0
