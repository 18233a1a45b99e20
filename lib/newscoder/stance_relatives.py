"""A relative clause's act is the antecedent's or its own subject's, never an outer actor's; so
is a participle's that describes people (a reduced relative clause).

"Turkey will enter the province *where* fought the Kurdish-led forces, Akar said": the clause's
verb has no subject the parser found; the actors named before it (Akar, Turkey) are outside the
clause, and the speaker reports the sentence, not the clause's act. STATEMENTS_MANUAL 8.5: the
source of an act in a relative clause is its antecedent ("the PKK, *which* has attacked ...",
source rule `relative_clause`) or the clause's own subject ("the region where *Peruvian
forces* fought", rule `subject`); with neither, there is no source and no statement.

"Turkey threatened the Kurdish-led *forces working with* US troops": the participle describes the
forces, a reduced relative clause ("forces that work with US troops"); the cooperation is theirs,
not Turkey's. When the noun names people (an agent noun the entity step found) but no actor,
the act has no source; "Turkey launched a campaign *targeting* B" (a campaign is no people) is
still the launcher's (the subject rule).
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
    speaker are not taken for its doer ("A said its troops would enter the province *where fought*
    the rebels" is no act of A's). None when the verb is in no relative clause or has a subject."""
    if entry.pos != "VERB" or coder._subject(token) is not None:
        return None
    return [] if clause_of(token).dep_ == "relcl" else None



def participle_of_unnamed_people(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """An "-ing" participle describing people whose actor is unknown ("the Kurdish-led *forces*
    working with B", an agent noun with no actor) has no source: never the subject of the verb the
    noun hangs on. None when the noun is no such mention (`noun_of_participle` takes named ones)."""
    if entry.pos != "VERB" or token.dep_ != "acl" or token.tag_ != "VBG" or token.head.i == token.i:
        return None
    mention = ctx.mention_at.get(token.head.i)
    if mention is None or mention.actor_id or mention.kind not in ("agent", "person"):
        return None
    return []
