"""Private persons named by their nationality: "a British aid worker" is not Britain acting.

A demonym counts for its state when it qualifies the state's officials, forces or people acting
as a public ("Kenyan troops", "Serbian students protested"). When it only tells the nationality
of a few private persons ("a British aid worker", "two French volunteers", "some 300 Britons",
"Russian nationals"), the persons speak and act for no state (STATEMENTS_MANUAL 2: speech by
private persons is not coded; ENTITIES_MANUAL: their own actor is ""). The statement coder marks
such a party `national` (`private_national`): it is never a source (rule `private_national`,
codebook/README.md "Who is meant"); as a target it stays the state, with the sector the entity
finder gave it ("rebels kidnapped a British aid worker" -> GBR, LAB), as the development gold
codes persons acted upon.
Word lists: `nationality_nouns`, `private_person_nouns` and `private_sectors` in
codebook/stance_rules.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .entities import Mention
    from .stance_rules import StanceRules

NATIONAL = "national"  # Party.how of a private person's nationality
ONE_NATIONAL_MARK = "+one_national"  # how entities.py marks "a Canadian", "an Iraqi who fled"
COUNTING_DETERMINERS = frozenset({"a", "an", "one"})


def _counted(noun: Token) -> bool:
    """Is the noun one person or a number of persons: "*a* journalist", "*two* volunteers", "*300* Britons"?"""
    return any((c.dep_ == "det" and c.lower_ in COUNTING_DETERMINERS) or (c.dep_ == "nummod" and c.like_num) for c in noun.children)


def private_national(token: Token, m: Mention, rules: StanceRules) -> bool:
    """Does this demonym only tell the nationality of private persons?

    True for a demonym written as a singular noun with a determiner ("a Briton", "the first
    Briton") or as a plural
    one that counts persons ("some 300 Britons", "other Britons", `national_quantifiers`); for
    one qualifying a noun of nationality ("Russian *nationals*", "French *citizens*"); and for one
    qualifying a counted person noun of a private sector or of `private_person_nouns` ("*an*
    American journalist", "*two* French volunteers", "*a* British woman"). "Serbian students
    marched" (a public, not counted) and "two Kenyan soldiers" (a state's body) stay the state.
    token (Token): the demonym's last token.
    m (Mention): its mention.
    rules (StanceRules): the word lists.
    RETURNS (bool): whether the demonym names no acting state.
    """
    if m.kind != "demonym":
        return False
    if ONE_NATIONAL_MARK in m.rule:
        return True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("amod", "compound", "nmod"):
        if token.tag_ in ("NN", "NNP") and any(c.dep_ == "det" for c in token.children):
            return True  # "the first Briton killed": one person (not "Kenyan and Ugandan officials")
        # "300 Britons", "other Britons" (not "the Russians", the state)
        return _counted(token) or any(c.lower_ in rules.national_quantifiers for c in token.children if c.dep_ in ("det", "amod", "compound", "nummod", "predet"))
    noun = token.head
    if token.dep_ not in ("amod", "compound", "nmod") or noun.i == token.i:
        return False
    lemma = noun.lemma_.lower()
    if lemma in rules.nationality_nouns or noun.lower_ in rules.nationality_nouns:
        return True
    private = m.sector in rules.private_sectors or lemma in rules.private_person_nouns or noun.lower_ in rules.private_person_nouns
    # "two French volunteers", "the British journalist" (one person, whatever the determiner)
    single = noun.tag_ == "NN" and any(c.dep_ == "det" for c in noun.children)
    return private and (_counted(noun) or single)
