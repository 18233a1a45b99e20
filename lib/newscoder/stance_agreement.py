"""Who a noun phrase cannot stand for: number agreement, and the owner of a relational noun.

"Peru said that *they* had attacked Bolivia": "they" is not Peru, a single name; the clause's doer
is someone the sentence does not name, and the speaker is never the source of its act. "Peru and
Chile said they would meet" and "Peruvian officials said they had" keep their antecedent. A
plural pronoun (`plural_pronouns` in codebook/stance_rules.yaml) stands for no singular proper
noun without conjuncts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance_rules import StanceRules


def plural_for_single_name(rules: StanceRules, pronoun: Token, antecedent: Token) -> bool:
    """Is this a plural pronoun whose would-be antecedent is one singular name ("Peru said *they*")?

    rules (StanceRules): the word lists (`plural_pronouns`).
    pronoun (Token): the pronoun.
    antecedent (Token): the head of the phrase it would stand for.
    RETURNS (bool): True when the two cannot agree in number.
    """
    if pronoun.lower_ not in rules.plural_pronouns or antecedent.tag_ != "NNP":
        return False
    return not antecedent.conjuncts and not any(c.dep_ == "cc" for c in antecedent.children)


def relational_noun(rules: StanceRules, noun: Token) -> bool:
    """Does this noun name another party by its relation to its possessor (`relational_nouns`:
    "*its neighbour* attacked B", "Chile's allies")? Then the possessor is not the party: "Peru said
    its neighbour had attacked Bolivia" is no act of Peru. A name in apposition still says who
    ("its neighbours, Uganda and Tanzania"); a demonym says where they are from ("Syrian allies").

    rules (StanceRules): the word lists (`relational_nouns`).
    noun (Token): the head of the phrase.
    RETURNS (bool): True for such a noun.
    """
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in rules.relational_nouns
