"""The entity finder's PhraseMatcher holds the codebook's phrases under one shared match id where a
phrase has one key only: the (key, start, end) it reports, and their order, are those of a matcher
with one match id per key (spaCy's own behaviour), also for phrases that several keys share."""

from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher

from newscoder.entities import EntityFinder
from newscoder.phrasecache import PhraseTokens

# Made-up names; "al-Qasr" and "al - Qasr" are two keys whose phrases split into the same tokens.
NAMES = {
    "ruritania": ["Ruritania", "ruritania"],
    "ruritanian foreign ministry": ["Ruritanian Foreign Ministry"],
    "al-qasr": ["al-Qasr"],
    "al - qasr": ["al - Qasr"],
    "qasr brigades": ["Qasr Brigades"],
    "foreign ministry": ["Foreign Ministry"],
}
TEXT = "The Ruritanian Foreign Ministry said the al-Qasr Brigades had left Ruritania; al - Qasr denied it."


def finder_matches(nlp, doc) -> list[tuple[str, int, int]]:
    finder = EntityFinder.__new__(EntityFinder)
    finder.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    keys = [key for key, names in NAMES.items() for _ in names]
    finder._add_phrases(keys, PhraseTokens(nlp, None).patterns([name for names in NAMES.values() for name in names]))
    return [(finder._phrase_key(doc, match_id, start, end), start, end) for match_id, start, end in finder.phrases(doc)]


def per_key_matches(nlp, doc) -> list[tuple[str, int, int]]:
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, names in NAMES.items():
        matcher.add(key, [nlp.tokenizer(name) for name in names])
    return [(nlp.vocab.strings[match_id], start, end) for match_id, start, end in matcher(doc)]


def test_shared_match_id_reports_what_one_id_per_key_reports():
    nlp = spacy.blank("en")
    doc = nlp(TEXT)
    expected = per_key_matches(nlp, doc)
    assert {key for key, _, _ in expected} == set(NAMES)  # every name is found, both al-Qasr keys twice
    assert finder_matches(nlp, doc) == expected

