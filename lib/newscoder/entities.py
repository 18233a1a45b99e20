"""Entity mentions: spaCy NER plus codebook matching, resolved to actors and persons.

`EntityFinder(nlp, codebook)(doc, published)` runs in clear steps, each callable alone:

1. `match_codebook`: codebook names (persons, outlets, actor names, demonyms, metonyms,
   institutions) found with a PhraseMatcher, longest match first.
2. `merge_ner`: spaCy's entities that no codebook name explains are added; a PERSON entity that
   begins with a country name ("Israel Katz") or holds one ("Mahmoud Fatah Darwish") is a person,
   not the country; a codebook place (non_actors.yaml `places`) is never a person; a PERSON
   span is cut to the part written as a name ("Pandora’s box" -> "Pandora"), and one with
   lower-case words inside ("graffiti sprayed") is no person (`_name_part`).
   `appositive_persons`: a name with a role in apposition ("X, a student leader") is a person.
   `match_tolerant`: a name spaCy found in another spelling of a codebook name (a typo,
   punctuation, another romanisation, a shorter given name) is that codebook name.
3. `resolve`: metonyms used as places lose their actor ("a visit to Ankara"); a country's name
   inside a place name ("the Jordan River") or next to words of its homonym ("Atlanta, Georgia")
   is a place; persons are linked within the document ("Katz" after "Israel Katz") and mapped to
   the actor they stood for on the publication date, through codebook roles or a title before the
   name ("Azerbaijani Defense Minister Zakir Hasanov").
4. `assign_sectors`: every mention with an actor gets a sector (codebook/sectors.yaml) from the
   agent noun it modifies ("Turkish troops" MIL, "Turkey's foreign ministry" GOV), the title or
   role of a person, or the actor's own sector; an agent noun with no country ("police said")
   takes the one state the article names, when it names only one; an agent after a codebook
   place ("Johannesburg police") takes the place's country, one after a person's possessive
   ("Maduro's forces") the person's actor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import TypeVar

import yaml
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from unidecode import unidecode

from .codebook import Codebook, Person, fold
from .datelines import dateline_span
from .doctext import doc_text
from .errors import CodebookError
from .phrasecache import PHRASE_CACHE, PhraseTokens
from .yamlio import read_mapping

# Which codebook match wins when two of equal length overlap: lower is stronger.
KIND_PRIORITY = {"outlet": 0, "non_actor": 0, "person": 1, "institution": 2, "actor": 3, "metonym": 4, "demonym": 5, "place": 6}
# A metonym that is the object of these prepositions names a place, not a government.
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "within", "around", "across", "throughout", "into"}
# ... and of these when they follow a word of movement ("a visit to Washington").
MOTION_PREPS = {"to", "from"}
# Prepositions by which a bare agent noun's own phrase says where it is or comes from ("police in Lagos").
OWN_PLACE_PREPS = (LOCATIVE_PREPS - {"outside", "into"}) | {"from"}
# ... or a word of working or living somewhere ("a lawyer working from Nairobi").
MOTION_WORDS = {"visit", "trip", "travel", "fly", "flight", "return", "arrive", "arrival", "go", "come", "move", "head", "tour", "relocate", "journey", "drive",
                "flee", "escape", "evacuate", "depart", "operate", "work", "live", "broadcast"}
# Verbs whose direct object is a place ("visited Erbil", "toured the region").
VISIT_VERBS = {"visit", "tour", "enter", "reach", "leave", "flee", "cross"}
# First words of place names that spaCy's small model sometimes tags PERSON.
PLACE_WORDS = {"kafr", "jisr", "tal", "tell", "maarat", "maarrat", "khan", "deir", "ain", "ras", "bir", "mount", "mt.", "lake", "river", "jabal", "jebel", "wadi", "cape", "port", "fort", "gulf", "bay", "strait", "camp", "valley", "desert", "island", "islands", "mountains"}
PLACE_NOUNS = {"province", "region", "city", "town", "village", "district", "governorate", "area", "county", "municipality", "neighbourhood", "neighborhood", "camp", "port", "island", "valley", "border", "crossing"}
# Actor types that hold no territory: their names are never places.
NOT_TERRITORIES = {"armed_group", "party", "igo", "community"}
# Lower-case words inside personal names ("Abdel Fattah el-Sisi", "Ursula von der Leyen").
NAME_PARTICLES = {"al", "el", "bin", "ibn", "-", "de", "van", "von", "der", "da", "di", "du", "le", "la"}
# Prepositions that give examples of the noun before them ("towns such as X", "cities like X").
EXAMPLE_PREPS = {"as", "including", "like"}
# Words after a person's name that make the name stand for a regime, not for the person.
REGIME_WORDS = {"regime", "administration", "government"}
# NER labels whose unexplained multi-word spans are compared with codebook names by spelling.
TOLERANT_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
# How alike two spellings of one organisation's name are (difflib ratio on the squashed forms).
NAME_RATIO = 0.92
# A given name written shorter ("Baatar" for "Baatarjavyn") matches from this many letters on.
GIVEN_PREFIX = 4


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
    sector: str = ""  # PLOVER sector (codebook/sectors.yaml); "" for places and mentions without actor
    members: str = ""  # a name of several actors (Codebook.compound_names): all of them, actor_id first, "/"-joined ("FRO/BIL/SAM")


@dataclass(frozen=True)
class Agent:
    """An agent noun phrase of the agents lexicon in the text ("riot police", "foreign ministry")."""

    start: int
    end: int
    sector: str
    text: str


# The PhraseMatcher's match id of every codebook phrase that only one key has (`_add_phrases`);
# not a possible key, since keys are folded (lower-case) names.
SHARED_PHRASE_KEY = "NEWSCODER_CODEBOOK_PHRASE"
# Dependencies by which a country's name modifies the noun it qualifies ("Turkish troops",
# "Turkey's army", "the Syria-based rebels").
MODIFIER_OF_HEAD = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod"}
# Sectors an agent noun with no country of its own may take from the article's only state.
NO_ARTICLE_COUNTRY = {"IGO", "NGO"}


class EntityFinder:
    """Find and resolve entity mentions in spaCy Docs with one codebook."""

    def __init__(self, nlp: Language, codebook: Codebook, *, phrase_cache: str | Path | None = PHRASE_CACHE) -> None:
        """nlp (Language): the pipeline whose vocab and tokenizer the matchers use.
        codebook (Codebook): the loaded codebook.
        phrase_cache (str | Path | None): folder of the tokenized codebook phrases (phrasecache.py),
            relative to the project root or absolute; None tokenizes every phrase here.
        """
        self.codebook = codebook
        self.adjectives = _known_adjectives(nlp)
        self.spellings, self.places, self.event_nouns = _matching_data(codebook)
        self.person_nouns = _person_nouns(codebook)
        self.place_country: dict[str, str] = {}
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entries: dict[str, tuple[str, str, Person | None]] = {}
        tokens = PhraseTokens(nlp, phrase_cache)
        self._add_patterns(tokens)
        self.outlet_matcher = Matcher(nlp.vocab)
        if codebook.outlet_suffixes:
            suffixes = [s.lower() for s in codebook.outlet_suffixes]
            self.outlet_matcher.add(
                "OUTLET_SUFFIX",
                [[{"TEXT": {"REGEX": r"^[A-Z0-9]"}, "OP": "+"}, {"LOWER": {"IN": suffixes}, "IS_TITLE": True}]],
            )
        self.agent_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_sector: dict[str, list[str]] = {}
        for phrase, sector in sorted(codebook.agents.items()):
            by_sector.setdefault(sector, []).append(phrase)
        for sector, phrases in by_sector.items():
            self.agent_matcher.add(sector, tokens.patterns(phrases))
        tokens.save()
        self.title_words = {w.lower() for t in codebook.titles for w in t.split()}
        self.article_country = _article_country_thresholds(codebook)
        self.bulk_persons = _bulk_person_names(codebook)
        self.persons_by_last = {}
        for person in codebook.persons:
            self.persons_by_last.setdefault(fold(person.name.split()[-1]), []).append(person)

    def _add_patterns(self, tokens: PhraseTokens) -> None:
        """Register every codebook name, as written and without diacritics, under one key each."""
        named: list[tuple[str, str, str, Person | None]] = []
        for actor in self.codebook.actors.values():
            for field_name, kind in (("aliases", "actor"), ("demonyms", "demonym"), ("metonyms", "metonym"), ("institutions", "institution")):
                named += [(name, kind, actor.id, None) for name in getattr(actor, field_name)]
        for person in self.codebook.persons:
            named += [(name, "person", "", person) for name in (person.name, *person.variants)]
        named += [(name, "outlet", "", None) for name in self.codebook.outlets]
        named += [(name, "non_actor", "", None) for name in self.codebook.other_non_actors]
        named += [(name, "place", "", None) for name in self.places]
        forms: dict[str, set[str]] = {}
        mixed_case: set[str] = set()
        self.lower_first_keys: set[str] = set()
        for name, kind, actor_id, person in named:
            key = fold(name)
            if not (len(name) > 1 and name.isupper()):
                mixed_case.add(key)
            if name[:1].islower():
                self.lower_first_keys.add(key)  # "al-Qaeda": the article is written in lower case
            entry = (kind, actor_id, person)
            if self.entries.setdefault(key, entry) != entry:
                continue  # first entry wins: curated persons.yaml before bulk imports
            if kind == "place":
                self.place_country[key] = self.places[name]
            # As written, without diacritics, and with either apostrophe.
            forms.setdefault(key, set()).update({name, unidecode(name), name.replace("'", "’"), name.replace("’", "'")})
        # Names written only in capitals ("WHO", "US") match only in capitals, never "Who", "Us";
        # longer acronyms also in Title case ("Nato", "Isil"), unless listed as capitals_only.
        self.upper_keys = set(forms) - mixed_case
        # Short mixed-case acronyms ("LeT", "JuD", "DfID") match only as written, never "Let", "Jud".
        self.exact_forms = {k: names for k, names in forms.items() if all(_camel_acronym(n) for n in names)}
        self.title_case_keys = {
            k for k in self.upper_keys if sum(c.isalpha() for c in k) >= 4 and k not in self.codebook.capitals_only
        }
        keys = [key for key, names in forms.items() for _ in sorted(names)]
        texts = [name for names in forms.values() for name in sorted(names)]
        self._add_phrases(keys, tokens.patterns(texts))
        self._index_spellings(forms)

    def _add_phrases(self, keys: list[str], patterns: list[list[int]]) -> None:
        """Add each key's patterns to the PhraseMatcher: a pattern that belongs to one key only
        goes under one shared match id (SHARED_PHRASE_KEY), and the key is found again from the
        matched tokens (`_phrase_key`); a pattern several keys share stays under each key's own id.

        One `PhraseMatcher.add` per key cost about a second for the codebook's 27,000 keys (a
        lexeme and a callback entry per key); the matches, and their order, are the same either
        way: the matcher reports them by start, then length, then the keys of one pattern.
        keys (list[str]): the key of each pattern.
        patterns (list[list[int]]): LOWER hashes of each phrase (`PhraseTokens.patterns`).
        """
        owners: dict[tuple[int, ...], list[str]] = {}
        for key, pattern in zip(keys, patterns):
            if pattern:  # the matcher skips an empty pattern
                found = owners.setdefault(tuple(pattern), [])
                if key not in found:
                    found.append(key)
        self.pattern_keys = {pattern: found[0] for pattern, found in owners.items() if len(found) == 1}
        self.phrases.add(SHARED_PHRASE_KEY, list(self.pattern_keys))
        self.shared_phrase_id = self.phrases.vocab.strings[SHARED_PHRASE_KEY]
        for key, pattern in zip(keys, patterns):
            if pattern and tuple(pattern) not in self.pattern_keys:
                self.phrases.add(key, [pattern])

    def _phrase_key(self, doc: Doc, match_id: int, start: int, end: int) -> str:
        """The codebook key of one PhraseMatcher match (see `_add_phrases`)."""
        if match_id == self.shared_phrase_id:
            return self.pattern_keys[tuple(token.lower for token in doc[start:end])]
        return doc.vocab.strings[match_id]

    def _index_spellings(self, forms: dict[str, set[str]]) -> None:
        """Squashed forms of the codebook's names of two words or more, for `match_tolerant`:
        by whole form, by word, and (persons) by the name without its last word."""
        self.squashed: dict[str, str] = {}
        self.by_word: dict[str, set[str]] = {}
        self.by_leading: dict[str, set[str]] = {}
        for key in forms:
            form = squash(key)
            words = form.split()
            if len(words) < 2:
                continue
            self.squashed.setdefault(form, key)
            for word in words:
                if len(word) >= 3:
                    self.by_word.setdefault(word, set()).add(form)
            if self.entries[key][0] == "person" and len(words) >= 3:
                self.by_leading.setdefault(" ".join(words[:-1]), set()).add(form)

    def __call__(self, doc: Doc, published: dt.date | None = None) -> list[Mention]:
        """Find the mentions of one document.

        doc (Doc): the parsed document.
        published (date): publication date, to map persons to the actor they stood for then.
        RETURNS (list[Mention]): mentions sorted by start offset.
        """
        mentions = self.match_codebook(doc)
        mentions = self.merge_ner(doc, mentions)
        mentions = self.appositive_persons(doc, mentions)
        mentions = self.match_tolerant(doc, mentions)
        mentions = self.resolve(doc, mentions, published)
        return self.assign_sectors(doc, mentions, published)

    def match_codebook(self, doc: Doc) -> list[Mention]:
        """Codebook names in the text, longest first, names capitalised in the text only."""
        candidates = []
        for match_id, start, end in self.phrases(doc):
            span = doc[start:end]
            key = self._phrase_key(doc, match_id, start, end)
            if not self._case_fits(doc, span, key):
                continue
            kind, actor_id, person = self.entries[key]
            candidates.append(self._codebook_mention(span, kind, actor_id, person))
        for _, start, end in self.outlet_matcher(doc) if len(self.outlet_matcher) else []:
            candidates.append(self._codebook_mention(doc[start:end], "outlet", "", None, rule="outlet_suffix"))
        return _longest(candidates)

    def _case_fits(self, doc: Doc, span: Span, key: str) -> bool:
        """Whether a codebook name is written as a name: capitalised, acronyms in capitals.

        "Turkey" but not "turkey"; "al-Qaida" (a lower-case article before a capital); "ISIS"
        and "Isis", but "WHO" never as "Who"; "IS" never inside a line written in capitals.
        """
        first = span.text[:1]
        if key in self.exact_forms:
            return span.text in self.exact_forms[key]
        if not (first.isupper() or first.isdigit()):
            if key not in self.lower_first_keys or not any(t.text[:1].isupper() for t in span):
                return False
        if key in self.upper_keys:
            if not span.text.isupper():
                return key in self.title_case_keys and first.isupper()
            if sum(c.isalpha() for c in key) <= 3 and _in_capitals_line(doc, span):
                return False
        return True

    def _codebook_mention(self, span: Span, kind: str, actor_id: str, person: Person | None, rule: str = "") -> Mention:
        members = self.codebook.compound_names.get(fold(span.text), ()) if kind == "actor" else ()
        return Mention(
            span.start_char, span.end_char, span.start, span.end, span.text,
            label=kind.upper(), kind=kind, actor_id=actor_id,
            person=person.name if person else "", rule=rule or f"codebook_{kind}",
            members="/".join(members) if members[:1] == (actor_id,) else "",
        )

    def _adjective_before_name(self, doc: Doc, ent: Span, name: Mention) -> bool:
        """Is a PERSON entity an actor's name after adjectives the sentence start capitalised?

        "Evil Kestria, the old foe, ...", "Tiny Qatar offered to mediate": the recogniser takes the
        capitalised first word for a first name. The words before the name are all known adjectives
        (the lemmatizer's word index) and the name ends the entity; "Mahmoud Fatah Darwish" does not.
        RETURNS (bool): True when the actor's name alone is meant.
        """
        before = doc[ent.start : name.start]
        return (name.end == ent.end and ent.start < name.start and doc[ent.start].is_sent_start
                and all(t.lower_ in self.adjectives for t in before))

    def merge_ner(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """Add spaCy entities that no codebook name covers; codebook names win where they overlap."""
        taken = {i: m for m in mentions for i in range(m.start, m.end)}
        result = list(mentions)
        for ent in doc.ents:
            if not ent.text.strip():
                continue
            overlapping = {id(m): m for i in range(ent.start, ent.end) if (m := taken.get(i))}
            if overlapping and all(m.kind == "place" for m in overlapping.values()) and _wider(ent, overlapping.values()):
                # a longer name that holds a place's name ("Sydney Okonkwo", "the Homs Media Office") is spaCy's
                for m in overlapping.values():
                    result.remove(m)
                    for i in range(m.start, m.end):
                        taken.pop(i, None)
                overlapping = {}
            if not overlapping:
                if ent.label_ == "PERSON" and self._place_not_person(ent):
                    result.append(Mention(ent.start_char, ent.end_char, ent.start, ent.end, ent.text, "LOC", "entity", rule="ner_person_as_place"))
                    continue
                kind = "person" if ent.label_ == "PERSON" else "entity"
                span = _without_titles(ent, self.title_words) if kind == "person" else ent
                rule = f"ner_{ent.label_.lower()}"
                if kind == "person" and _masthead(span):
                    kind = "entity"  # "DANUBE WIRE" alone on its line: the outlet's masthead
                if kind == "person":
                    name = _name_part(span)
                    if name is None:
                        kind, rule = "entity", "ner_person_not_a_name"  # "graffiti sprayed"
                    else:
                        span = name  # "Pandora’s box" -> "Pandora", "’s al-Naim" -> "al-Naim"
                result.append(Mention(span.start_char, span.end_char, span.start, span.end, span.text, ent.label_, kind, rule=rule))
                continue
            inner = list(overlapping.values())
            first = min(inner, key=lambda m: m.start)
            if ent.label_ == "PERSON" and len(inner) == 1 and first.kind == "non_actor" and (first.start, first.end) == (ent.start, ent.end):
                # A person the codebook says never speaks for an actor ("Paris Hilton"): a person, no actor.
                result.remove(first)
                result.append(replace(first, label="PERSON", kind="person", person=first.text, rule="codebook_non_actor_person"))
                continue
            named = [m for m in inner if m.kind in ("actor", "metonym", "place")]
            if ent.label_ == "PERSON" and len(inner) == 1 and named and self._adjective_before_name(doc, ent, named[0]):
                continue  # "Tiny Qatar condemned ...": an adjective capitalised at the sentence start, and the name
            if (
                ent.label_ == "PERSON"
                and len(named) == 1
                and all(m.kind == "person" for m in inner if m is not named[0])
                and ent.start < named[0].start
                and all(ent.start <= m.start and m.end <= ent.end for m in inner)
                and all(t.is_title or t.lower_ in NAME_PARTICLES for t in ent)
                and not _is_headline(_line_of(doc, ent))
            ):
                # "Mahmoud Fatah Darwish": an actor's or place's name inside a person's name is the name
                for m in inner:
                    result.remove(m)
                result.append(Mention(ent.start_char, ent.end_char, ent.start, ent.end, ent.text, "PERSON", "person", rule="ner_person_over_actor_name"))
                continue
            if (
                ent.label_ == "PERSON"
                and len(inner) == 1
                and first.kind in ("actor", "metonym", "demonym", "place")
                and first.start == ent.start
                and first.end < ent.end
                and ent.end - first.end <= 3
                and all(t.is_title for t in doc[first.end : ent.end])
                and not _is_headline(_line_of(doc, ent))
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

    def _place_not_person(self, ent: Span) -> bool:
        """spaCy's PERSON that is a place: a place word first ("Mount Hermon"), or the object of 'in', 'near'..."""
        if ent[0].lower_ in PLACE_WORDS or ent[0].lower_.split("-")[0] in PLACE_WORDS:
            return True
        root = ent.root
        if any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS for c in root.children):
            return True  # "Kragujevac, a city in the centre"
        if any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in root.conjuncts):
            return True  # "the provinces of Daraa, Quneitra and Sweida"
        first = min([root, *root.conjuncts], key=lambda t: t.i)
        if first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS | {"near", "toward", "towards", "from"}:
            return True
        # "the provinces of Daraa, Quneitra and Sweida", "the town of X"
        # ... "towns such as X", "villages, including X", "cities like X"
        listing = first.dep_ == "pobj" and first.head.lower_ in EXAMPLE_PREPS
        governor = first.head.head if first.dep_ == "pobj" and (first.head.lower_ == "of" or listing) else first.head if first.dep_ == "appos" else None
        return governor is not None and governor.lemma_.lower() in PLACE_NOUNS

    def appositive_persons(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A capitalised name of two to four words with an appositive that names a person's role is
        a person, when spaCy tagged it otherwise or not at all: "Petar Ilić, a youth leader",
        "Lena Brandt, director of the foundation" (titles.yaml `person_nouns`). Codebook names are kept."""
        at = {i: m for m in mentions for i in range(m.start, m.end)}
        out = list(mentions)
        for token in doc:
            if not (token.pos_ == "PROPN" and token.is_title and any(
                    c.dep_ == "appos" and c.i > token.i and c.lemma_.lower() in self.person_nouns and c.pos_ == "NOUN" for c in token.children)):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
                start -= 1
            if not 2 <= token.i + 1 - start <= 4 or token.i + 1 < len(doc) and doc[token.i + 1].text != ",":
                continue
            inside = {id(m): m for i in range(start, token.i + 1) if (m := at.get(i))}
            if any(m.kind != "entity" or m.label == "PERSON" or m.start < start or m.end > token.i + 1 for m in inside.values()):
                continue  # a codebook name, a person already, or a longer entity
            span = _without_titles(doc[start : token.i + 1], self.title_words)  # "Judge X Y": X Y
            if len(span) < 2:
                continue
            for m in inside.values():
                out.remove(m)
            out.append(Mention(span.start_char, span.end_char, span.start, span.end, span.text, "PERSON", "person", rule="appositive_person"))
        return sorted(out, key=lambda m: (m.start_char, m.end_char))

    def match_tolerant(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """spaCy names that no codebook name explains, matched to one by a tolerant spelling.

        The same name in another spelling is the codebook's name: other punctuation or a typo
        ("the Kurdistan Workers party", "Kurdistan Workres' Party"), another transliteration
        ("Sergei Shoygu"), a shorter given name ("Baatar Tsendjav" for "Baatarjavyn
        Tsendjav"), or a person's name without its last surname ("Carmen Vidal" for "Carmen
        Vidal Soto"). Only names of two words or more, and only when one codebook entry fits.
        A name cut short by the parser before a lower-case noun ("the Kurdistan Workers" +
        "party") is tried with that noun too.
        """
        taken = {i for m in mentions for i in range(m.start, m.end)}
        out = []
        for m in mentions:
            if not m.rule.startswith("ner_") or m.kind not in ("person", "entity") or m.label not in TOLERANT_LABELS:
                out.append(m)
                continue
            start = m.start + 1 if doc[m.start].lower_ == "the" and m.end - m.start > 1 else m.start
            ends = [m.end]
            nxt = m.end + 1 if m.end < len(doc) and doc[m.end].text in ("’", "'") else m.end
            if nxt < len(doc) and nxt not in taken and doc[nxt].is_alpha and doc[nxt].is_lower and doc[nxt].pos_ == "NOUN":
                ends.append(nxt + 1)
            found = None
            for end in ends:
                key, how = self._tolerant_key(doc[start:end].text, person=m.label == "PERSON")
                if key:
                    found = (end, key, how)
            if found is None:
                out.append(m)
                continue
            end, key, how = found
            kind, actor_id, person = self.entries[key]
            out.append(self._codebook_mention(doc[start:end], kind, actor_id, person, rule=f"codebook_{kind}+tolerant_{how}"))
            taken.update(range(start, end))
        return out

    def _tolerant_key(self, text: str, person: bool) -> tuple[str, str]:
        """The one codebook key a name is another spelling of, and how it matched; ("", "") if none."""
        form = squash(_strip_possessive(text))
        words = form.split()
        if len(words) < 2:
            return "", ""
        if form in self.squashed:
            return self.squashed[form], "punctuation"
        if person:
            shorter = {f for f in self.by_leading.get(form, ()) if len(f.split()) == len(words) + 1}
            if len(shorter) == 1:
                return self.squashed[shorter.pop()], "without_last_name"
        fits = {f for f in self._spelling_candidates(words)
                if _same_name(words, f.split(), self.entries[self.squashed[f]][0] == "person", self.spellings)}
        entries = {self.entries[self.squashed[f]] for f in fits}
        if len(entries) != 1:
            return "", ""
        best = max(fits, key=lambda f: SequenceMatcher(None, form, f).ratio())
        return self.squashed[best], "spelling"

    def _spelling_candidates(self, words: list[str]) -> set[str]:
        """Codebook forms that share a word with the name: through its two rarest words."""
        known = sorted((w for w in words if w in self.by_word), key=lambda w: len(self.by_word[w]))
        return set().union(*(self.by_word[w] for w in known[:2])) if known else set()

    def resolve(self, doc: Doc, mentions: list[Mention], published: dt.date | None) -> list[Mention]:
        """Places, persons and their actors: the context-dependent decisions."""
        resolved = [self._place_or_actor(doc, m) if m.kind in ("metonym", "actor") else m for m in mentions]
        resolved = [self._named_place(doc, m) if m.kind in ("metonym", "actor", "demonym", "place") else m for m in resolved]
        resolved = self._possessed_institutions(doc, resolved)
        resolved = [self._regime(doc, m) for m in resolved]
        resolved = [self._credit(doc, m) if m.kind == "person" else m for m in resolved]
        canon = self._canonical_persons(resolved)
        resolved = [self._regime(doc, self._surname_entity(m, canon)) for m in resolved]
        by_start = {m.start: m for m in resolved}
        # Full names first, so that a surname alone can take the actor found for its full name.
        actor_of: dict[str, str] = {}
        out: dict[int, Mention] = {}
        order = sorted(range(len(resolved)), key=lambda i: -(resolved[i].end - resolved[i].start))
        for i in order:
            m = resolved[i]
            if m.kind == "person":
                m = self._single_name(m, canon, resolved)
            if m.kind == "person":
                m = self._resolve_person(doc, m, canon, by_start, published, actor_of)
                if m.actor_id:
                    actor_of.setdefault(m.person, m.actor_id)
            out[i] = m
        return self._article_spelling([out[i] for i in range(len(resolved))])

    def _article_spelling(self, mentions: list[Mention]) -> list[Mention]:
        """A person of a bulk import is named as the article writes the full name.

        Imported canonical names are the source's transliterations ("Umar al Bashir", "Abdullah
        Gul", "Joseph Kabila Kabange"), not the usual spelling that persons.yaml gives: an article
        that writes "Omar al-Bashir" or "Abdullah Gül" names him so. The fullest form in the
        article wins (the first of the longest); a form that differs only in punctuation keeps
        the codebook's ("George W Bush" stays "George W. Bush").
        """
        forms: dict[str, list[str]] = {}
        for m in mentions:
            if m.kind == "person" and m.person in self.bulk_persons:
                forms.setdefault(m.person, []).append(_strip_possessive(m.text))
        renamed = {}
        for name, texts in forms.items():
            full = [t for t in texts if len(t.split()) >= 2]
            if not full:
                continue
            written = max(full, key=lambda t: len(t.split()))  # max keeps the first of the longest
            if squash(written) != squash(name) or (unidecode(written) != written and unidecode(name) == name):
                renamed[name] = written
        return [replace(m, person=renamed[m.person], rule=f"{m.rule}+article_spelling") if m.kind == "person" and m.person in renamed else m
                for m in mentions]

    def _single_name(self, m: Mention, canon: dict, mentions: list[Mention]) -> Mention:
        """A one-word name spaCy calls a person, that no fuller name in the document explains.

        "Lee" after "Lee Jae-myung" is that person (a family name written first, before a
        hyphenated given name); an unexplained one-word PERSON ("Riot", "KST", a town) is left as
        an unresolved entity, since a real person named by one word is in the codebook or named
        in full first.
        """
        words = _strip_possessive(m.text).split()
        if not m.rule.startswith("ner_") or len(words) != 1:
            return m
        key = fold(words[0])
        name, _ = canon.get(key, (words[0], None))
        if len(name.split()) > 1:
            return m  # a surname of a fuller name: linked later
        family_first = sorted({o.person or o.text for o in mentions if o.kind == "person" and len(o.text.split()) > 1
                               and fold(o.text.split()[0]) == key and "-" in o.text.split()[-1]})
        if len(family_first) == 1:
            return replace(m, person=family_first[0], rule=f"{m.rule}+family_name_first")
        return replace(m, kind="entity", label="PERSON", rule="ner_single_name_unlinked")

    def _surname_entity(self, m: Mention, canon: dict) -> Mention:
        """A one-word entity that is the surname of a person named in the document is that person."""
        if m.kind == "entity" and m.label in ("ORG", "NORP", "GPE", "PERSON") and m.end - m.start == 1:
            if fold(_strip_possessive(m.text)) in canon:
                return replace(m, kind="person", label="PERSON", rule="surname_of_named_person")
        return m

    def _place_or_actor(self, doc: Doc, m: Mention) -> Mention:
        root = doc[m.start : m.end].root
        head = root.head
        if m.kind == "metonym" and root.dep_ in ("compound", "amod", "nmod") and head.i > root.i and head.lower_ in self.event_nouns:
            # "the Nairobi peace process", "the Oslo accords": the city names the event
            return replace(m, kind="place", label="PLACE", actor_id="", rule="metonym_as_place")
        if root.dep_ == "appos" and head.lower_ == "capital":
            root, head = head, head.head  # "in the capital Nairobi": as "in the capital"; "the capital, Nairobi, hosted" acts
        if root.dep_ == "dobj" and head.lemma_.lower() in VISIT_VERBS:
            is_place = True  # "the minister visited Erbil"
        elif root.dep_ != "pobj":
            return m
        else:
            prep = head.lower_
            mover = head.head
            is_place = prep in LOCATIVE_PREPS or (prep in MOTION_PREPS and mover.lemma_.lower() in MOTION_WORDS)
        if not is_place:
            return m
        if m.kind == "metonym":
            # The city itself, not the government seated there.
            return replace(m, kind="place", label="PLACE", actor_id="", rule="metonym_as_place")
        actor = self.codebook.actors.get(m.actor_id)
        if actor is not None and actor.type in NOT_TERRITORIES:
            return m  # "militias inside the SDF": a group is not a place
        return replace(m, kind="place", rule="actor_name_as_place")

    def _named_place(self, doc: Doc, m: Mention) -> Mention:
        """A country's name that is part of a place's name, or that names its homonym place.

        "the Jordan River", "Lake Chad", "the Niger Delta": a geographic noun from
        non_actors.yaml right after or before the name. "Atlanta, Georgia", "Georgia
        Republicans": a word of the actor's `homonym_cues` in the sentence, or a place name and a
        comma before it. Either way the mention is a place with no actor.
        """
        after = doc[m.end].text if m.end < len(doc) else ""
        before = doc[m.start - 1].text if m.start > 0 else ""
        if after in self.codebook.geographic_nouns or (m.kind != "demonym" and before in self.codebook.geographic_nouns):
            return replace(m, kind="place", label="PLACE", actor_id="", rule="actor_name_in_place_name")
        actor = self.codebook.actors.get(m.actor_id)
        if actor is None or not actor.homonym_cues:
            return m
        sentence = doc[m.start].sent.text
        cued = any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", sentence) for cue in actor.homonym_cues)
        city = doc[m.start - 2] if m.start >= 2 else None
        own_name = city is not None and self.entries.get(fold(city.text), ("", "", None))[1] == m.actor_id  # "Tbilisi, Georgia"
        city_before = city is not None and before == "," and city.ent_type_ in ("GPE", "LOC") and city.is_title and not own_name
        if cued or city_before:
            return replace(m, kind="place", label="PLACE", actor_id="", rule="homonym_place")
        return m

    def _credit(self, doc: Doc, m: Mention) -> Mention:
        """A name in a byline or credit line is the outlet's journalist, not a person of the story.

        "By Ana Ruiz and Tom Lee", "Reporting by Ana Ruiz; Editing by Tom Lee", "Photograph: Ana
        Ruiz/Agency", "Ana Ruiz reported from Lima", and a short line "Ana Ruiz, Peru
        correspondent" (non_actors.yaml `credit_before`, `credit_after`). The credit word opens
        its own clause and only names stand between it and the name, so a paragraph that
        mentions "a video posted online" or opens "By Tuesday" still names its persons.
        """
        line = _line_of(doc, doc[m.start : m.end])
        text = doc_text(doc)
        head = text[line.start_char : m.start_char]
        tail = text[m.end_char : line.end_char].lower()
        byline = head.lstrip().startswith("By ") and _only_names(head.lstrip()[3:])
        credited = _credit_opens(head, self.codebook.credit_before) or any(tail.lstrip().startswith(c) for c in self.codebook.credit_after)
        signed = not head.strip() and tail.startswith(",") and len(tail.split()) <= 5 and any(
            self.codebook.agents.get(w.strip(".,;")) == "MED" for w in tail.split())
        if byline or credited or signed:
            return replace(m, kind="entity", label="PERSON", person="", actor_id="", rule="credit_line")
        return m

    def _possessed_institutions(self, doc: Doc, mentions: list[Mention]) -> list[Mention]:
        """A state's institution named after another state's name or demonym is that state's body.

        "Chile's Defense Department", "the Kenyan State Department": the codebook lists the
        generic name under one state (USA), but the possessor says whose it is.
        """
        ends = {m.end: m for m in mentions if m.actor_id and m.kind in ("actor", "demonym", "metonym")}
        out = []
        for m in mentions:
            before = ends.get(m.start) or (ends.get(m.start - 1) if m.start > 0 and doc[m.start - 1].lower_ in ("'s", "’s") else None)
            own, other = self.codebook.actors.get(m.actor_id), self.codebook.actors.get(before.actor_id) if before else None
            if m.kind == "institution" and own and other and own.type == other.type == "state" and own.id != other.id:
                m = replace(m, actor_id=other.id, rule=f"{m.rule}+institution_of_possessor")
            out.append(m)
        return out

    def _regime(self, doc: Doc, m: Mention) -> Mention:
        """'the Assad regime', 'the Aliyev administration' name a government, not the person.

        The mention stands for the actor the named leader led (codebook default actor), with no
        person. A possessive ("Assad's regime") keeps the person mention.
        """
        if m.kind != "person" or m.end >= len(doc) or doc[m.end].lower_ not in REGIME_WORDS:
            return m
        if m.text.endswith(("'s", "’s")) or doc[m.end - 1].lower_ in ("'s", "’s", "’", "'"):
            return m
        person = self._person_by_name(m.person or m.text)
        actor = person.actor if person else m.actor_id
        return replace(m, kind="regime" if actor else "entity", label="REGIME", person="", actor_id=actor, rule="name_before_regime_word")

    def _person_by_name(self, name: str) -> Person | None:
        """A codebook person by canonical name, or by a surname that only one codebook person has."""
        for p in self.codebook.persons:
            if p.name == name:
                return p
        candidates = self.persons_by_last.get(fold(_strip_possessive(name).split()[-1]), []) if name.split() else []
        actors = {p.actor for p in candidates}
        return candidates[0] if len(actors) == 1 and candidates else None

    def _persons_by_name(self) -> dict[str, Person]:
        """The codebook's persons by canonical name, built once per finder (not per document)."""
        if getattr(self, "_by_name", None) is None:
            self._by_name = {p.name: p for p in self.codebook.persons}
        return self._by_name

    def _canonical_persons(self, mentions: list[Mention]) -> dict[str, tuple[str, Person | None]]:
        """Map each surname in the document to one canonical person: codebook first, else the longest name."""
        canon: dict[str, tuple[str, Person | None]] = {}
        codebook_by_name = self._persons_by_name()
        for m in sorted(mentions, key=lambda m: (not m.person, -(m.end - m.start), m.start)):
            if m.kind != "person":
                continue
            name = m.person or _strip_possessive(m.text)
            if not m.person and len(name.split()) == 1:
                continue  # a one-word name explains nothing (see _single_name)
            last = fold(name.split()[-1]) if name.split() else ""
            if last and last not in canon:
                canon[last] = (name, codebook_by_name.get(m.person))
        return canon

    def _resolve_person(
        self, doc: Doc, m: Mention, canon: dict, by_start: dict, published: dt.date | None, actor_of: dict[str, str]
    ) -> Mention:
        words = _strip_possessive(m.text).split()
        last = fold(words[-1]) if words else ""
        name, person = (m.person, None) if m.person else canon.get(last, (" ".join(words), None))
        if not m.person and not _same_given_names(words, name.split(), self.spellings):
            name, person = " ".join(words), None  # "Daniel Okafor" is not "Maria Okafor": another of the family
        if m.person:
            person = self._persons_by_name().get(m.person)
        actor = person.actor_on(published) if person else ""
        rule = m.rule if m.person else ("person_same_surname" if name != " ".join(words) else m.rule)
        if person and person.role_on(published):
            rule = f"{rule}+role_on_date"
        if not actor:
            actor = self._actor_from_title(doc, m, by_start)
            if actor:
                rule = f"{rule}+title"
        if not actor and actor_of.get(name):
            actor = actor_of[name]
            rule = f"{rule}+same_person_in_document"
        return replace(m, person=name, actor_id=actor, rule=rule)

    def _actor_from_title(self, doc: Doc, m: Mention, by_start: dict) -> str:
        """'Azerbaijani Defense Minister Zakir Hasanov' -> AZE: a demonym or name, a title, then the person.

        The title is a run of up to five words before the name that includes a codebook title
        word; capitalised words inside it ("Trade" in "Kenyan Trade Minister") are allowed. A name
        that is itself a possessor's post goes to the possessor: "Russia's UK ambassador X" -> RUS.
        """
        mention_end = {mm.end: mm for mm in by_start.values() if mm.kind != "entity"}
        i, has_title = m.start, False
        while i > 0 and m.start - i < 5 and (i - 1) not in {mm.end - 1 for mm in mention_end.values()}:
            token = doc[i - 1]
            if token.lower_ in self.title_words:
                has_title = True
            elif not token.is_title:
                break
            i -= 1
        if not has_title:
            return ""
        prior = mention_end.get(i)
        if prior is not None and prior.actor_id and prior.kind in ("demonym", "actor", "institution", "metonym"):
            # "Russia's UK ambassador X", "Chile's UN envoy X": the possessor sends her; the name
            # after it says where she is posted
            if prior.start >= 2 and doc[prior.start - 1].text in ("'s", "’s"):
                owner = mention_end.get(prior.start - 1)
                if owner is not None and owner.actor_id and owner.kind in ("actor", "metonym"):
                    return owner.actor_id
            return prior.actor_id
        return ""

    # ---- step 4: sectors ------------------------------------------------------------------
    def find_agents(self, doc: Doc, mentions: list[Mention]) -> list[Agent]:
        """Agent nouns of the lexicon that head their noun phrase, longest first.

        "the Syrian government forces": "government forces", not "government"; "a general
        election" gives nothing ("general" modifies "election"). Agents inside a person's name, an
        outlet or an unresolved organisation name are left out.
        """
        blocked = {i for m in mentions if m.kind in ("person", "outlet", "non_actor") for i in range(m.start, m.end)}
        # An organisation name spaCy found is blocked too, unless the agent is its head ("the National Guard").
        blocked |= {i for m in mentions if m.kind == "entity" for i in range(m.start, m.end)}
        entity_end = {m.end for m in mentions if m.kind == "entity"}
        generic = self.codebook.generic_heads
        found = []
        for match_id, start, end in self.agent_matcher(doc):
            last = doc[end - 1]
            if end < len(doc) and last.dep_ in ("amod", "compound") and last.head.i == end and doc[end].lower_ in generic:
                end += 1  # "a paramilitary group", "rebel factions": the agent names the group
                last = doc[end - 1]
            nominal = last.pos_ in ("NOUN", "PROPN", "ADJ") or (last.tag_ == "VBN" and any(c.dep_ in ("det", "poss") for c in last.children))
            if not nominal or (any(i in blocked for i in range(start, end)) and end not in entity_end):
                continue
            if last.dep_ in ("amod", "nmod") and last.head.i > last.i and last.head.pos_ != "PROPN":
                continue  # a modifier of a later noun ("a general election"); a title before a name counts
            if last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ != "PROPN" and self._heads_agent(doc, last.head):
                continue  # "army spokesman": the head is the agent; "army accountant", "police station": the modifier
            found.append(Agent(start, end, doc.vocab.strings[match_id], doc[start:end].text))
        chosen: list[Agent] = []
        used: set[int] = set()
        for a in sorted(found, key=lambda a: (-(a.end - a.start), a.start)):
            if not any(i in used for i in range(a.start, a.end)):
                chosen.append(a)
                used.update(range(a.start, a.end))
        return sorted(chosen, key=lambda a: a.start)

    def _heads_agent(self, doc: Doc, head: Token) -> bool:
        """Whether a noun, alone or with the words before it, is an agent of the lexicon."""
        return any(" ".join(t.lower_ for t in doc[i : head.i + 1]) in self.codebook.agents for i in range(max(0, head.i - 3), head.i + 1))

    def assign_sectors(self, doc: Doc, mentions: list[Mention], published: dt.date | None = None) -> list[Mention]:
        """Give every mention with an actor its sector; agent nouns with no country may become mentions.

        doc (Doc): the parsed document.
        mentions (list[Mention]): the resolved mentions.
        published (date): publication date, for the roles of persons.
        RETURNS (list[Mention]): the mentions with `sector` set, plus one `agent` mention per agent
            noun that no mention took: with the article's only state as actor, else with none
            ("soldiers" MIL, no actor).
        """
        agents = self.find_agents(doc, mentions)
        agent_at = {i: a for a in agents for i in range(a.start, a.end)}
        used: set[Agent] = set()
        result = []
        for m in mentions:
            if m.kind == "entity" and m.end - 1 in agent_at and agent_at[m.end - 1].end == m.end:
                # "the National Guard", "Karachi High Court": an organisation named by its agent noun,
                # of the country of a place that begins its name
                agent = agent_at[m.end - 1]
                used.add(agent)
                where = self.place_country.get(self._entry_key(squash(doc[m.start : agent.start].text))) if agent.start > m.start else ""
                rule = f"{m.rule}+agent:{agent.text.lower()}" + (f"+place:{doc[m.start : agent.start].text}" if where else "")
                result.append(replace(m, actor_id=where or m.actor_id, sector=agent.sector, rule=rule))
                continue
            m, agent = self._with_sector(doc, m, agent_at, published, mentions)
            if agent is not None:
                used.add(agent)
            result.append(m)
        result = _titled_person_throughout(result)
        taken = {i for m in result for i in range(m.start, m.end)}
        state, how = _article_country(result, self.codebook, self.article_country, _dateline_end(doc_text(doc)))
        of_place = self._place_agents(doc, result, agent_at)
        for a in agents:
            if a in used or any(i in taken for i in range(a.start, a.end)):
                continue
            span = doc[a.start : a.end]
            owner = _owner(doc, a, result)
            where = self._own_place(doc, a, result) if a.sector not in NO_ARTICLE_COUNTRY else None
            if a in of_place:
                actor, rule = of_place[a][0], f"agent_noun+place:{of_place[a][1]}"
            elif owner is not None:
                actor, rule = owner.actor_id, f"agent_noun+owner:{owner.text}"
            elif where is not None:
                actor, rule = where[0], f"agent_noun+own_place:{where[1]}"
            elif a.sector not in NO_ARTICLE_COUNTRY and state and _target_of_own_clause(doc, a, state, result):
                actor, rule = "", f"agent_noun+{how}+not_own_target:{state}"
            else:
                actor = state if a.sector not in NO_ARTICLE_COUNTRY else ""
                rule = f"agent_noun+{how}" if actor else "agent_noun"
            result.append(Mention(span.start_char, span.end_char, a.start, a.end, span.text, "AGENT", "agent",
                                  actor_id=actor, rule=rule, sector=a.sector))
        return sorted(result, key=lambda m: (m.start_char, m.end_char))

    def _with_sector(
        self, doc: Doc, m: Mention, agent_at: dict[int, Agent], published: dt.date | None, mentions: list[Mention]
    ) -> tuple[Mention, Agent | None]:
        """One mention with its sector, and the agent noun that gave it (if any)."""
        if m.kind == "person":
            return self._person_sector(doc, m, agent_at, published, mentions)
        if m.kind == "place" and m.rule == "codebook_place":
            return m, None  # a place is no actor; the agent noun after it takes its country (_place_agents)
        if not m.actor_id or m.kind == "place":
            return m, None
        if m.kind == "regime":
            return replace(m, sector="GOV"), None
        actor = self.codebook.actors.get(m.actor_id)
        if m.kind == "institution":
            return self._institution_sector(doc, m, agent_at)
        agent = self._attached_agent(doc, m, agent_at)
        named_group = any(o.start == m.end and o.actor_id in actor.groups for o in mentions) if actor is not None else False
        if actor is not None and actor.type == "community" and m.kind == "demonym" and (
                agent is None or named_group or self._hyphen_link(doc, m) == "of_agent"):
            # "Kurdish areas", "the Kurdish-led SDF", "a Kurdish-led force", "the Kurdish Democratic
            # Union Party": a description or part of a group's name, not the community acting
            return replace(m, actor_id="", rule=f"{m.rule}+community_adjective"), None
        if actor is not None and actor.type == "state" and m.kind == "demonym" and agent is None and _one_national(doc, m):
            # "a Canadian detained at the airport": one private person of the country, a civilian
            return replace(m, sector=self.codebook.type_sectors.get("community", ""), rule=f"{m.rule}+one_national"), None
        if actor is None or agent is None:
            return replace(m, sector=self.codebook.own_sector(m.actor_id)), agent
        if actor.type in self.codebook.fixed_types:
            return replace(m, sector=self.codebook.own_sector(m.actor_id), rule=f"{m.rule}+agent:{agent.text.lower()}"), agent
        if actor.groups and agent.sector in ("MIL", "REB"):
            group = _nearest_group(m, mentions, actor.groups)
            if group:
                return replace(m, actor_id=group, sector=self.codebook.own_sector(group), rule=f"{m.rule}+agent:{agent.text.lower()}+group_in_article"), agent
        return replace(m, sector=agent.sector, rule=f"{m.rule}+agent:{agent.text.lower()}"), agent

    def _place_agents(self, doc: Doc, mentions: list[Mention], agent_at: dict[int, Agent]) -> dict[Agent, tuple[str, str]]:
        """Agent nouns after a codebook place, with the place's country and name: "Johannesburg police"
        ZAF COP, "Homs residents" SYR CVL. The place itself stays a place with no actor."""
        found = {}
        for m in mentions:
            if m.kind == "place" and m.rule == "codebook_place":
                agent = self._attached_agent(doc, m, agent_at)
                country = self.place_country.get(self._entry_key(m.text), "")
                if agent is not None and country:
                    found.setdefault(agent, (country, m.text))
        return found

    def _own_place(self, doc: Doc, a: Agent, mentions: list[Mention]) -> tuple[str, str] | None:
        """The country of a place inside a country that the agent noun's own phrase puts it in:
        "civilians in Idlib" SYR, "police in Lagos" NGA, "protesters from Minsk" BLR.

        The place is the object of a preposition of `OWN_PLACE_PREPS` attached to the noun (where
        it is or comes from; not "outside", which says where it is not, nor "into", a motion), or
        a place named inside that object ("in Idlib province", "in the city of Aleppo"). A codebook
        place (non_actors.yaml `places`) gives the state it lies in; a capital used as a place
        ("in Minsk", rule `metonym_as_place`) the state it is the capital of. A country's own
        name ("civilians in Syria") is not used: foreign troops or aid workers are often "in" it.
        Returns (country, place name), else None.
        """
        head = doc[a.end - 1]
        objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ in OWN_PLACE_PREPS
                   for o in p.children if o.dep_ == "pobj"]
        # "in the city of Aleppo": the place named after a place noun and "of"
        objects += [o for t in list(objects) if t.lower_ in PLACE_NOUNS
                    for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        for token in objects:
            near = {token.i} | {c.i for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
            for m in mentions:
                if m.kind != "place" or not any(m.start <= i < m.end for i in near):
                    continue
                country = self._place_state(m)
                if country:
                    return country, m.text
        return None

    def _place_state(self, m: Mention) -> str:
        """The state a place mention lies in: a codebook place's country, or the state whose capital
        (metonym) the place is; "" for other places (a country's name, a river)."""
        key = self._entry_key(m.text)
        if m.rule == "codebook_place":
            return self.place_country.get(key, "")
        if m.rule == "metonym_as_place" and key:
            kind, actor_id, _ = self.entries[key]
            actor = self.codebook.actors.get(actor_id)
            if kind == "metonym" and actor is not None and actor.type == "state":
                return actor_id
        return ""

    def _entry_key(self, text: str) -> str:
        """The codebook key a matched name was registered under (a form without diacritics, another apostrophe)."""
        return next((k for k in (fold(text), fold(unidecode(text)), fold(_strip_possessive(text))) if k in self.entries), "")

    def _institution_sector(self, doc: Doc, m: Mention, agent_at: dict[int, Agent]) -> tuple[Mention, Agent | None]:
        """A named institution's sector: the codebook's (agents.yaml `institutions`, "Knesset" LEG),
        else the agent noun at its head ("Iraqi army" MIL), else the actor's own."""
        known = self.codebook.institution_sectors.get(fold(m.text)) or self.codebook.agents.get(m.text.lower())
        if known:
            return replace(m, sector=known), None
        if self.codebook.actors.get(m.actor_id) and self.codebook.actors[m.actor_id].type in self.codebook.fixed_types:
            return replace(m, sector=self.codebook.own_sector(m.actor_id)), None
        head = agent_at.get(doc[m.start : m.end].root.i) or agent_at.get(m.end - 1)
        if head is not None:
            return replace(m, sector=head.sector, rule=f"{m.rule}+agent:{head.text.lower()}"), head
        return replace(m, sector=self.codebook.own_sector(m.actor_id)), None

    def _hyphen_link(self, doc: Doc, m: Mention) -> str:
        """The kind of link word after a hyphen right after the mention ("Kurdish-led": of_agent;
        "Iranian-backed": backer), else ""."""
        if m.end + 1 < len(doc) and doc[m.end].text == "-":
            return next((kind for kind, words in self.codebook.agent_links.items() if doc[m.end + 1].lower_ in words), "")
        return ""

    def _attached_agent(self, doc: Doc, m: Mention, agent_at: dict[int, Agent]) -> Agent | None:
        """The agent noun a country's name qualifies: "Turkish troops", "Turkey's army", "the army of Syria".

        The noun the name modifies in the parse (climbing compounds: "the Pakistani foreign
        ministry"), or the noun after it with only adjectives between, when the parser attached
        the name elsewhere.
        """
        root = doc[m.start : m.end].root
        if m.end + 1 < len(doc) and doc[m.end].text == "-" and doc[m.end + 1].lower_ in self.codebook.agent_links.get("backer", ()):
            return None  # "Iranian-backed militias": Iran backs them, they are not Iran's
        head = None
        if root.dep_ in MODIFIER_OF_HEAD or root.dep_ == "case":
            head = root.head
        elif root.dep_ == "conj" and root.head.dep_ in MODIFIER_OF_HEAD:
            head = root.head.head  # "Ethiopian and Eritrean troops": both modify the agent
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < root.i:
            head = root.head.head
        while head is not None and head.i not in agent_at and head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        if head is not None and head.i in agent_at:
            return agent_at[head.i]
        i = m.end
        while i < len(doc) and i - m.end < 4 and i not in agent_at:
            if doc[i].text == "-" and i + 1 < len(doc) and doc[i + 1].lower_ in self.codebook.agent_links.get("of_agent", ()):
                i += 2  # "a Somalia-based group", "Kurdish-led forces"
            elif doc[i].pos_ in ("ADJ", "ADV") or doc[i].text in ("'s", "’s"):
                i += 1
            else:
                break
        return agent_at.get(i) if i < len(doc) and agent_at.get(i) is not None and agent_at[i].start == i else None

    def _person_sector(
        self, doc: Doc, m: Mention, agent_at: dict[int, Agent], published: dt.date | None, mentions: list[Mention]
    ) -> tuple[Mention, Agent | None]:
        """A person's sector: the title the text gives ("opposition leader X", "General X"), else the
        codebook role on the date, else the sector of the actor they stand for.

        A person with no actor whose title has a sector of `person_actor_sectors` (sectors.yaml:
        officials, officers, legislators, opposition leaders; not a singer or a rabbi) takes the
        demonym before the title, or the article's only state ("opposition leader X" in an
        article about one country).
        """
        title = agent_at.get(m.start - 1) if m.start > 0 else None
        if title is not None and title.start > 0 and doc[title.start - 1].text == "-":
            title = None  # part of a hyphenated title ("Secretary-General"), not the title itself
        named_after = None  # a title the person is in apposition to: it ties her to an actor only by its own words
        if title is None:
            root = doc[m.start : m.end].root
            title = next((agent_at[c.i] for c in root.children if c.dep_ == "appos" and c.i in agent_at), None)
            if title is None and not m.actor_id and root.dep_ == "appos" and root.head.i in agent_at:
                # "Chile's ambassador to Peru, *Ana Ruiz*,": a person the codebook does not know, named
                # after the title she holds
                title = named_after = agent_at[root.head.i]
        actor = m.actor_id
        rule = m.rule
        if title is not None and not actor and title.sector in self.codebook.person_actor_sectors:
            owner = _owner(doc, title, mentions)
            before = next((o for o in mentions if o.end == title.start and o.actor_id and o.kind in ("demonym", "actor", "metonym")), None)
            # "*Chile's* ambassador to Peru": the state that owns the title, not the one the "to" phrase names
            before = before or _state_possessor(doc, title, mentions)
            if owner is not None:
                # "Macron's Mali envoy": the envoy of the one who sent her, not of the country she is sent to
                actor, rule = owner.actor_id, f"{rule}+title_of:{owner.text}"
            elif before is not None or named_after is None:
                actor, how = (before.actor_id, "title_country") if before else _article_country(mentions, self.codebook, self.article_country, _dateline_end(doc_text(doc)))
                if actor:
                    rule = f"{rule}+{how}" + (APPOSED_TITLE if named_after is not None else "")
        if not actor:
            # "General X" with no country: still a general
            return (replace(m, sector=title.sector, rule=f"{rule}+agent:{title.text.lower()}") if title is not None else m), title
        if title is not None:
            sector = title.sector
            rule = f"{rule}+agent:{title.text.lower()}"
        else:
            sector = self._role_sector(m.person, published) or self.codebook.own_sector(actor)
        if self.codebook.actors.get(actor) and self.codebook.actors[actor].type in self.codebook.fixed_types:
            sector = self.codebook.own_sector(actor)
        return replace(m, actor_id=actor, sector=sector, rule=rule), title

    def _role_sector(self, name: str, published: dt.date | None) -> str:
        """The sector of a codebook person's role on the date: "Foreign Minister" GOV, "military" MIL."""
        person = self._persons_by_name().get(name)
        role = person.role_on(published) if person else None
        if role is None and person is not None and person.roles and published is None:
            # No date: the current role (open-ended), else the latest to start.
            role = max(person.roles, key=lambda r: (r.end is None, r.start or dt.date.min))
        if role is None or not role.role:
            return ""
        words = role.role.lower().replace("-", " ").split()
        for n in range(len(words)):
            phrase = " ".join(words[n:])
            sector = self.codebook.role_sectors.get(phrase) or self.codebook.agents.get(phrase) or self.codebook.institution_sectors.get(fold(phrase))
            if sector:
                return sector
        return ""


def _codebook_file(codebook: Codebook, name: str) -> dict:
    """One file of the codebook's folder as a mapping (empty when the folder has no such file)."""
    path = codebook.path / name
    return read_mapping(path, CodebookError, what="Codebook file", required=False) if path.is_file() else {}


def _bulk_person_names(codebook: Codebook) -> frozenset[str]:
    """Canonical names of the bulk-imported persons (`persons_*.yaml`, e.g. persons_phoenix.yaml).

    Read by a scan of the files' `- name:` lines, since parsing 17,000 entries a second time
    would double the finder's start-up; a quoted name is read as YAML.
    """
    names: set[str] = set()
    for path in sorted(codebook.path.glob("persons_*.yaml")) if codebook.path else ():
        for found in re.finditer(r"^\s*- name:\s*(.+?)\s*$", path.read_text(encoding="utf-8"), re.M):
            value = found.group(1)
            names.add(str(yaml.safe_load(value)) if value[:1] in "\"'" else value)
    curated = {str(p.get("name")) for p in _codebook_file(codebook, "persons.yaml").get("persons") or [] if isinstance(p, dict)}
    return frozenset(names - curated)


def _matching_data(codebook: Codebook) -> tuple[Spellings, dict[str, str], frozenset[str]]:
    """From the codebook's non_actors.yaml: the romanisation table (`transliteration`, pairs in
    order), the places (`places`: name -> the state it lies in) and the `event_nouns`."""
    data = _codebook_file(codebook, "non_actors.yaml")
    spellings = tuple((str(a), str(b)) for a, b in data.get("transliteration") or ())
    # Places of states this codebook does not have are left out: a codebook built from another
    # coder's actor dictionary (benchmarks/petrarch.py) shares our non_actors.yaml but not our ids.
    # For the shipped codebook, `tools/build_codebook.py --check` (run by the tests) reports them.
    places = {str(name): str(country) for country, names in (data.get("places") or {}).items()
              if str(country) in codebook.actors for name in names or ()}
    return spellings, places, frozenset(str(n).lower() for n in data.get("event_nouns") or ())


def _camel_acronym(name: str) -> bool:
    """A short name with a capital after a small letter: "LeT", "JuD", "DfID" (not "McCain": longer)."""
    return len(name) <= 5 and " " not in name and re.search(r"[a-z][A-Z]", name) is not None


def _person_nouns(codebook: Codebook) -> frozenset[str]:
    """titles.yaml `person_nouns`: nouns of an appositive that make the name before it a person's."""
    data = _codebook_file(codebook, "titles.yaml")
    return frozenset(str(n).lower() for n in data.get("person_nouns") or ())


def _wider(ent: Span, places: Iterable[Mention]) -> bool:
    """Whether spaCy's entity is longer than the place names inside it and is not itself a place
    name with a place noun ("Lagos State", "Homs province": the codebook place stays)."""
    covered = sum(m.end - m.start for m in places)
    if ent.end - ent.start <= covered or ent.label_ in ("GPE", "LOC", "FAC"):
        return False
    rest = [t for t in ent if not any(m.start <= t.i < m.end for m in places) and t.lower_ != "the"]
    if rest and all(t.lower_ in PLACE_NOUNS | {"state"} for t in rest):
        return False  # "Lagos State", "Homs Governorate": the place itself
    return all(ent.start <= m.start and m.end <= ent.end for m in places)


APPOSED_TITLE = "+apposed_title"  # a person's actor read from a title she is in apposition to


def _titled_person_throughout(mentions: list[Mention]) -> list[Mention]:
    """A person the codebook does not know, whom one mention's title ties to an actor ("the Russian
    envoy, Sergei Petrovsky, ..."), stands for that actor in the article's other mentions of the
    same person too ("... Petrovsky accused Chile": RUS, rule `+same_person_in_document`)."""
    titled = {m.person: m for m in mentions if m.kind == "person" and m.person and m.actor_id and "+title" in m.rule}
    return [replace(m, actor_id=titled[m.person].actor_id, sector=titled[m.person].sector,
                    rule=f"{m.rule}+same_person_in_document" + (APPOSED_TITLE if APPOSED_TITLE in titled[m.person].rule else ""))
            if m.kind == "person" and not m.actor_id and m.person in titled else m for m in mentions]


def _state_possessor(doc: Doc, a: Agent, mentions: list[Mention]) -> Mention | None:
    """The actor named as the possessor of a title: "*Chile's* ambassador to Peru", "*Kenya's* police
    chief". A mention of kind actor or metonym with an actor whose token is the title head's "poss"
    child, else None."""
    head = doc[a.end - 1]
    owners = {c.i for c in head.children if c.dep_ == "poss"}
    return next((o for o in mentions if o.actor_id and o.kind in ("actor", "metonym") and any(j in owners for j in range(o.start, o.end))), None)


def _owner(doc: Doc, a: Agent, mentions: list[Mention]) -> Mention | None:
    """The person whose agents these are: "Maduro's forces", "forces loyal to Nicolás Maduro",
    "the militia of X". A person's mention (or a regime's) with an actor, else None."""
    head = doc[a.end - 1]
    owners = [c for c in head.children if c.dep_ == "poss"]
    owners += [o for c in head.children if c.dep_ == "amod" and c.lower_ == "loyal"
               for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    owners += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    for token in owners:
        m = next((m for m in mentions if m.start <= token.i < m.end and m.actor_id and m.kind in ("person", "regime")), None)
        if m is not None:
            return m
    return None


def _target_of_own_clause(doc: Doc, a: Agent, state: str, mentions: list[Mention]) -> bool:
    """Whether the state a bare agent noun would take is, in its sentence, only the target of the
    noun's own verb: "soldiers attacked Syria", "rebels shelled Turkish villages", "Syria was
    shelled by rebels". The soldiers are then not Syria's; another sentence's reading is not
    used either ("Syrian soldiers ..." names its country itself).

    The agent is the subject of a verb (or its passive agent, "by rebels"); the target is the
    verb's object, the passive subject, or the object of a preposition of the verb that is not
    locative ("fired on", "crossed into"; not "fought in Syria": where the act happens), with
    their phrases short of a locative one ("attacked Syrian villages", not "fought rebels in Syria"). True when the sentence names the state and every such mention lies in a target.
    """
    head = doc[a.end - 1]
    if head.dep_ == "nsubj":
        verb = head.head
    elif head.dep_ == "pobj" and head.head.dep_ == "agent":
        verb = head.head.head
    else:
        return False
    targets = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    targets += [o for p in verb.children if p.dep_ == "prep" and p.lower_ not in LOCATIVE_PREPS - {"into"}
                for o in p.children if o.dep_ == "pobj"]
    inside: set[int] = set()
    while targets:
        token = targets.pop()
        inside.add(token.i)
        targets += [c for c in token.children if not (c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS - {"into"})]
    sent = head.sent
    named = [m for m in mentions if m.actor_id == state and m.kind != "agent" and sent.start <= m.start < sent.end]
    return bool(named) and all(all(i in inside for i in range(m.start, m.end)) for m in named)


def _one_national(doc: Doc, m: Mention) -> bool:
    """A demonym written as a singular noun after "a": "a Canadian", "an Iraqi who fled". ("The
    Russians" and "Americans" in political news are their state.)"""
    last = doc[m.end - 1]
    return last.pos_ in ("NOUN", "PROPN") and last.dep_ not in MODIFIER_OF_HEAD and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in last.children)


def _without_titles(ent: Span, title_words: set[str]) -> Span:
    """A PERSON entity without the title words spaCy took into it ("Gen Jeffrey Harrigan")."""
    start = ent.start
    while start < ent.end - 1 and (ent.doc[start].lower_ in title_words or ent.doc[start].lower_ + "." in title_words):
        start += 1
    end = ent.end
    while end > start + 1 and not ent.doc[end - 1].text.strip():
        end -= 1  # a trailing line break
    return ent.doc[start:end]


# Lower-case words that may stand inside a written personal name, besides NAME_PARTICLES
# ("José Eduardo dos Santos", "Ortega y Gasset", "Fatima bint Mubarak").
NAME_LOWER_WORDS = NAME_PARTICLES | {
    "dos", "das", "do", "del", "della", "dei", "des", "ter", "ten", "zu", "af", "bint", "ben", "y", "e", "ould", "ul", "ud", "ur",
}
# Tokens of a possessive that may close a personal name ("Ortiz's", "Letts’").
POSSESSIVES = {"'s", "’s", "’", "'"}


def _name_word(token: Token) -> bool:
    """Whether a token can be part of a written personal name: capitalised, a particle ("bin",
    "al"), a lower-case part of a hyphenated name ("Jae-myung"), or "al-Naim", "d’Estaing"."""
    text = token.text
    if text[:1].isupper() or token.lower_ in NAME_LOWER_WORDS:
        return True
    if token.i > 0 and token.doc[token.i - 1].text == "-" and not token.doc[token.i - 1].whitespace_:
        return True
    rest = re.split(r"[-’']", text, maxsplit=1)
    return len(rest) == 2 and rest[0].lower() in NAME_LOWER_WORDS | {"d", "o"} and rest[1][:1].isupper()


def _name_part(span: Span) -> Span | None:
    """The part of spaCy's PERSON span written as a name, or None when it is no name.

    A possessive ends the name ("Pandora’s box" -> "Pandora"); words before or after that are
    not capitalised are dropped ("’s al-Naim" -> "al-Naim", "Photographs of" -> "Photographs");
    a lower-case word left inside ("graffiti sprayed") means spaCy's guess is no name.
    """
    doc, start, end = span.doc, span.start, span.end
    for token in span[1:-1]:
        if token.lower_ in ("'s", "’s"):
            end = token.i  # a possessive inside the span; one that closes it stays ("Letts’", "Ortiz's")
            break
    while start < end and not (_name_word(doc[start]) and doc[start].text[:1].isalpha()):
        start += 1
    while end > start and not (doc[end - 1].text[:1].isupper() or doc[end - 1].lower_ in POSSESSIVES
                               or _name_word(doc[end - 1]) and doc[end - 1].lower_ not in NAME_LOWER_WORDS):
        end -= 1
    if start >= end or not all(_name_word(t) or t.lower_ in POSSESSIVES and t.i == end - 1 for t in doc[start:end]):
        return None
    return doc[start:end]


# Words that may stand between a credit word and a credited name ("Reporting by Ana Ruiz in
# Lima and Tom Lee", "Photograph: Ana Ruiz/Agency").
CREDIT_JOINERS = {"and", "in", "by", "&", "/"}


def _only_names(text: str) -> bool:
    """Whether text holds only capitalised words, numbers and joining words: "Ana Ruiz and Tom Lee in Lima"."""
    words = (found.group() for found in _CREDIT_WORD.finditer(text))  # lazily: the first other word decides
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in CREDIT_JOINERS for w in words)


_CREDIT_WORD = re.compile(r"[^\s,;:()/]+|/")


def _credit_opens(head: str, credit_words: Iterable[str]) -> bool:
    """Whether the text before a name ends in a credit: a credit word that opens a clause, then names.

    "... in Tacna. Photograph: Ana Ruiz/" and "Reporting by Ana Ruiz; Editing by " do; "in a
    video posted by " and "a book edited by " do not.
    """
    lowered = head.lower()
    for word in credit_words:
        for found in _whole_word_matches(lowered, word):
            before = head[: found.start()].rstrip()
            if (not before or before[-1] in ".;:(|") and _only_names(head[found.end():]):
                return True
    return False


def _whole_word_matches(text: str, word: str) -> Iterator[re.Match]:
    r"""The matches of `word` in `text` as a whole word, left to right, as `re.finditer` of
    `(?<!\w)word(?!\w)` gives them; found with `str.find` first (a scan of the regex alone
    costs a step per character of a long line, for each credit word)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    at = text.find(word)
    while at >= 0:
        found = pattern.match(text, at)
        if found is None:
            at = text.find(word, at + 1)
        else:
            yield found
            at = text.find(word, max(found.end(), at + 1))


def _masthead(span: Span) -> bool:
    """A name in capitals alone on its line: a masthead or section label, not a person."""
    if not span.text.isupper():
        return False
    n_alpha, _ = _alpha_counts(span.doc, _line_of(span.doc, span))
    return n_alpha == sum(t.is_alpha for t in span)


def _in_capitals_line(doc: Doc, span: Span) -> bool:
    """Whether a span sits in a line written in capitals ("WHAT IS NEXT FOR SYRIA")."""
    line = _line_of(doc, span)
    n_alpha, n_upper = _alpha_counts(doc, line)
    own = [doc[i] for i in range(max(line.start, span.start), min(line.end, span.end))]
    n_words = n_alpha - sum(t.is_alpha for t in own)
    n_upper -= sum(t.is_alpha and t.is_upper for t in own)
    return n_words >= 3 and n_upper / n_words >= 0.8


def _alpha_counts(doc: Doc, line: Span) -> tuple[int, int]:
    """How many tokens of a line are alphabetic, and how many of those are in capitals (counted once per line)."""
    def count() -> tuple[int, int]:
        words = [t for t in line if t.is_alpha]
        return len(words), sum(t.is_upper for t in words)

    return _per_line(line, _LINE_COUNTS, count)


T = TypeVar("T")


def _per_line(line: Span, name: str, work: Callable[[], T]) -> T:
    """What `work` gives for a line, worked out once per line and kept in its Doc's `user_data[name]`."""
    known = line.doc.user_data.setdefault(name, {})
    key = (line.start, line.end)
    if key not in known:
        known[key] = work()
    return known[key]


def _only_state(mentions: list[Mention], codebook: Codebook) -> str:
    """The one actor an article names (as actor, place or a person's state), if it is a state; else "".

    An article that names a second actor of any kind (another state, the UN, a group) leaves a
    bare "police" or "the minister" ambiguous.
    """
    named = {m.actor_id for m in mentions if m.actor_id and m.kind != "agent"}
    only = next(iter(named)) if len(named) == 1 else ""
    actor = codebook.actors.get(only)
    return only if actor is not None and actor.type == "state" else ""


def _article_country_thresholds(codebook: Codebook) -> tuple[int, float]:
    """sectors.yaml `article_country`: (min_mentions, min_ratio) for a dominant state; (0, 0) turns it off."""
    data = _codebook_file(codebook, "sectors.yaml")
    raw = data.get("article_country") or {}
    return int(raw.get("min_mentions", 0)), float(raw.get("min_ratio", 0))


def _dateline_end(text: str) -> tuple[int, int]:
    """The character span of the wire dateline at the head of `text` ("LAGOS, Nigeria (Agency) -",
    "QUITO -", "KHARTOUM, March 3 (Newswire) -"), dated or not (datelines.dateline_span); else (0, 0)."""
    return dateline_span(text, undated=True) or (0, 0)


def _article_country(
    mentions: list[Mention], codebook: Codebook, thresholds: tuple[int, float], dateline: tuple[int, int] = (0, 0)
) -> tuple[str, str]:
    """The state an agent noun with no country belongs to, and how the article makes it unambiguous.

    `only_state_in_article` when the article names one actor and it is a state (_only_state);
    `article_country:dateline` when the wire dateline names one state and no state is named
    more often; `article_country:dominant` when one state is named at least `min_mentions` times and at
    least `min_ratio` times as often as any other state (mentions as actor, demonym, place or a
    person's state). Otherwise "" : two states that compete leave "police" without a country.
    """
    only = _only_state(mentions, codebook)
    if only:
        return only, "only_state_in_article"
    counts = _state_counts(mentions, codebook)
    datelined = {m.actor_id for m in mentions if dateline[0] <= m.start_char < dateline[1] and m.actor_id in counts}
    if len(datelined) == 1:
        home = next(iter(datelined))
        if all(n <= counts[home] for n in counts.values()):
            return home, "article_country:dateline"
    least, ratio = thresholds
    if least <= 0:
        return "", ""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < least:
        return "", ""
    second = ranked[1][1] if len(ranked) > 1 else 0
    return (ranked[0][0], "article_country:dominant") if ranked[0][1] >= ratio * second else ("", "")


def _state_counts(mentions: list[Mention], codebook: Codebook) -> dict[str, int]:
    """How often the article names each state (as actor, demonym, place or a person's state)."""
    counts: dict[str, int] = {}
    for m in mentions:
        actor = codebook.actors.get(m.actor_id) if m.actor_id and m.kind != "agent" else None
        if actor is not None and actor.type == "state":
            counts[actor.id] = counts.get(actor.id, 0) + 1
    return counts


def _nearest_group(m: Mention, mentions: list[Mention], groups: tuple[str, ...]) -> str:
    """Of a community's groups, the one the article names nearest before the mention, else first after."""
    named = [o for o in mentions if o.actor_id in groups]
    before = [o for o in named if o.start < m.start]
    if before:
        return before[-1].actor_id
    return named[0].actor_id if named else ""


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


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


# Short words a title-case headline leaves in lower case.
_HEADLINE_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "over", "amid"}


# Keys of what the finder works out once per line and keeps in the Doc's `user_data` (never
# written to the parse cache, which stores Docs without user data): a line's alphabetic and
# capitalised token counts, and whether it is a headline.
_LINE_COUNTS = "newscoder_line_counts"
_HEADLINES = "newscoder_headlines"


def _line_of(doc: Doc, span: Span) -> Span:
    """The line of text a span sits on (headlines are lines; spaCy may join them to the next sentence)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return line if line is not None else span.sent


def _is_headline(line: Span) -> bool:
    """Title Case text ("Turkey and Israel Hold First Talks"), where capitals say nothing about names."""
    def title_case() -> bool:
        words = [t for t in line if t.is_alpha and t.lower_ not in _HEADLINE_SMALL_WORDS]
        return len(words) >= 4 and sum(t.is_title or t.is_upper for t in words) / len(words) >= 0.85

    return _per_line(line, _HEADLINES, title_case)


def squash(text: str) -> str:
    """A name's spelling without case, diacritics, punctuation or an article: "the Kurdistan
    Workers’ Party" and "Kurdistan Workers Party" are both "kurdistan workers party"."""
    words = re.sub(r"[^0-9a-z]+", " ", unidecode(text).casefold()).split()
    return " ".join(words[1:] if words[:1] == ["the"] and len(words) > 1 else words)


Spellings = tuple[tuple[str, str], ...]


def translit(word: str, table: Spellings) -> str:
    """A word's spelling with the usual variants of romanisation made one (non_actors.yaml
    `transliteration`): "Shoygu" and "Shoigu", "Sergey" and "Sergei"; doubled letters single
    ("Mohammed", "Mohamed")."""
    for a, b in table:
        word = word.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", word)


def _vowel_skeleton(word: str, table: Spellings) -> str:
    """Consonants kept, each run of vowels one mark: "Muhammad" and "Mohammed" alike."""
    return re.sub(r"[aeiou]+", "a", translit(word, table))


def _given_alike(a: str, b: str, table: Spellings) -> bool:
    """Two given names of one person: one romanisation, or one an initial or a shortening of the other."""
    if _vowel_skeleton(a, table) == _vowel_skeleton(b, table):
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) == 1 and long_.startswith(short)) or (len(short) >= GIVEN_PREFIX and long_.startswith(short))


def _same_given_names(words: list[str], other: list[str], table: Spellings) -> bool:
    """Whether a name written in full can be a fuller or other spelling of another with its surname:
    a surname alone always can; "Maria Okafor" and "Daniel Okafor" are two persons."""
    first, others = squash(words[0]) if words else "", squash(" ".join(other[:-1])).split()
    if len(words) < 2 or len(other) < 2 or not first or not others:
        return True
    return _given_alike(first, others[0], table) or first in others


def _same_name(words: list[str], other: list[str], person: bool, table: Spellings) -> bool:
    """Whether two squashed names are spellings of one name.

    A person's: as many words, one romanisation of the surname ("Shoigu"/"Shoygu") and given
    names alike or shortened ("Sergei"/"Sergey", "Baatar"/"Baatarjavyn"). Another name: alike as a
    whole (NAME_RATIO), with at most one word more or less.
    """
    if person:
        return len(words) == len(other) and translit(words[-1], table) == translit(other[-1], table) and all(
            _given_alike(a, b, table) for a, b in zip(words[:-1], other[:-1]))
    return abs(len(words) - len(other)) <= 1 and SequenceMatcher(None, " ".join(words), " ".join(other)).ratio() >= NAME_RATIO


def _known_adjectives(nlp: Language) -> frozenset[str]:
    """The adjectives the pipeline's rule lemmatizer knows (its `lemma_index`), lower case; empty
    for a pipeline without one."""
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["adj"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()
