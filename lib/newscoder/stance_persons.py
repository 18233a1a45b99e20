"""Whom a subject "he" or "she" stands for: the person who was the subject of the sentence before.

"Chilean President A spoke after meeting Peru's foreign minister B. *He* accused Bolivia ...": a
subject pronoun that opens a new sentence continues its subject, the person the sentence before was
about, not the last person named in it (B, an object). The statement coder asks
`person_subject_continued` before falling back to the last person the article named (rule
`person_subject_continued`, codebook/README.md "Who is meant"; confidence low, as any pronoun
across sentences).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .stance import Party, _Context

PERSON_SUBJECT_PRONOUNS = frozenset({"he", "she"})


def person_subject_continued(head: Token, ctx: _Context) -> list[Party] | None:
    """A "he"/"she" that is the main subject of its sentence, with no person named before it there:
    the actors of the previous sentence's main subject when that subject is a person (or itself a
    "he"/"she" resolved so). "Chilean President A met Peru's envoy B. *He* accused Bolivia" -> Chile.
    None when it does not apply."""
    if head.lower_ not in PERSON_SUBJECT_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass") or head.head.i != head.sent.root.i:
        return None
    before, found = ctx.previous_subject
    if before is None or not found:
        return None
    mention = ctx.mention_at.get(before.i)
    if not ((mention is not None and mention.kind == "person" and mention.actor_id) or before.lower_ in PERSON_SUBJECT_PRONOUNS):
        return None
    if any(ctx.mention_at.get(j) is not None and ctx.mention_at[j].kind == "person" for j in range(head.sent.start, head.i)):
        return None  # a person named before it in its own sentence comes first
    return [replace(p, how="pronoun") for p in found]
