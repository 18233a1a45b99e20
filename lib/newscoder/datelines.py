"""Infer an article's publication date from its own head: the dateline and the date lines.

Wire copy opens its first paragraph with a dateline, "ISLAMABAD, March 3 (Reuters) -", and web
copies carry date lines under the title ("Published: 3 March 2026", "By Jane Doe | March 3,
2026", "Last updated March 4, 2026 09:12 GMT"). `infer_published` reads them, in order:

1. **dateline**: "PLACE[, REGION], <date>[, <year>] [(Agency)] -" at the start of one of the
   first lines. With a year, it is the publication day.
2. **year of a date line**: a dateline without a year takes the year of a published, byline or
   "updated" line (the year that does not put the dateline after that line's day). With none,
   the date is left unknown rather than guessed: a year is never taken from the clock.
3. **date line**: without a dateline, a published or byline date line with a year gives the day.
   An "updated" line alone gives no publication date: the article may be older than its update.

Where two of these disagree, the first in that order wins and the disagreement is noted.
The label words ("published", "updated", ...) are data: `data/datelines.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

# The English calendar (not domain knowledge): month names and abbreviations, as written in news.
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The forms of a date: "March 3, 2026", "3 March 2026", "2026-03-03"; the year may be missing
# in the first two (a dateline's "March 3").
DATE_FORMS = (
    re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:(?:,\s*|\s+)" + _YEAR + r")?\b"),
    re.compile(r"\b" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?\b"),
    re.compile(r"\b" + _YEAR + r"-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b"),
)
# A place: capitalised words ("KHARTOUM", "Port-au-Prince", "St. Louis"), up to three of them
# per part, up to three comma-separated parts ("GOMA, Democratic Republic of Congo").
_PLACE_PART = r"[A-Z][^\W\d_]*\.?(?:[ '’-](?:of |de |du |la |al-|el-)?[A-Z][^\W\d_]*\.?){0,3}"
_DATELINE = re.compile(
    r"^\s*(?P<place>" + _PLACE_PART + r"(?:,\s*" + _PLACE_PART + r"){0,2}),\s*(?P<date>[^()\n]{3,30}?)\s*"
    r"(?:\((?P<agency>[^()\n]{1,40})\)\s*)?(?:[-–—:]+|\s-\s)\s*"
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?|\b(?:GMT|UTC|BST|CET|EST|EDT|PST|ET)\b", re.I)
_BY = re.compile(r"^\s*By\s+", re.I)


@dataclass(frozen=True)
class DateLine:
    """A date at the head of an article: where it stood and what kind of line gave it."""

    kind: str  # dateline | published | byline | updated
    line: int  # 0-based index among the non-blank lines
    text: str  # the line (or the dateline), as written
    month: int
    day: int
    year: int | None

    def on(self, year: int) -> dt.date | None:
        """The day in a given year (None for 'February 30')."""
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        return self.on(self.year) if self.year else None


@dataclass(frozen=True)
class Inferred:
    """The publication date an article's head gives, the rule that gave it, and what was noted."""

    date: dt.date | None = None
    rule: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Labels:
    published: tuple[str, ...]
    updated: tuple[str, ...]
    head_lines: int


@lru_cache(maxsize=1)
def default_labels() -> Labels:
    """The packaged label words of `data/datelines.yaml`, longest first."""
    raw = yaml.safe_load(resources.files("newscoder").joinpath("data/datelines.yaml").read_text("utf-8"))
    order = lambda words: tuple(sorted((w.lower() for w in words), key=len, reverse=True))  # noqa: E731
    return Labels(order(raw.get("published_labels", [])), order(raw.get("updated_labels", [])), int(raw.get("head_lines", 8)))


def read_date(text: str, need_year: bool = False) -> tuple[re.Match, int, int, int | None] | None:
    """The first date written in `text`. RETURNS (match, month, day, year or None), or None.

    text (str): a line or part of one ("Tue 3 Mar 2026 10.45 GMT").
    need_year (bool): only dates that give their year.
    """
    found = []
    for form in DATE_FORMS:
        for m in form.finditer(text):
            if need_year and not m.group("year"):
                continue
            month = m.group("month")
            number = int(month) if month.isdigit() else _MONTHS.index(month[:3].lower()) + 1
            day = int(m.group("day"))
            if 1 <= day <= 31:
                found.append((m.start(), m, number, day, int(m.group("year")) if m.group("year") else None))
                break
    if not found:
        return None
    _, m, month, day, year = min(found, key=lambda f: f[0])
    return m, month, day, year


def _dateline(line: str, index: int) -> DateLine | None:
    """'KHARTOUM, March 3 (Newswire) - The army ...': the dateline a line opens with, if any."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    date = read_date(m.group("date"))
    if date is None or date[0].group(0).strip() != m.group("date").strip().rstrip(","):
        return None  # the part between place and dash must be the date and nothing else
    _, month, day, year = date
    return DateLine("dateline", index, line[: m.end()].strip(), month, day, year)


def _label_before(text: str, labels: Labels) -> str:
    """The kind of date a label just before a date gives ('Updated' -> updated), or ''."""
    words = re.sub(r"[^\w ]+", " ", text.lower()).split()
    tail = " ".join(words[-3:])
    for label in labels.updated:
        if tail.endswith(label):
            return "updated"
    for label in labels.published:
        if tail.endswith(label):
            return "published"
    return ""


def _date_lines(line: str, index: int, labels: Labels) -> list[DateLine]:
    """The dated parts of a short head line: 'Published 3 March 2026, updated 4 March 2026'."""
    if len(line) > 120 or re.search(r"[a-z][.!?][\"”]?$", line.strip()):
        return []  # a sentence of the story, not a date line
    out = []
    rest = line
    start = 0
    while True:
        date = read_date(rest[start:], need_year=True)
        if date is None:
            break
        m, month, day, year = date
        before = rest[:start + m.start()]
        kind = _label_before(before, labels)
        if not kind:
            kind = "byline" if _BY.match(line) else "published"
            if not _BY.match(line) and not _bare(line, labels):
                return []  # a title or sentence that happens to hold a date
        out.append(DateLine(kind, index, line.strip(), month, day, year))
        start += m.end()
    return out


def _bare(line: str, labels: Labels) -> bool:
    """Whether a line is a date with at most a few capitalised words around it ('Reuters | 3 March 2026')."""
    text = _TIME.sub(" ", line)
    for form in DATE_FORMS:
        text = form.sub(" ", text)
    for label in labels.published + labels.updated:
        text = re.sub(rf"\b{re.escape(label)}\b", " ", text, flags=re.I)
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) <= 4 and all(w[0].isupper() for w in words)


def find_date_lines(text: str, labels: Labels | None = None) -> list[DateLine]:
    """The dateline and the date lines of an article's first lines, in reading order.

    text (str): the article text (markup already blanked).
    labels (Labels | None): the label words; the packaged ones if None.
    RETURNS (list[DateLine]): what was found; the dateline (at most one) first among equals.
    """
    labels = labels or default_labels()
    lines = [line for line in text.splitlines() if line.strip()][: labels.head_lines]
    found: list[DateLine] = []
    for i, line in enumerate(lines):
        dateline = _dateline(line, i) if not any(f.kind == "dateline" for f in found) else None
        if dateline is not None:
            found.append(dateline)
            continue
        found += _date_lines(line, i, labels)
    return found


def _year_for(dateline: DateLine, reference: DateLine) -> int | None:
    """The year that puts the dateline's day on or before the reference line's day."""
    ref = reference.date
    if ref is None:
        return None
    for year in (ref.year, ref.year - 1):
        day = dateline.on(year)
        if day is not None and day <= ref:
            return year
    return None


def infer_published(text: str, labels: Labels | None = None) -> Inferred:
    """The publication date an article's head gives, by the rules of this module's docstring.

    text (str): the article text.
    labels (Labels | None): the label words; the packaged ones if None.
    RETURNS (Inferred): the date (None if the text gives none, or no year), the rule, notes.
    """
    found = find_date_lines(text, labels)
    dateline = next((f for f in found if f.kind == "dateline"), None)
    lines = [f for f in found if f.kind in ("published", "byline") and f.date is not None]
    updates = [f for f in found if f.kind == "updated" and f.date is not None]
    notes: list[str] = []
    if dateline is not None:
        if dateline.year is not None:
            date, rule = dateline.date, f"the dateline {dateline.text!r}"
        else:
            same_day = [f for f in lines if (f.month, f.day) == (dateline.month, dateline.day)]
            date, rule = None, ""
            for reference in same_day + lines + updates:
                year = _year_for(dateline, reference)
                if year is not None:
                    date = dateline.on(year)
                    rule = f"the dateline {dateline.text!r}, with the year of the line {reference.text!r}"
                    break
            if date is None:
                when = f"{dt.date(2000, dateline.month, 1):%B} {dateline.day}"
                notes.append(f"the dateline {dateline.text!r} gives {when} but no year; the publication date is left unknown")
        if date is not None:
            for other in lines:
                if other.date != date:
                    notes.append(f"the line {other.text!r} gives {other.date.isoformat()}; the dateline's {date.isoformat()} is used")
        return Inferred(date, rule, tuple(notes))
    if lines:
        first = lines[0]
        for other in lines[1:]:
            if other.date != first.date:
                notes.append(f"the line {other.text!r} gives {other.date.isoformat()}; the first date line's {first.date.isoformat()} is used")
        return Inferred(first.date, f"the {first.kind} line {first.text!r}", tuple(notes))
    if updates:
        notes.append(f"only an 'updated' line gives a date ({updates[0].text!r}); the article may be older, so the publication date is left unknown")
    return Inferred(None, "", tuple(notes))


def dateline_span(text: str, labels: Labels | None = None) -> tuple[int, int] | None:
    """Character offsets of the dateline ('KHARTOUM, March 3 (Newswire) -') in `text`, if any.

    The dateline dates the article, not an act: the date resolver leaves its date out.
    """
    labels = labels or default_labels()
    pos = 0
    seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if seen >= labels.head_lines:
                break
            seen += 1
            m = _DATELINE.match(line)
            if m is not None and _dateline(line, 0) is not None:
                return pos + m.start("place"), pos + m.end()
        pos += len(line)
    return None
