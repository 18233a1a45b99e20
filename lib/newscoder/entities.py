"""Entity mentions: spaCy NER plus codebook matching, resolved to actors and persons.

`EntityFinder(nlp, codebook)(doc, published)` runs in clear steps, each callable alone:

1. `match_codebook`: codebook names (persons, outlets, actor names, demonyms, metonyms,
   institutions) found with a PhraseMatcher, longest match first.
2. `merge_ner`: spaCy's entities that no codebook name explains are added; a PERSON entity that
   begins with a country name ("Israel Katz") is a person, not the country.
3. `resolve`: metonyms used as places lose their actor ("a visit to Ankara"); persons are linked
   within the document ("Katz" after "Israel Katz") and mapped to the actor they stood for on the
   publication date, through codebook roles or a title before the name ("Azerbaijani Defense
   Minister Zakir Hasanov").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from unidecode import unidecode

from .codebook import Codebook, Person, fold

# Which codebook match wins when two of equal length overlap: lower is stronger.
KIND_PRIORITY = {"outlet": 0, "non_actor": 0, "person": 1, "institution": 2, "actor": 3, "metonym": 4, "demonym": 5}
# A metonym that is the object of these prepositions names a place, not a government.
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "within", "around", "across", "throughout", "into"}
# ... and of these when they follow a word of movement ("a visit to Washington").
MOTION_PREPS = {"to", "from"}
MOTION_WORDS = {"visit", "trip", "travel", "fly", "flight", "return", "arrive", "arrival", "go", "come", "move", "head", "tour", "relocate", "journey", "drive"}
# Words after a person's name that make the name stand for a regime, not for the person.
REGIME_WORDS = {"regime", "era", "administration", "government", "doctrine", "family", "dynasty"}


@dataclass(frozen=True)
class Mention:
    """One entity mention, with offsets into the document text as read from the file."""

    start_char: int
    end_char: int
    start: int  # token offsets, for the steps that follow
    end: int
    text: str
    label: str  # NER label, or the codebook's kind of name (ACTOR, DEMONYM, METONYM, ...)
    kind: str  # actor | demonym | metonym | institution | place | person | outlet | non_actor | entity
    actor_id: str = ""
    person: str = ""
    rule: str = ""


class EntityFinder:
    """Find and resolve entity mentions in spaCy Docs with one codebook."""

    def __init__(self, nlp: Language, codebook: Codebook) -> None:
        self.codebook = codebook
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, tuple[str, str, Person | None]] = {}
        self._add_patterns(nlp)
        self.outlet_matcher = Matcher(nlp.vocab)
        if codebook.outlet_suffixes:
            suffixes = [s.lower() for s in codebook.outlet_suffixes]
            self.outlet_matcher.add(
                "OUTLET_SUFFIX",
                [[{"TEXT": {"REGEX": r"^[A-Z0-9]"}, "OP": "+"}, {"LOWER": {"IN": suffixes}, "IS_TITLE": True}]],
            )
        self.title_words = {w.lower() for t in codebook.titles for w in t.split()}
        self.persons_by_last = {}
        for person in codebook.persons:
            self.persons_by_last.setdefault(fold(person.name.split()[-1]), []).append(person)

    def _add_patterns(self, nlp: Language) -> None:
        """Register every codebook name, as written and without diacritics, under one key each."""
        named: list[tuple[str, str, str, Person | None]] = []
        for actor in self.codebook.actors.values():
            for field_name, kind in (("aliases", "actor"), ("demonyms", "demonym"), ("metonyms", "metonym"), ("institutions", "institution")):
                named += [(name, kind, actor.id, None) for name in getattr(actor, field_name)]
        for person in self.codebook.persons:
            named += [(name, "person", "", person) for name in (person.name, *person.variants)]
        named += [(name, "outlet", "", None) for name in self.codebook.outlets]
        named += [(name, "non_actor", "", None) for name in self.codebook.other_non_actors]
        seen: set[str] = set()
        texts, keys = [], []
        for name, kind, actor_id, person in named:
            key = fold(name)
            if key in seen:  # first entry wins: curated persons.yaml before bulk imports
                continue
            seen.add(key)
            self.entries[key] = (kind, actor_id, person)
            for form in {name, unidecode(name)}:
                texts.append(form)
                keys.append(key)
        for key, pattern in zip(keys, nlp.tokenizer.pipe(texts)):
            self.phrases.add(key, [pattern])

    def __call__(self, doc: Doc, published: dt.date | None = None) -> list[Mention]:
        """Find the mentions of one document.

        doc (Doc): the parsed document.
        published (date): publication date, to map persons to the actor they stood for then.
        RETURNS (list[Mention]): mentions sorted by start offset.
        """
        mentions = self.match_codebook(doc)
        mentions = self.merge_ner(doc, mentions)
        return self.resolve(doc, mentions, published)

    def match_codebook(self, doc: Doc) -> list[Mention]:
        """Codebook names in the text, longest first, names capitalised in the text only."""
        candidates = []
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            if not (span.text[:1].isupper() or span.text[:1].isdigit()):
                continue
            kind, actor_id, person = self.entries[doc.vocab.strings[match_id]]
            candidates.append(self._codebook_mention(span, kind, actor_id, person))
        for _, start, end in self.outlet_matcher(doc):
            candidates.append(self._codebook_mention(doc[start:end], "outlet", "", None, rule="outlet_suffix"))
        return _longest(candidates)

    def _codebook_mention(self, span: Span, kind: str, actor_id: str, person: Person | None, rule: str = "") -> Mention:
        return Mention(
            span.start_char, span.end_char, span.start, span.end, span.text,
            label=kind.upper(), kind=kind, actor_id=actor_id,
            person=person.name if person else "", rule=rule or f"codebook_{kind}",
        )

    def merge_ner(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Add spaCy entities that no codebook name covers; codebook names win where they overlap."""
        taken = {i: m for m in mentions for i in range(m.start, m.end)}
        result = list(mentions)
        for ent in doc.ents:
            if not ent.text.strip():
                continue
            overlapping = {id(m): m for i in range(ent.start, ent.end) if (m := taken.get(i))}
            if not overlapping:
                kind = "person" if ent.label_ == "PERSON" else "entity"
                result.append(Mention(ent.start_char, ent.end_char, ent.start, ent.end, ent.text, ent.label_, kind, rule=f"ner_{ent.label_.lower()}"))
                continue
            inner = list(overlapping.values())
            first = min(inner, key=lambda m: m.start)
            if (
                ent.label_ == "PERSON"
                and len(inner) == 1
                and first.kind in ("actor", "metonym", "demonym")
                and first.start == ent.start
                and first.end < ent.end
                and ent.end - first.end <= 3
                and all(t.is_title for t in doc[first.end : ent.end])
            ):
                # "Israel Katz": a person whose first name is a country's name.
                result.remove(first)
                start = first.end if first.kind == "demonym" else ent.start
                if first.kind == "demonym":
                    result.append(first)
                span = doc[start : ent.end]
                rule = "ner_person_after_demonym" if first.kind == "demonym" else "ner_person_over_actor_name"
                result.append(Mention(span.start_char, span.end_char, span.start, span.end, span.text, "PERSON", "person", rule=rule))
        return sorted(result, key=lambda m: (m.start_char, m.end_char))

    def resolve(self, doc: Doc, mentions: list[Mention], published: dt.date | None) -> list[Mention]:
        """Places, persons and their actors: the context-dependent decisions."""
        resolved = [self._place_or_actor(doc, m) if m.kind in ("metonym", "actor") else m for m in mentions]
        resolved = [m for m in (self._regime_or_person(doc, m) for m in resolved) if m is not None]
        by_start = {m.start: m for m in resolved}
        canon = self._canonical_persons(resolved)
        out = []
        for m in resolved:
            if m.kind == "person":
                m = self._resolve_person(doc, m, canon, by_start, published)
            out.append(m)
        return out

    def _place_or_actor(self, doc: Doc, m: Mention) -> Mention:
        root = doc[m.start : m.end].root
        head = root.head
        if root.dep_ != "pobj":
            return m
        prep = head.lower_
        mover = head.head
        is_place = prep in LOCATIVE_PREPS or (prep in MOTION_PREPS and mover.lemma_.lower() in MOTION_WORDS)
        if not is_place:
            return m
        if m.kind == "metonym":
            # The city itself, not the government seated there.
            return replace(m, kind="place", label="PLACE", actor_id="", rule="metonym_as_place")
        return replace(m, kind="place", rule="actor_name_as_place")

    def _regime_or_person(self, doc: Doc, m: Mention) -> Mention | None:
        """'the Assad regime' names a regime, not a person mention."""
        if m.kind == "person" and m.end < len(doc) and doc[m.end].lower_ in REGIME_WORDS and m.end - m.start == 1:
            return replace(m, kind="entity", rule="name_before_regime_word")
        return m

    def _canonical_persons(self, mentions: list[Mention]) -> dict[str, tuple[str, Person | None]]:
        """Map each surname in the document to one canonical person: codebook first, else the longest name."""
        canon: dict[str, tuple[str, Person | None]] = {}
        codebook_by_name = {p.name: p for p in self.codebook.persons}
        for m in sorted(mentions, key=lambda m: (not m.person, -(m.end - m.start), m.start)):
            if m.kind != "person":
                continue
            name = m.person or m.text
            last = fold(name.split()[-1]) if name.split() else ""
            if last and last not in canon:
                canon[last] = (name, codebook_by_name.get(m.person))
        return canon

    def _resolve_person(self, doc: Doc, m: Mention, canon: dict, by_start: dict, published: dt.date | None) -> Mention:
        words = m.text.replace("’s", "").replace("'s", "").split()
        last = fold(words[-1]) if words else ""
        name, person = (m.person, None) if m.person else canon.get(last, (" ".join(words), None))
        if m.person:
            person = next((p for p in self.codebook.persons if p.name == m.person), None)
        actor = person.actor_on(published) if person else ""
        rule = m.rule if m.person else ("person_same_surname" if name != " ".join(words) else m.rule)
        if person and person.role_on(published):
            rule = f"{rule}+role_on_date"
        if not actor:
            actor = self._actor_from_title(doc, m, by_start)
            if actor:
                rule = f"{rule}+title"
        return replace(m, person=name, actor_id=actor, rule=rule)

    def _actor_from_title(self, doc: Doc, m: Mention, by_start: dict) -> str:
        """'Azerbaijani Defense Minister Zakir Hasanov' -> AZE: a demonym or name, titles, then the person."""
        i = m.start
        while i > 0 and doc[i - 1].lower_ in self.title_words:
            i -= 1
        if i == m.start:
            return ""
        for j in range(max(0, i - 4), i):
            prior = by_start.get(j)
            if prior is not None and prior.end in (i, i + 1) and prior.actor_id and prior.kind in ("demonym", "actor", "institution", "metonym"):
                return prior.actor_id
        return ""


def _longest(candidates: list[Mention]) -> list[Mention]:
    """Keep non-overlapping matches: longest first, then the stronger kind, then the earlier."""
    chosen: list[Mention] = []
    used: set[int] = set()
    for m in sorted(candidates, key=lambda m: (-(m.end - m.start), KIND_PRIORITY.get(m.kind, 9), m.start)):
        if any(i in used for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        used.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)
