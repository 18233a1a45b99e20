"""Acts named as the topic of a discussion: "discussed *punishing* Peru" is talk, not punishment.

A gerund that is the object of a verb of discussing or weighing (`topic_verbs` in
codebook/stance_rules.yaml: discuss, debate, weigh, ...), or of its "about" / "on" phrase ("talked
*about expelling* the envoy", "talks *on lifting* sanctions"), names what is talked about; the text
does not tell the act as done. Such an act is hypothetical (modality rule `topic_of_discussion`);
the discussion itself is coded by its own entry. A gerund after other verbs keeps its modality
("finished *withdrawing* its troops" is done).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance import StatementCoder

TOPIC_PREPS = ("about", "on", "over")  # "talked *about* expelling", "talks *on* lifting sanctions"


def topic_of_discussion(coder: StatementCoder, token: Token) -> str:
    """A gerund told as the topic of a discussion: "Chile is happy to discuss *punishing* Peru",
    "the ministers talked about *expelling* Peruvian diplomats" -> hypothetical; else ""."""
    if token.tag_ != "VBG":
        return ""
    head = token.head
    if head.i == token.i:
        return ""
    if token.dep_ == "pcomp" and head.lower_ in TOPIC_PREPS and head.head.i != head.i:
        head = head.head  # "talked about expelling": through the preposition to the verb or noun
    elif token.dep_ not in ("xcomp", "dobj", "ccomp"):
        return ""
    return "hypothetical" if head.lemma_.lower() in coder.rules.topic_verbs else ""
