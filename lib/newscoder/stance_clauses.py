"""Targets read from clauses around the trigger: the subject of its "that"-clause, and the
participle phrases of its object (who sent the thing acted on, where a way acted on leads).

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


# ---- participle phrases of the trigger's object ------------------------------------------------

_PARTICIPLE_TAGS = ("VBG", "VBN")
_PATH_PREPS = frozenset(("into", "to", "toward", "towards"))


def _object_participles(token: Token, objects: list[Token]) -> list[Token]:
    """The participles that describe the trigger's objects (direct, or of its own prepositions), also where the parser hangs
    them on a noun inside the object's own prepositional phrase ("assurances on trade *sent* from
    X": the parser reads "trade sent from X")."""
    out: list[Token] = []
    for obj in (o for o in objects if token.i in (o.head.i, o.head.head.i)):
        nouns = [obj, *(g for p in obj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")]
        out += [c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ in _PARTICIPLE_TAGS]
    return out


def maker_of_object_phrase(coder: StatementCoder, token: Token, objects: list[Token], sources: list[Party],
                           ctx: _Context) -> tuple[list[Party], str] | None:
    """Who made or sent the thing acted on, named in a participle phrase of the object.

    "welcomed assurances on trade sent from Peru", "rejected the report on the border written by
    Peru" -> the trigger is aimed at Peru: the participle's "by" agent or "from" phrase names the
    thing's maker. Called when no other target rule found an actor.
    coder (StatementCoder): the coder (its `parties`).
    token (Token): the trigger.
    objects (list[Token]): the trigger's objects and prepositional objects.
    sources (list[Party]): the sources found (never their own target).
    ctx (_Context): the document's mentions.
    RETURNS (tuple[list[Party], str] | None): (the makers, "target:maker_of_object"), or None.
    """
    own = {p.actor for p in sources}
    found: list[Party] = []
    for participle in _object_participles(token, objects):
        for prep in (c for c in participle.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "from")):
            found += [p for g in prep.children if g.dep_ == "pobj" for p in coder.parties(g, ctx) if p.actor not in own]
    return (found, "target:maker_of_object") if found else None


def places_along_object(coder: StatementCoder, token: Token, ctx: _Context) -> list:
    """The mentions a participle phrase of the trigger's object leads to: "cordoned off the roads
    *leading into* X", "blocked the highway *running to* X" (participles of `path_participles`,
    stance_rules.yaml). Where an act of force lands when its object is a way to a place.
    coder (StatementCoder): the coder (its rules).
    token (Token): the trigger.
    ctx (_Context): the document's mentions.
    RETURNS (list[Mention]): the mentions of the participles' path phrases, in text order.
    """
    # "cordoned off the roads": the parser may read the particle as a preposition with the object
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    found = []
    for participle in _object_participles(token, objects):
        if participle.lemma_.lower() not in coder.rules.path_participles:
            continue
        preps = [c for c in participle.children if c.dep_ == "prep" and c.lower_ in _PATH_PREPS]
        found += [ctx.mention_at[g.i] for p in preps for g in p.children if g.dep_ == "pobj" and g.i in ctx.mention_at]
    return found


# ---- lists the parser breaks up ------------------------------------------------------------------


def list_after_appositive(token: Token, ctx: _Context) -> list[Token]:
    """The rest of a list of names whose second member the parser read as an appositive.

    "Chile, the Netherlands, Peru and Norway welcomed ...": the parser hangs "the Netherlands" on
    "Chile" as an appositive and "Peru" and "Norway" on it as conjuncts. An appositive describes
    its noun and has no conjuncts of its own, so conjuncts that are names, hung on an appositive
    that is a name itself, continue the list (each is a party like the first).
    token (Token): the head of the noun phrase.
    ctx (_Context): the document's mentions.
    RETURNS (list[Token]): the conjuncts, in text order; [] when the appositive has none.
    """
    found: list[Token] = []
    for appos in (c for c in token.children if c.dep_ == "appos" and c.i in ctx.mention_at):
        found += [c for c in appos.conjuncts if c.i > appos.i and c.i in ctx.mention_at]
    return found


def one_name(parties: list[Party]) -> bool:
    """Do all these parties come from one name that stands for several actors (a PETRARCH compound
    code, `Mention.members`: "the Shire" [FRO/BIL/SAM])? Such a name is one party of a joint act
    ("the Shire restored ties with Lorien" is each of FRO, BIL, SAM with Lorien), not a pair
    acting together as "A and B" is.
    parties (list[Party]): the sources of a row.
    RETURNS (bool): True when there are two or more and all start at the same character.
    """
    starts = {p.start_char for p in parties}
    return len(parties) >= 2 and len(starts) == 1 and min(starts) >= 0


def complex_preposition_target(coder: StatementCoder, token: Token, sources: list[Party],
                               ctx: _Context) -> tuple[list[Party], str] | None:
    """The object of a three-word preposition of the trigger (`complex_prepositions`), as its target.

    "Chile acted rashly *with respect to* Peru", "Chile changed course *in relation to* Peru": the
    parser reads "with" + "respect" + "to Peru"; the phrase works as one preposition, and its last
    word's object is whom the act is toward. Called when no object or plain preposition named one.
    coder (StatementCoder): the coder (its rules and `parties`).
    token (Token): the trigger.
    sources (list[Party]): the sources found (never their own target).
    ctx (_Context): the document's mentions.
    RETURNS (tuple[list[Party], str] | None): (the actors, "target:complex_preposition"), or None.
    """
    own = {p.actor for p in sources}
    found: list[Party] = []
    for first in (c for c in token.children if c.dep_ == "prep"):
        for middle in (g for g in first.children if g.dep_ == "pobj"):
            for last in (c for c in middle.children if c.dep_ == "prep"):
                if (first.lower_, middle.lower_, last.lower_) in coder.rules.complex_prepositions:
                    found += [p for g in last.children if g.dep_ == "pobj" for p in coder.parties(g, ctx) if p.actor not in own]
    return (found, "target:complex_preposition") if found else None
