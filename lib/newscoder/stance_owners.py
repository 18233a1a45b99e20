"""Whose body a possessive names: "*its* government", "*their* troops" over the article's country.

The entity finder gives an agent noun with no country of its own ("the government", "troops") the
article's country when the article makes one state dominant (entities.py `_article_country`). A
possessive pronoun before the noun says whose body it is, and that beats the article-wide default:
in an article about Chile, "Chile accused Peru, saying *its* army had crossed the border" is Peru's
army. The statement coder asks `possessor_over_article_country` before taking such a mention's
actor (rule `possessor_over_article_country`, codebook/README.md "Who is meant").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .entities import Mention
    from .stance import Party, StatementCoder, _Context

# third-person possessives and the subject pronoun each repeats ("it had raised *its* readiness");
# "our" and "my" are the speaker's, whom the clause may not name
POSSESSIVE_OF = {"its": "it", "their": "they", "his": "he", "her": "she"}
OWNER_PRONOUNS = frozenset(POSSESSIVE_OF)
# how entities.py marks an actor taken from the article rather than from the phrase itself
ARTICLE_DEFAULTS = ("+article_country:",)


def possessor_over_article_country(coder: StatementCoder, head: Token, m: Mention, ctx: _Context, depth: int) -> list[Party] | None:
    """An agent noun whose actor is the article's country and whose possessor is a pronoun: the
    pronoun's actor, if it resolves to one. "Peru shelled the border town, and Chile said *its*
    troops had crossed into Chile" -> Peru's troops, not the article's Chile. None when the rule does
    not apply or the pronoun finds no actor (the mention keeps its own)."""
    if m.kind != "agent" or not any(mark in m.rule for mark in ARTICLE_DEFAULTS):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
    if owner is None:
        return None
    found = coder._party_of_head(owner, ctx, depth + 1)
    return found or None
