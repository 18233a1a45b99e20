"""A withdrawal or deployment told only as announced is planned: "the Chilean withdrawal from Peru,
*announced* by the president last week", "Chile *announced* the deployment of troops to Peru" ->
modality `future` (STATEMENTS_MANUAL 8.7: an announced act is coded as the act, future).

A noun has no tense of its own; the verb of announcing or ordering (`announcing_verbs` in
codebook/stance_rules.yaml), as the participle that describes it or as the verb whose object it
is, is all the text says of it. Only for the categories whose acts take time to carry out
(`announced_plan_categories`: moving or pulling back forces); sanctions and other acts done by
announcing them ("the Treasury announced sanctions on B") stay asserted, and so does a verb act
("Chile withdrew its troops").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance import StatementCoder


def announced_noun_act(coder: StatementCoder, token: Token) -> str:
    """A noun act of `announced_plan_categories` that an `announcing_verbs` participle describes
    ("the withdrawal, *announced* by A") or that such a verb, no trigger itself, takes as object
    ("A *announced* the deployment of troops to B") -> "future"; else ""."""
    rules = coder.rules
    if token.pos_ not in ("NOUN", "PROPN"):
        return ""
    entry = coder.trigger_of(token)
    if entry is None or entry.pos != "NOUN" or entry.plover not in rules.announced_plan_categories:
        return ""
    described = any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in rules.announcing_verbs for c in token.children)
    verb = token.head
    governed = (token.dep_ in ("dobj", "obj") and verb.i != token.i and verb.lemma_.lower() in rules.announcing_verbs
                and coder.trigger_of(verb) is None)
    # "criticised the withdrawal from B, *announced* last week": the parser may hang the participle on
    # the verb whose object the noun is; it still follows the noun's phrase, after a comma, with no subject
    described = described or any(
        c.dep_ == "advcl" and c.tag_ in ("VBN", "VBD") and c.lemma_.lower() in rules.announcing_verbs and c.i == token.right_edge.i + 2
        and token.doc[token.right_edge.i + 1].lower_ == "," and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in verb.children) if token.dep_ in ("dobj", "obj") and verb.i != token.i else described
    return "future" if described or governed else ""
