"""Backers named by a "with the help of" phrase: partners of the act, never its targets.

"Peru retook the town *with the backing of Chilean forces*", "attacked the rebels *with Chile's
help*", "*with Chilean support*": the "with" phrase's noun (`backing_nouns` in
codebook/stance_rules.yaml) names help given to the source, and its owner (the "of" phrase, the
possessor or the demonym) backs the act. STATEMENTS_MANUAL 8.5: partners are not targets, and
the backing is a description ("US-backed fighters attacked ISIS" is the fighters' act only), so
the backer is neither the target nor a second source. "Peru signed a deal with Chile" (no such
noun) keeps Chile as its partner in the act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance_rules import StanceRules

BACKER = "backer"  # Party.how of an actor a backing phrase names


def backing_phrase(rules: StanceRules, prep: Token) -> bool:
    """Is this a "with" phrase whose object is a noun of help or backing (`backing_nouns`)?

    rules (StanceRules): the word lists.
    prep (Token): a preposition.
    RETURNS (bool): True for "with the backing of B", "with B's help", "with Chilean support".
    """
    if prep.lower_ != "with":
        return False
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" and g.lemma_.lower() in rules.backing_nouns for g in prep.children)
