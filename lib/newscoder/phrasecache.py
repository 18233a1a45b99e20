"""Codebook phrases tokenized once: the entity finder's PhraseMatcher patterns, cached on disk.

The entity finder matches some 33,000 codebook names (every spelling of every actor, person,
outlet and place) with a `PhraseMatcher(attr="LOWER")`. Tokenizing them into Docs took about
2 s of every coding pass, in every process that builds a finder. The matcher only needs each
phrase's tokens as lower-case strings, and those depend on nothing but the phrase and the
tokenizer; so they are kept, phrase by phrase, in one JSON file per tokenizer:

    .cache/phrases/<tokenizer fingerprint[:16]>.json    {"format": 1, "tokens": {phrase: [lower, ...]}}

The fingerprint (`tokenizer_fingerprint`) hashes the model's name and version, spaCy's version,
the tokenizer's own rules and patterns (`Tokenizer.to_bytes` without the vocab) and this file's
`CACHE_FORMAT`; another model or tokenizer therefore reads another file. Because entries are
per phrase, an edited codebook misses only on the names it added or changed: those are
tokenized and the file is rewritten (atomically: temporary file, then rename).

Security: the file is read with `json.loads`, which builds only plain values; nothing is ever
unpickled. A file that does not decode, or does not hold lists of strings, is ignored with a
warning and written again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

# Bump when the stored form or the way patterns are made from it changes.
CACHE_FORMAT = 1
PHRASE_CACHE = ".cache/phrases"
# A file may keep phrases of other codebooks (a copy, an older edit) up to this many times the
# phrases of the codebook being built; past that it is rewritten with the current ones only.
KEEP_FACTOR = 2


def tokenizer_fingerprint(nlp: Language) -> str:
    """A hash of everything that decides how the pipeline's tokenizer splits a phrase.

    nlp (Language): the loaded pipeline.
    RETURNS (str): 64 hex digits.
    """
    meta = nlp.meta
    rules = hashlib.sha256(nlp.tokenizer.to_bytes(exclude=["vocab"])).hexdigest()
    parts = {
        "format": CACHE_FORMAT,
        "model": f"{meta.get('lang')}_{meta.get('name')}",
        "version": meta.get("version"),
        "spacy": spacy.about.__version__,
        "tokenizer": rules,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


class PhraseTokens:
    """Lower-case tokens of phrases as `nlp.tokenizer` splits them, read from one cache file.

    `patterns(texts)` gives PhraseMatcher patterns (LOWER hashes) for any phrases, tokenizing
    only those the file lacks; `save()` writes the file back if anything was tokenized.
    """

    def __init__(self, nlp: Language, folder: str | Path | None = PHRASE_CACHE) -> None:
        """nlp (Language): the pipeline whose tokenizer splits the phrases.
        folder (str | Path | None): the cache folder, relative to the project root or absolute;
            None or "" keeps nothing on disk (every phrase is tokenized).
        """
        self.nlp = nlp
        self.path = _cache_file(folder, tokenizer_fingerprint(nlp)) if folder else None
        self.stored: dict[str, list[str]] = _read(self.path) if self.path else {}
        self.used: dict[str, list[str]] = {}
        self.hits = 0
        self.misses = 0

    def lower_tokens(self, texts: Iterable[str]) -> list[list[str]]:
        """The lower-case token strings of each text, from the file or tokenized now."""
        texts = list(texts)
        missing = sorted({t for t in texts if t not in self.stored and t not in self.used})
        for text, doc in zip(missing, self.nlp.tokenizer.pipe(missing)):
            self.used[text] = [token.lower_ for token in doc]
        self.misses += len(missing)
        found = []
        for text in texts:
            tokens = self.used.get(text)
            if tokens is None:
                tokens = self.used[text] = self.stored[text]
                self.hits += 1
            found.append(tokens)
        return found

    def patterns(self, texts: Iterable[str]) -> list[list[int]]:
        """PhraseMatcher patterns for `PhraseMatcher(vocab, attr="LOWER")`: each text's LOWER hashes.

        These are the values `PhraseMatcher.add` takes from a Doc of the text; it also takes them as
        lists of hashes, which spares making 33,000 Docs.
        texts (Iterable[str]): the phrases.
        RETURNS (list[list[int]]): one list of hashes per phrase, in the order given.
        """
        add = self.nlp.vocab.strings.add
        return [[add(token) for token in tokens] for tokens in self.lower_tokens(texts)]

    def save(self) -> None:
        """Write the file if any phrase was tokenized now; failures to write only log a warning."""
        if self.path is None or not self.misses:
            return
        tokens = dict(self.stored) if len(self.stored) + len(self.used) <= KEEP_FACTOR * len(self.used) else {}
        tokens.update(self.used)
        text = json.dumps({"format": CACHE_FORMAT, "tokens": dict(sorted(tokens.items()))}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("phrase cache: could not write %s: %s", self.path, exc)
        self.stored, self.misses = tokens, 0


def _cache_file(folder: str | Path, fingerprint: str) -> Path:
    from .paths import resolve_path

    return resolve_path(folder, name="phrase cache") / f"{fingerprint[:16]}.json"


def _read(path: Path) -> dict[str, list[str]]:
    """The phrases stored in `path`; {} if there is no file, with a warning if it cannot be used."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("phrase cache: ignoring unreadable file %s (%s); tokenizing the codebook again", path, exc)
        return {}
    try:
        data = json.loads(raw)
        tokens = data["tokens"] if data.get("format") == CACHE_FORMAT else None
    except (ValueError, AttributeError, KeyError, TypeError):
        tokens = None
    if not isinstance(tokens, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in tokens.values()
    ):
        log.warning("phrase cache: ignoring %s, which does not hold tokenized phrases; tokenizing the codebook again", path)
        return {}
    return tokens
