"""A relative clause's act is the antecedent's or its own subject's, never an outer actor's.

"Turkey will enter the province *where* fought the Kurdish-led forces, Akar said": the clause's
verb has no subject the parser found; the actors named before it (Akar, Turkey) are outside the
clause, and the speaker reports the sentence, not the clause's act. STATEMENTS_MANUAL 8.5: the
source of an act in a relative clause is its antecedent ("the PKK, *which* has attacked ...",
source rule `relative_clause`) or the clause's own subject ("the region where *Peruvian
forces* fought", rule `subject`); with neither, there is no source and no statement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context


def clause_of(token: Token) -> Token:
    """The verb of the clause a trigger belongs to, through "and" and "to" ("battled and *defeated*")."""
    top = token
    while top.dep_ in ("conj", "xcomp") and top.head.i != top.i:
        top = top.head
    return top


def relative_clause_without_subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A verb of a relative clause that neither its own subject nor a relative pronoun gave a
    source: no source (the search ends), so that the actors before the clause or the sentence's
    speaker are not taken for its doer. None when the verb is in no relative clause or has a subject."""
    if entry.pos != "VERB" or coder._subject(token) is not None:
        return None
    return [] if clause_of(token).dep_ == "relcl" else None

