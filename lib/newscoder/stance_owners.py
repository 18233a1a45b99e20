"""Whose body a possessive names: "*its* government", "*their* troops" over the article's country.

The entity finder gives an agent noun with no country of its own ("the government", "troops") the
article's country when the article makes one state dominant (entities.py `_article_country`). A
possessive pronoun before the noun says whose body it is, and that beats the article-wide default:
in an article about Chile, "Chile accused Peru, saying *its* army had crossed the border" is Peru's
army. The statement coder asks `possessor_over_article_country` before taking such a mention's
actor (rule `possessor_over_article_country`, codebook/README.md "Who is meant").

A definite title refers back the same way: "Peru's foreign minister, Ana Ruiz, ... *the foreign
minister* said" is Peru's minister, whatever the article's country (`title_tied_before`,
`title_over_article_country`).
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


def _title_key(noun: Token, ctx: _Context) -> tuple[str, ...]:
    """The words that make a title, in lower case: its modifiers that name no actor (a demonym or
    possessor does; an agent noun's own words do not) and its head ("the *foreign minister*",
    "Israeli *Defense Minister* X")."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
             and not (c.i in ctx.mention_at and ctx.mention_at[c.i].actor_id and ctx.mention_at[c.i].kind != "agent")]
    return (*sorted(words), noun.lemma_.lower())


def title_tied_before(noun: Token, ctx: _Context) -> Party | None:
    """The actor an earlier mention of the same title stood for: "Peru's foreign minister, Ana
    Ruiz, flew to Quito. ... *the foreign minister* said" -> Peru (and Ruiz). A title is tied to an
    actor by a possessor or demonym ("Peru's / the Peruvian foreign minister"), by the person it
    names ("Foreign Minister Ana Ruiz", "the foreign minister, Ana Ruiz"), or by being a mention
    of the actor itself. The title must match in its modifiers too ("the defence minister" is not
    "the foreign minister"), and all its earlier ties must name one actor: after "A's defence
    minister met B's defence minister" the description picks out neither. The last tie before the
    noun gives the person. None when there is no single tie (rule `title_tied_before`, a
    back-reference: confidence low)."""
    from .stance import ACTOR_KINDS, Party

    key = _title_key(noun, ctx)
    doc = noun.doc
    ties: list[Party] = []
    for j in range(noun.i - 1, -1, -1):
        t = doc[j]
        if t.lemma_.lower() != key[-1] or _title_key(t, ctx) != key:
            continue
        linked = [t, *(c for c in t.children if c.dep_ in ("poss", "amod", "compound", "nmod", "appos"))]
        if t.dep_ == "compound" and t.head.i > t.i:
            linked.append(t.head)  # "Foreign Minister *Ruiz*"
        for c in linked:
            m = ctx.mention_at.get(c.i)
            if m is not None and m.actor_id and m.kind in ACTOR_KINDS:
                ties.append(Party(m.actor_id, m.person if m.kind == "person" else "", "anaphor", m.start_char))
                break
    # "A's defence minister met B's defence minister. ... the defence minister said": two offices of
    # that title were named, and the description picks out neither
    return ties[0] if ties and len({p.actor for p in ties}) == 1 else None


def title_over_article_country(coder: StatementCoder, head: Token, m: Mention, ctx: _Context) -> Party | None:
    """A definite title that took the article's country for want of its own ("the foreign
    minister" in an article about Chile) but was tied to another actor earlier in the article
    ("Peru's foreign minister, Ana Ruiz, ..."): that actor (`title_tied_before`). None when the rule
    does not apply or finds no tie (the mention keeps its own actor)."""
    if m.kind != "agent" or not any(mark in m.rule for mark in ARTICLE_DEFAULTS):
        return None
    if head.lemma_.lower() not in coder.lexicon.anaphors or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return None
    return title_tied_before(head, ctx)
