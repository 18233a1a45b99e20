"""The tokenized codebook phrases cached on disk: a hit gives spaCy's own patterns, an edit misses only
the new names, a broken file is rebuilt with a warning, another tokenizer reads another file."""

from __future__ import annotations

import json
import logging
from dataclasses import replace

import spacy
from spacy.matcher import PhraseMatcher

from newscoder.codebook import Person
from newscoder.entities import EntityFinder
from newscoder.phrasecache import PhraseTokens, tokenizer_fingerprint

PHRASES = ["the Ruritanian Foreign Ministry", "Sam O'Neill-Brody", "U.N. envoy", "Café du Monde", "al-Qasr Brigades"]


def lower_hashes(nlp, text: str) -> list[int]:
    """What PhraseMatcher(attr='LOWER') takes from a Doc of `text`, computed by spaCy itself."""
    return [token.lower for token in nlp.tokenizer(text)]


def test_a_second_reader_hits_and_gets_the_patterns_spacy_makes(tmp_path):
    nlp = spacy.blank("en")
    first = PhraseTokens(nlp, tmp_path)
    assert first.patterns(PHRASES) == [lower_hashes(nlp, t) for t in PHRASES]
    assert (first.hits, first.misses) == (0, len(PHRASES))
    first.save()
    again = PhraseTokens(nlp, tmp_path)
    assert again.patterns(PHRASES) == [lower_hashes(nlp, t) for t in PHRASES]
    assert (again.hits, again.misses) == (len(PHRASES), 0)


def test_an_added_phrase_misses_alone_and_is_stored(tmp_path):
    nlp = spacy.blank("en")
    first = PhraseTokens(nlp, tmp_path)
    first.patterns(PHRASES)
    first.save()
    edited = PhraseTokens(nlp, tmp_path)
    edited.patterns([*PHRASES, "the Grand Duchy of Fenwick"])
    assert (edited.hits, edited.misses) == (len(PHRASES), 1)
    edited.save()
    (path,) = tmp_path.glob("*.json")
    assert "the Grand Duchy of Fenwick" in json.loads(path.read_text(encoding="utf-8"))["tokens"]


def test_a_corrupt_file_is_rebuilt_with_a_warning(tmp_path, caplog):
    nlp = spacy.blank("en")
    first = PhraseTokens(nlp, tmp_path)
    first.patterns(PHRASES)
    first.save()
    (path,) = tmp_path.glob("*.json")
    for broken in ('{"format": 1, "tok', '{"format": 1, "tokens": {"U.N. envoy": "u.n. envoy"}}', "[1, 2]"):
        path.write_text(broken, encoding="utf-8")
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="newscoder.phrasecache"):
            reader = PhraseTokens(nlp, tmp_path)
        assert "phrase cache: ignoring" in caplog.text
        assert reader.patterns(PHRASES) == [lower_hashes(nlp, t) for t in PHRASES]
        reader.save()
        assert PhraseTokens(nlp, tmp_path).stored.keys() == set(PHRASES)


def test_another_tokenizer_reads_another_file(tmp_path):
    plain = spacy.blank("en")
    special = spacy.blank("en")
    special.tokenizer.add_special_case("O'Neill-Brody", [{"ORTH": "O'Neill-Brody"}])
    assert tokenizer_fingerprint(plain) != tokenizer_fingerprint(special)
    first = PhraseTokens(plain, tmp_path)
    first.patterns(PHRASES)
    first.save()
    other = PhraseTokens(special, tmp_path)
    assert other.patterns(PHRASES) == [lower_hashes(special, t) for t in PHRASES]
    assert other.hits == 0


def test_no_folder_keeps_nothing(tmp_path):
    nlp = spacy.blank("en")
    reader = PhraseTokens(nlp, None)
    reader.patterns(PHRASES)
    reader.save()
    assert reader.path is None and not list(tmp_path.iterdir())


def test_hash_patterns_match_like_doc_patterns():
    nlp = spacy.blank("en")
    by_docs, by_hashes = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="LOWER")
    for text, pattern in zip(PHRASES, PhraseTokens(nlp, None).patterns(PHRASES)):
        by_docs.add(text, [nlp.tokenizer(text)])
        by_hashes.add(text, [pattern])
    doc = nlp("An envoy said the ruritanian foreign ministry met the U.N. envoy at CAFÉ DU MONDE.")
    assert by_hashes(doc) == by_docs(doc) and len(by_docs(doc)) == 3


def test_finder_after_a_codebook_edit_finds_the_new_name(tmp_path, nlp, codebook, finder):
    EntityFinder(nlp, codebook, phrase_cache=tmp_path)  # writes the cache
    person = Person(name="Albertine Quarmby-Voss", actor=next(iter(codebook.actors)))
    edited = EntityFinder(nlp, replace(codebook, persons=[*codebook.persons, person]), phrase_cache=tmp_path)
    doc = nlp("Albertine Quarmby-Voss met the Turkish foreign minister in Baku on Tuesday.")
    persons = [m for m in edited.match_codebook(doc) if m.kind == "person"]
    assert [m.text for m in persons] == ["Albertine Quarmby-Voss"]
    uncached = [(m.start, m.end, m.kind, m.actor_id) for m in finder.match_codebook(doc) if m.kind != "person"]
    assert [(m.start, m.end, m.kind, m.actor_id) for m in edited.match_codebook(doc) if m.kind != "person"] == uncached
