"""Targets read from a clause the trigger verb takes: the subject of its "that"-clause.

"Chile accepted that Peru had acted in good faith", "the council allowed that Norway was right": a
verb that is not a speech verb but takes a finite "that"-clause states something about the actor
the clause is about, its subject (PETRARCH's verb patterns read the first actor after such a verb
the same way). Speech verbs have their own rule (`target:reported_subject` in stance.py); this one
is for the other entries of the lexicon, and only when no object or prepositional phrase of the
verb named a target. A pronoun subject is left alone ("agreed that it would ..." tells the
source's own act), and so are joint acts (a symmetric entry: "A agreed that B should keep the
port" is A's view of B, not an agreement between A and B in both directions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .lexicon import Trigger
    from .stance import Party, StatementCoder, _Context

THAT_CLAUSE_SUBJECT = "that_clause_subject"
_SUBJECTS = ("nsubj", "nsubjpass")
_PRONOUNS = frozenset("i you he she it we they this that who which there".split())


def that_clause_subject(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party],
                        ctx: _Context) -> tuple[list[Party], str] | None:
    """The named subject of the trigger verb's "that"-clause, as the target.

    "Egypt allowed that Israel had a point" -> Egypt -> Israel. Called only when no other target
    rule found an actor, for verb entries that do not report speech.
    coder (StatementCoder): the coder (its `parties`).
    token (Token): the trigger verb.
    entry (Trigger): its lexicon entry.
    sources (list[Party]): the sources found (never a target of their own act here).
    ctx (_Context): the document's mentions.
    RETURNS (tuple[list[Party], str] | None): (the clause subject's actors,
        "target:that_clause_subject"), or None.
    """
    if entry.speech or entry.symmetric or entry.pos != "VERB" or token.pos_ not in ("VERB", "AUX"):
        return None
    own = {p.actor for p in sources}
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.lower_ in _PRONOUNS:
            continue
        named = [p for p in coder.parties(subject, ctx) if p.actor not in own]
        if named:
            return named, f"target:{THAT_CLAUSE_SUBJECT}"
    return None
