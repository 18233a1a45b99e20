"""Re-parse Title Case lines ("Rebels Seize Hill Town As Talks Stall") from a sentence-cased copy.

A small pipeline reads capitals as names: in a Title Case headline it tags the verbs PROPN and
joins them into compounds, so no trigger or no actor is found. The `newscoder_title_case`
component, which runs last, finds such lines, builds a copy of each with the capitals that do not
mark names lowered ("Rebels seize hill town as talks stall"), runs the pipeline's components on
the copies, and writes their tags, POS, morphs, lemmas, heads, dependencies and entities back
onto the original tokens. The text (token texts, offsets, whitespace) is never changed; a line
whose copy does not line up with the original keeps its original parse.

Which capitals stay (`keeps_capital`), in order:
1. the first word of the line, and words in capitals ("UN", "NATO");
2. what the rest of the document says: a word written capitalised inside sentences elsewhere is
   a name, a word written in lower case elsewhere is not;
3. a word the first parse's NER puts in a name (person, place, nationality, organisation) stays,
   unless it is a known verb or adverb or a function word ("Norway Expels" tagged ORG: "Norway"
   stays, "Expels" is lowered);
4. any other word is lowered if the lemmatizer's word lists or spaCy's stop words know it, else
   kept (an unknown word, like most foreign names, is taken as a name).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

TITLE_CASE = "newscoder_title_case"

# Short words a Title Case line may leave in lower case; they do not count for or against it.
SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as over amid into per via vs".split())
# A line is Title Case when at least this many of its other alphabetic words ...
MIN_WORDS = 4
# ... and at least this share of them start with a capital (and most are not all capitals).
MIN_SHARE = 0.85
# Entity labels whose words are names (rule 3).
NAME_LABELS = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC", "ORG"})
# Word lists of the lemmatizer: rule 3 does not trust NER on verbs and adverbs; rule 4 uses all.
NOT_NAME_POS = ("verb", "adv")
ALL_POS = ("verb", "adv", "adj", "noun")

# After these a capital may start a quoted or new sentence, so it says nothing about a name.
SENTENCE_OPENERS = frozenset({'"', "“", "'", "‘", ":", "(", "-", "—"})

ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
ENT_ATTRS = [ENT_IOB, ENT_TYPE]


@dataclass(frozen=True)
class Lexicon:
    """Known English word forms by part of speech, from the pipeline's rule lemmatizer tables."""

    index: dict[str, frozenset[str]]
    exceptions: dict[str, frozenset[str]]
    rules: dict[str, tuple[tuple[str, str], ...]]

    @classmethod
    def from_pipeline(cls, nlp: Language) -> "Lexicon":
        """nlp (Language): a pipeline with a rule lemmatizer ("lemmatizer"); empty lists without one."""
        index: dict[str, frozenset[str]] = {}
        exceptions: dict[str, frozenset[str]] = {}
        rules: dict[str, tuple[tuple[str, str], ...]] = {}
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        for name, target in (("lemma_index", index), ("lemma_exc", exceptions), ("lemma_rules", rules)):
            table = lookups.get_table(name) if lookups is not None and lookups.has_table(name) else {}
            for pos in ALL_POS:
                value = table.get(pos, {}) if table else {}
                if name == "lemma_rules":
                    target[pos] = tuple((old, new) for old, new in value)
                else:
                    target[pos] = frozenset(value)
        return cls(index, exceptions, rules)

    def knows(self, word: str, parts: tuple[str, ...] = ALL_POS) -> bool:
        """Whether lower-case `word` is a form of a known word of one of `parts` ("seized": verb)."""
        for pos in parts:
            if word in self.index.get(pos, ()) or word in self.exceptions.get(pos, ()):
                return True
            for old, new in self.rules.get(pos, ()):
                if word.endswith(old) and word[: len(word) - len(old)] + new in self.index.get(pos, ()):
                    return True
        return False


def lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of the lines of `doc`, each with the newline token that ends it."""
    ranges, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            ranges.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        ranges.append((start, len(doc)))
    return ranges


def _words(line: Span) -> list[Token]:
    """The alphabetic tokens of a line."""
    return [t for t in line if t.is_alpha]


def is_title_case(line: Span) -> bool:
    """Most words capitalised, small words aside: "Rebels Seize Hill Town As Talks Stall"."""
    words = [t for t in _words(line)[1:] if t.lower_ not in SMALL_WORDS]
    if len(words) < MIN_WORDS:
        return False
    capitalised = sum(t.is_title or t.is_upper for t in words)
    return capitalised / len(words) >= MIN_SHARE and sum(t.is_title for t in words) * 2 > len(words)


def body_usage(doc: Doc, skip: set[int]) -> tuple[Counter, Counter]:
    """How often each lower-case word form is written capitalised and in lower case inside the
    sentences of `doc` outside the token indices `skip` (the Title Case lines)."""
    capitalised, lower = Counter(), Counter()
    for token in doc:
        if token.i in skip or not token.is_alpha or token.is_sent_start:
            continue
        previous = doc[token.i - 1] if token.i else None
        if previous is not None and (previous.is_space or previous.text in SENTENCE_OPENERS):
            continue
        if token.is_title:
            capitalised[token.lower_] += 1
        elif token.is_lower:
            lower[token.lower_] += 1
    return capitalised, lower


def keeps_capital(token: Token, first: bool, usage: tuple[Counter, Counter], lexicon: Lexicon) -> bool:
    """Whether a capitalised word of a Title Case line is kept capitalised in the copy (rules 1-4
    of the module docstring)."""
    word = token.lower_
    if first or (token.is_upper and len(token) > 1):
        return True
    capitalised, lower = usage[0][word], usage[1][word]
    if capitalised != lower:
        return capitalised > lower
    if token.ent_type_ in NAME_LABELS and word not in STOP_WORDS and not lexicon.knows(word, NOT_NAME_POS):
        return True
    return not (word in STOP_WORDS or lexicon.knows(word))


def sentence_case_words(line: Span, usage: tuple[Counter, Counter], lexicon: Lexicon) -> list[str]:
    """The line's token texts with the capitals that do not mark names lowered."""
    words = _words(line)
    first = words[0].i if words else -1
    out = []
    for token in line:
        lowered = token.is_alpha and token.is_title and not keeps_capital(token, token.i == first, usage, lexicon)
        out.append(token.text.lower() if lowered else token.text)
    return out


def _closed(doc: Doc, start: int, end: int) -> bool:
    """Whether every token of [start, end) has its head inside it (the line is whole sentences)."""
    return all(start <= t.head.i < end for t in doc[start:end])


class TitleCaseLines:
    """The `newscoder_title_case` component: Title Case lines parsed again from a sentence-cased copy."""

    def __init__(self, nlp: Language, name: str, copy_entities: bool) -> None:
        self.nlp = nlp
        self.name = name
        self.copy_entities = copy_entities
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon.from_pipeline(self.nlp)
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        if not found:
            return doc
        copies = self.parse_copies(doc, found)
        self.set_annotations(doc, found, copies)
        return doc

    def find(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the Title Case lines that are whole sentences of the first parse."""
        if not doc.has_annotation("DEP"):
            return []
        return [(s, e) for s, e in lines(doc) if is_title_case(doc[s:e]) and _closed(doc, s, e)]

    def parse_copies(self, doc: Doc, found: list[tuple[int, int]]) -> list[Doc]:
        """Build a sentence-cased copy of each line (same tokens and spaces) and run the pipeline's
        components before this one on the copies."""
        skip = {i for s, e in found for i in range(s, e)}
        usage = body_usage(doc, skip)
        copies = []
        for s, e in found:
            line = doc[s:e]
            spaces = [bool(t.whitespace_) for t in line]
            copies.append(Doc(doc.vocab, words=sentence_case_words(line, usage, self.lexicon), spaces=spaces))
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            if hasattr(component, "pipe"):
                copies = list(component.pipe(copies))
            else:
                copies = [component(c) for c in copies]
        return copies

    def set_annotations(self, doc: Doc, found: list[tuple[int, int]], copies: list[Doc]) -> None:
        """Copy the copies' annotations onto the original tokens; a copy whose tokens or spaces do
        not match its line one for one is skipped."""
        attrs = ATTRS + (ENT_ATTRS if self.copy_entities else [])
        array = doc.to_array(attrs)
        changed = False
        for (s, e), copy in zip(found, copies):
            line = doc[s:e]
            if len(copy) != len(line) or any(
                a.text.lower() != b.text.lower() or a.whitespace_ != b.whitespace_ for a, b in zip(line, copy)
            ):
                continue
            if not _closed(copy, 0, len(copy)):
                continue
            values = copy.to_array(attrs)
            lemma = attrs.index(LEMMA)
            for j, (a, b) in enumerate(zip(line, copy)):
                if b.pos_ == "PROPN":  # a name the copy lowered keeps its own spelling as lemma
                    values[j, lemma] = a.orth
            array[s:e] = values
            changed = True
        if changed:
            doc.from_array(attrs, array)


@Language.factory(TITLE_CASE, default_config={"copy_entities": True})
def make_title_case(nlp: Language, name: str, copy_entities: bool) -> TitleCaseLines:
    """nlp (Language): the pipeline whose earlier components parse the copies.
    copy_entities (bool): also take the copies' entities for the Title Case lines."""
    return TitleCaseLines(nlp, name, copy_entities)
