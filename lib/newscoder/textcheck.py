"""Cheap checks on a document's text before analysis: HTML markup and whether it reads as English.

Both keep offsets: markup is found as spans (like boilerplate) that are blanked with spaces, so
every offset in the tables still points into the text as read from the file.

Language: the pipeline's model reads English only. A full language identifier (py3langid,
lingua) would add a dependency to answer a yes/no question that English's own function words
answer on article-length text: in English news prose about a fifth to a quarter of the words are
"the", "of", "and", "to", "said", ...; in French, German, Dutch, Spanish, Italian, Turkish or
Indonesian news text they are a few percent at most, and in other scripts none. Texts too short to
tell are not judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .boilerplate import Removal

# Element names of HTML that scrapers leave behind; `<Name>` or `a <b> c` in prose are not markup.
HTML_ELEMENTS = frozenset("""
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col
colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form
frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main map mark
meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
section select small source span strong style sub summary sup svg table tbody td template textarea tfoot th thead
time title tr track u ul var video wbr
""".split())
_TAG = re.compile(r"<!--.*?-->|<!DOCTYPE[^<>]*>|</?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?/?>", re.S | re.I)
# Whose content is code or styling, never article text.
_HIDDEN_CONTENT = re.compile(r"<(script|style|noscript|template)\b[^<>]*>.*?</\1\s*>", re.S | re.I)

# Frequent English function words that are not also frequent words of other Latin-script languages
# ("in", "is", "was", "an", "on", "will" are left out: Dutch, German and French use them too).
ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to that for with said by from his her has have are were which this who their they had been it as at
be its not but would
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 40  # shorter texts are not judged
MIN_ENGLISH_SHARE = 0.08  # English news text: 0.2-0.26; other languages measured: 0-0.06
MIN_LATIN_SHARE = 0.5  # share of letters in the Latin script


def find_markup(text: str) -> list[Removal]:
    """HTML tags, comments and script/style contents in `text`, as spans sorted by start.

    text (str): the document text as read from the file.
    RETURNS (list[Removal]): non-overlapping spans of kind `markup`.
    """
    spans = [(m.start(), m.end()) for m in _HIDDEN_CONTENT.finditer(text)]
    for m in _TAG.finditer(text):
        name = m.group(1)
        if name is None or name.lower() in HTML_ELEMENTS:
            spans.append((m.start(), m.end()))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Removal(start, end, "markup", text[start:end]) for start, end in merged]


@dataclass(frozen=True)
class LanguageGuess:
    """Whether a text reads as English, with the figures that decided it."""

    english: bool | None  # None: too short to tell
    words: int
    english_share: float  # share of words that are English function words
    latin_share: float  # share of letters in the Latin script

    def describe(self) -> str:
        if self.latin_share < MIN_LATIN_SHARE:
            return f"only {self.latin_share:.0%} of its letters are in the Latin script"
        return (
            f"only {self.english_share:.0%} of its {self.words} words are common English words "
            f"such as 'the', 'of', 'and' (English news text has about 20-25%)"
        )


def guess_english(text: str) -> LanguageGuess:
    """Judge cheaply whether `text` is English (see the module docstring for why this is enough)."""
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    latin_share = latin / len(letters) if letters else 1.0
    words = [w.lower() for w in _WORD.findall(text)]
    share = sum(w in ENGLISH_FUNCTION_WORDS for w in words) / len(words) if words else 0.0
    if len(letters) >= 20 and latin_share < MIN_LATIN_SHARE:
        return LanguageGuess(False, len(words), share, latin_share)
    if len(words) < MIN_WORDS:
        return LanguageGuess(None, len(words), share, latin_share)
    return LanguageGuess(share >= MIN_ENGLISH_SHARE, len(words), share, latin_share)
