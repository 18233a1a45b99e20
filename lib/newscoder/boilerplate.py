"""Find page chrome and photo captions in a web copy of an article, keeping offsets into the text.

The rules are data (`data/boilerplate.yaml`); this module only applies them. Nothing is deleted:
`find_boilerplate` returns spans, and `blank_spans` replaces them with spaces so that every
character offset in the cleaned text is still an offset into the file as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space and a
# capital, an opening quote or bracket. "Feb. 4" does not split: a digit follows.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z“\"(])")
# A line that ends as a sentence does: a full stop or exclamation mark, perhaps inside a quote or bracket.
_SENTENCE_CLOSE = re.compile(r"[.!][\"”’)]*$")


@dataclass(frozen=True)
class Removal:
    """A stretch of text that is not article text."""

    start: int
    end: int
    kind: str  # chrome | caption | duplicate
    text: str


@dataclass(frozen=True)
class BoilerplateRules:
    chrome_lines: frozenset[str]
    chrome_patterns: tuple[re.Pattern, ...]
    caption_markers: tuple[re.Pattern, ...]
    duplicate_min_chars: int
    list_headings: frozenset[str] = frozenset()
    list_heading_patterns: tuple[re.Pattern, ...] = ()
    list_item_max_chars: int = 120


@lru_cache(maxsize=1)
def default_rules() -> BoilerplateRules:
    """Load the packaged rules from `data/boilerplate.yaml`."""
    raw = yaml.safe_load(resources.files("newscoder").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    return BoilerplateRules(
        chrome_lines=frozenset(s.casefold() for s in raw.get("chrome_lines", [])),
        chrome_patterns=tuple(re.compile(p) for p in raw.get("chrome_line_patterns", [])),
        caption_markers=tuple(re.compile(p) for p in raw.get("caption_markers", [])),
        duplicate_min_chars=int(raw.get("duplicate_min_chars", 40)),
        list_headings=frozenset(s.casefold() for s in raw.get("list_headings", [])),
        list_heading_patterns=tuple(re.compile(p) for p in raw.get("list_heading_patterns", [])),
        list_item_max_chars=int(raw.get("list_item_max_chars", 120)),
    )


def is_list_heading(line: str, rules: BoilerplateRules) -> bool:
    """Whether a stripped line heads a list of links to other stories ("Related stories", "More from X")."""
    return line.casefold() in rules.list_headings or any(p.search(line) for p in rules.list_heading_patterns)


def is_list_item(line: str, rules: BoilerplateRules) -> bool:
    """Whether a stripped line can be a linked headline in such a list: short, not a sentence ending in a full stop.

    "Peru and Chile reopen the Chacalluta crossing" is; "Peru reopened the crossing on Monday, officials said."
    and a paragraph closing a quotation ("“We will not wait,” she said. “Not again.”") are not.
    """
    return len(line) <= rules.list_item_max_chars and not _SENTENCE_CLOSE.search(line)


def _lines(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each line's content, without its line break."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return spans


def _sentence_starts(line: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(line)]


def _caption_span(line: str, marker: re.Match) -> tuple[int, int]:
    """Return the part of `line` that is the caption closed by this credit marker."""
    starts = [s for s in _sentence_starts(line) if s <= marker.start()]
    start = starts[-1]
    if line[start : marker.start()].strip() == "" and len(starts) > 1:
        # The credit is a sentence of its own: the caption is the sentence before it.
        start = starts[-2]
    end = marker.end()
    while end < len(line) and line[end] in " .)":
        end += 1
    return start, end


def find_boilerplate(text: str, rules: BoilerplateRules | None = None) -> list[Removal]:
    """Find chrome lines, captions, repeated lines and lists of links to other stories.

    A list heading ("Related stories") and the headlines after it are chrome when the run of
    headlines ends at a blank line, another chrome line or the end of the text: "Related
    stories / Chile and Peru trade blame over border" names no actor of the article. A run that
    runs into article text ("Related / Border talks" then a paragraph) is a subheading: kept.

    text (str): the document text as read from the file.
    rules (BoilerplateRules): the rules to apply; the packaged defaults if None.
    RETURNS (list[Removal]): non-overlapping removals sorted by start offset.
    """
    rules = rules or default_rules()
    removals: list[Removal] = []
    seen_lines: set[str] = set()
    in_list = False
    items: list[Removal] = []  # headlines under a list heading, kept until the run ends
    for line_start, line_end in _lines(text):
        line = text[line_start:line_end]
        stripped = line.strip()
        if not stripped:
            removals += items
            items, in_list = [], False
            continue
        lead = len(line) - len(line.lstrip())
        whole = (line_start + lead, line_start + lead + len(stripped))
        heading = is_list_heading(stripped, rules)
        if heading or stripped.casefold() in rules.chrome_lines or any(p.search(stripped) for p in rules.chrome_patterns):
            removals += items
            items, in_list = [], in_list or heading
            removals.append(Removal(*whole, "chrome", stripped))
            continue
        if in_list and is_list_item(stripped, rules):
            items.append(Removal(*whole, "chrome", stripped))
            continue
        items, in_list = [], False
        if len(stripped) >= rules.duplicate_min_chars and stripped in seen_lines:
            removals.append(Removal(*whole, "duplicate", stripped))
            continue
        seen_lines.add(stripped)
        covered_until = -1
        for pattern in rules.caption_markers:
            for marker in pattern.finditer(line):
                if marker.start() < covered_until:
                    continue
                start, end = _caption_span(line, marker)
                covered_until = end
                removals.append(Removal(line_start + start, line_start + end, "caption", line[start:end].strip()))
    return _merge(removals + items, text)


def _merge(removals: list[Removal], text: str) -> list[Removal]:
    """Merge overlapping removals, keeping the kind of the first."""
    merged: list[Removal] = []
    for r in sorted(removals, key=lambda r: (r.start, -r.end)):
        if merged and r.start <= merged[-1].end:
            last = merged[-1]
            end = max(last.end, r.end)
            merged[-1] = Removal(last.start, end, last.kind, text[last.start : end].strip())
        else:
            merged.append(r)
    return merged


def blank_spans(text: str, removals: list[Removal]) -> str:
    """Replace removed stretches with spaces (line breaks kept), so offsets stay valid."""
    chars = list(text)
    for r in removals:
        for i in range(r.start, r.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
