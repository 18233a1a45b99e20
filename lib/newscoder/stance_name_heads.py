"""An organisation named again by the last word of its name: "the force", "the community".

"The Andean Peace Force landed in Quito on Monday. ... Peru pledged officers to *the force*": a
definite common noun that names no actor of its own refers back to the organisation the article
named last by a name of two words or more ending in that noun, as "the army" refers back to the
army named before (rule `head_of_a_name_before`, codebook/README.md "Who is meant"). A guess at
what the noun refers to: the row is medium at most (its party's `how` is no name).
Word lists: `referring_determiners` in codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .entities import Mention
    from .stance import Party, StatementCoder, _Context

NAMED_KINDS = frozenset({"actor", "institution"})  # a body named by its own name, not "Chilean troops"
HOW = "head_of_a_name_before"


def head_of_a_name_before(coder: StatementCoder, head: Token, m: Mention | None, ctx: _Context) -> list[Party] | None:
    """The organisation a definite singular noun refers back to by the last word of its name: "The
    Andean Peace Force landed ... Peru pledged officers to *the force*" -> the Andean Peace Force.

    coder (StatementCoder): the coder, for its word lists.
    head (Token): the noun; a common noun in the singular with "the", "this" or "that".
    m (Mention | None): the noun's own mention; it must name no actor.
    ctx (_Context): the mentions of the document.
    RETURNS (list[Party] | None): the actor of the last name before the noun, of two words or more,
        whose last word has the noun's lemma; None when it does not apply.
    """
    from .stance import Party

    if (m is not None and m.actor_id) or head.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in coder.rules.referring_determiners for c in head.children):
        return None
    if any(c.dep_ in ("amod", "compound", "poss") and c.i in ctx.mention_at for c in head.children):
        return None  # "the Chilean force", "Peru's force": the modifier says whose it is
    lemma = head.lemma_.lower()
    doc = head.doc
    before = [o for o in ctx.mention_at.values()
              if o.end <= head.i and o.actor_id and o.kind in NAMED_KINDS and o.end - o.start >= 2
              and doc[o.end - 1].lemma_.lower() == lemma]
    if not before:
        return None
    last = max(before, key=lambda o: o.start)
    return [Party(last.actor_id, "", HOW, last.start_char)]
