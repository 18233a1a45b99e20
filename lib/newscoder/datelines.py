"""Infer an article's publication date from its own head: the dateline and the date lines.

Wire copy opens its first paragraph with a dateline, "ISLAMABAD, March 3 (Reuters) -", and web
copies carry date lines under the title ("Published: 3 March 2026", "By Jane Doe | March 3,
2026", "Last updated March 4, 2026 09:12 GMT"). `infer_published` reads them, in order:

1. **dateline**: "PLACE[/PLACE or and PLACE][ (Region)][, REGION], <date>[, <year>] [(Agency) or /Agency/] -"
   at the start (a region may hold a hyphenated word: "SRINAGAR, India-administered Kashmir,")
   of one of the first lines (the comma may be missing after a place in capitals: "LIMA 3 March
   2026 -"; below a head of page chrome longer than that, of the story's first
   paragraph), a colon after a place in capitals ("ISLAMABAD: May 7, 2026 —") and an
   ISO date ("ISLAMABAD, 2026-05-07 —") too; also "PLACE (<date>) —" (press releases) and
   "<date with year> —" (the date alone). With a year, it is the publication day. A dateline
   without a date ("QUITO -") dates nothing; `dateline_span(..., undated=True)` finds it for
   entities.py, which reads the state it names.
2. **year of a date line**: a dateline without a year takes the year of a published, byline or
   "updated" line (the year that puts the dateline nearest that line's day); failing
   that, of the full dates the story gives ("on March 1, 2026", a vote "set for April 2, 2026";
   not a month alone, "in March 2025", which news names as history), when they agree on a year
   that puts the dateline within a month of them; failing that, of the copy's copyright line
   ("© 2026 Newswire", "© Newswire 2026"). With none, the date is
   left unknown rather than guessed: a year is never taken from the clock.
3. **date line**: without a dateline, a published or byline date line with a year gives the day:
   the first one labelled as the publication ("First published on ..."), else the first one.
   An "updated" line alone gives no publication date: the article may be older than its update.

Where two of these disagree, the first in that order wins and the disagreement is noted.
A date is written "March 3, 2026", "3 March 2026", "Tue 3 Mar 2026", "26-Oct-2026", "2026-03-03"
or "2026/03/03"; an all-numeric "26.10.2026" or "10/26/2026" only when one order alone makes a
date ("07/05/2026" is left unknown). A date line may hold names, an outlet, times and a few page
words ("correspondent", "min read") besides its date, but no other lower-case word: a title or a
sentence that holds a date is not a date line. The label and page words are data:
`data/datelines.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator
from functools import lru_cache
from importlib import resources

import yaml

# The English calendar (not domain knowledge): month names and abbreviations, as written in news.
_MONTH = (  # as written in a line of capitals too ("OCTOBER 26, 2026")
    r"(?P<month>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)|(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|"
    r"APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?))\.?"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+|(?:MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]*,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# The forms of a date: "March 3, 2026", "3 March 2026", "2026-03-03"; the year may be missing
# in the first two (a dateline's "March 3").
DATE_FORMS = (  # also "Oct-26-2026", "26-Oct-2026", "26th of October 2026", "2026/10/26", "2026.10.26"
    re.compile(r"\b" + _WEEKDAY + _MONTH + r"(?:\s+|-)" + _DAY + r"(?:(?:,\s*|\s+|-)" + _YEAR + r")?\b"),
    re.compile(r"\b" + _WEEKDAY + _DAY + r"(?:\s+of\s+|\s+|-)" + _MONTH + r"(?:(?:,?\s+|-)" + _YEAR + r")?\b"),
    re.compile(r"\b" + _YEAR + r"(?P<sep>[-/.])(?P<month>0?[1-9]|1[0-2])(?P=sep)(?P<day>[0-3]?\d)(?!\d)"),  # also "2026-03-03T10:00Z"
)
# "26.10.2026", "26/10/2026", "26-10-2026", "10/26/2026": numbers only, one separator; read when one
# order alone is a date (`numeric_date`), since "07/05/2026" is May 7 in Britain and July 5 in the
# United States.
NUMERIC_FORM = re.compile(r"(?<![\d./-])(?P<first>[0-3]?\d)(?P<nsep>[./-])(?P<second>[0-3]?\d)(?P=nsep)" + _YEAR + r"(?![\d.]\d)")
# A place: capitalised words ("KHARTOUM", "Port-au-Prince", "St. Louis"), up to three of them
# per part, up to three comma-separated parts ("GOMA, Democratic Republic of Congo").
# A word of a place may end in a hyphenated lower-case word ("India-administered Kashmir").
_PLACE_WORD = r"[A-Z][^\W\d_]*(?:-[a-z]+)?\.?"
_PLACE_PART = _PLACE_WORD + r"(?:[ '’-](?:of |de |du |la |al-|el-)?" + _PLACE_WORD + r"){0,3}"
_PLACE = (  # "NEW DELHI/ISLAMABAD", "NEW DELHI and ISLAMABAD", "SRINAGAR (India)"
    _PLACE_PART + r"(?:(?:\s*/\s*|\s+and\s+)" + _PLACE_PART + r")*(?:\s*\(" + _PLACE_PART + r"\))?"
)
# The dashes that end a dateline besides the hyphen-minus: the en and em dash, and the other dashes
# and the minus sign that text converted from other formats puts in their place.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b"
_DATELINE = re.compile(  # the place is followed by a comma, a dash ("TBILISI, Georgia — Oct. 26, 2026 —") or a colon
    # ("ISLAMABAD: May 7, 2026 —"), by its bracket ("TUNIS (Maghreb Wire) March 3 -"), or, for a place
    # in capitals, by a space alone ("LIMA 3 March 2026 -"); the dash that
    # ends it is not the hyphen of "2026-05-07"; after the agency's brackets the story may follow with
    # no dash ("LIMA, May 7 (Andes Wire) Police cleared ...")
    r"^\s*(?P<place>" + _PLACE + r"(?:,\s*" + _PLACE + r"){0,2})(?P<sep>,|:|\s*[" + _DASHES + r"]|\s-|(?<=\))\s|(?<=[A-Z]{2})\s)\s*(?P<date>[^()\n]{3,30}?)\s*"
    r"(?:\((?P<agency>[^()\n]{1,40})\)\s*|/(?P<wire>[^/\n]{1,40})/\s*)?"
    r"(?:[-:" + _DASHES + r"]+(?!\d)|\s-\s|(?(agency)(?=[A-Z\"“‘'])|(?!)))\s*"
)
# "WASHINGTON (May 7, 2026) —": a press release puts the date in brackets after the place.
_BRACKET_DATELINE = re.compile(
    r"^\s*(?P<place>" + _PLACE_PART + r"(?:,\s*" + _PLACE_PART + r"){0,2})\s*\((?P<date>[^()\n]{3,30})\)\s*(?:[-:" + _DASHES + r"]+|\s-\s)\s*"
)
# "QUITO -", "BEIRUT, Lebanon (AP) —": a wire dateline without its date, the place in capitals.
# It names the place a story was filed from (entities.py reads its state), but dates nothing.
_UNDATED_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’-]{2,}(?:/[A-Z][A-Z .'’-]+)?(?:,\s*[A-Z][A-Za-z .'’-]+)?)\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-" + _DASHES + r"]{1,2}\s"
)
# "May 7, 2026 — Pakistan expelled ...": a dateline of the date alone, which must give its year.
_DATE_FIRST = re.compile(r"^\s*(?P<date>[^()\n" + _DASHES + r"]{6,30}?)\s*(?:\((?P<agency>[^()\n]{1,40})\)\s*)?(?:[" + _DASHES + r"]+|\s-{1,2}\s)\s*(?=\S)")
# "© 2026 The Continental Post", "Copyright 2026 Newswire", "© Newswire 2026": the year a wire or
# page puts its copyright in.
_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bCopyright\b)\s*(?:©\s*)?(?:[A-Z][\w&.'’-]*\s+){0,5}(?P<year>(?:19|20)\d\d)(?![\d-])")
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
    labelled: bool = False  # a label said what the date is ('First published on ...'), not only its place

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
    line_words: frozenset[str] = frozenset()  # lower-case words a date line may hold ('at', 'correspondent')
    caption_words: frozenset[str] = frozenset()  # words of a picture caption ('Photograph:'), never a date line


@lru_cache(maxsize=1)
def default_labels() -> Labels:
    """The packaged label words of `data/datelines.yaml`, longest first."""
    raw = yaml.safe_load(resources.files("newscoder").joinpath("data/datelines.yaml").read_text("utf-8"))
    order = lambda words: tuple(sorted((w.lower() for w in words), key=len, reverse=True))  # noqa: E731
    return Labels(order(raw.get("published_labels", [])), order(raw.get("updated_labels", [])), int(raw.get("head_lines", 8)),
                  frozenset(str(w).lower() for w in raw.get("date_line_words", [])),
                  frozenset(str(w).lower() for w in raw.get("caption_words", [])))


def numeric_date(first: int, second: int) -> tuple[int, int] | None:
    """(month, day) of a numeric date '26/10' or '10/26' when only one order makes a date, else None.

    >>> numeric_date(26, 10), numeric_date(10, 26), numeric_date(7, 5)
    ((10, 26), (10, 26), None)
    """
    orders = {(m, d) for d, m in ((first, second), (second, first)) if 1 <= m <= 12 and 1 <= d <= 31}
    return orders.pop() if len(orders) == 1 else None


def read_date(text: str, need_year: bool = False) -> tuple[re.Match, int, int, int | None] | None:
    """The first date written in `text`. RETURNS (match, month, day, year or None), or None.

    text (str): a line or part of one ("Tue 3 Mar 2026 10.45 GMT", "26.10.2026 18:40").
    need_year (bool): only dates that give their year.
    """
    found = []
    for m in NUMERIC_FORM.finditer(text):
        order = numeric_date(int(m.group("first")), int(m.group("second")))
        if order is not None:
            found.append((m.start(), m, order[0], order[1], int(m.group("year"))))
            break
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


def _dateline_match(line: str) -> tuple[re.Match, int, int, int | None] | None:
    """The dateline a line opens with: (match, month, day, year or None), or None.

    Three forms: 'KHARTOUM, March 3 (Newswire) -' (the place, then the date), 'WASHINGTON (May 7,
    2026) —' (the date in brackets) and 'May 7, 2026 — ...' (the date alone, with its year).
    """
    for form in (_DATELINE, _BRACKET_DATELINE, _DATE_FIRST):
        m = form.match(line)
        if m is None:
            continue
        date = read_date(m.group("date"))
        if date is None or date[0].group(0).strip() != m.group("date").strip().rstrip(","):
            continue  # the part between place and dash must be the date and nothing else
        if form is _DATE_FIRST and date[3] is None:
            continue  # "March 3 — ..." alone may be a title or a list; a bare date needs its year
        if form is _DATELINE and (m.group("sep") == ":" or m.group("sep").isspace() and not m.group("place").endswith(")")) and not m.group("place").split(",")[0].isupper():
            continue  # "Quito: May 7, 2026 -" may be a title; a dateline's place before a colon or a space opens in capitals
        if form is not _DATE_FIRST and _label_before(m.group("place"), default_labels()):
            continue  # "UPDATED: March 5, 2026 - 10:30 GMT" is a labelled date line, not a place
        return m, date[1], date[2], date[3]
    return None


def _dateline(line: str, index: int) -> DateLine | None:
    """'KHARTOUM, March 3 (Newswire) - The army ...': the dateline a line opens with, if any."""
    found = _dateline_match(line)
    if found is None:
        return None
    m, month, day, year = found
    return DateLine("dateline", index, line[: m.end()].strip(), month, day, year)


def _label_before(text: str, labels: Labels) -> str:
    """The kind of date a label just before a date gives ('Updated' -> updated, also across a time:
    'Updated 2:14 PM EDT, March 4, 2026'), or ''."""
    words = re.sub(r"[^\w ]+", " ", _TIME.sub(" ", text).lower()).split()
    while words[-1:] in (["on"], ["at"]):
        words = words[:-1]  # "Last modified on", "Published On", "Updated at 07:55,": the label, then "on" or "at"
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
    if len(line) > 160 or re.search(r"[a-z][.!?][\"”]?$", _TIME.sub("", line).strip()):
        return []  # a sentence of the story, not a date line
    if _caption(line, labels):
        return []  # "Protesters in Tbilisi, 26 October 2026. Photograph: AFP": the picture's day
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
        labelled = bool(kind)
        if not kind:
            kind = "byline" if _BY.match(line) else "published"
            if not _BY.match(line) and not _bare(line, labels):
                return []  # a title or sentence that happens to hold a date
        out.append(DateLine(kind, index, line.strip(), month, day, year, labelled))
        start += m.end()
    return out


def _caption(line: str, labels: Labels) -> bool:
    """Whether a line is a picture caption or credit ('Police in Tbilisi, 26 October 2026. Photo: AFP')."""
    return any(w.lower() in labels.caption_words for w in re.findall(r"[^\W\d_]+", line))


BARE_WORDS = 6  # capitalised words (names, places, an outlet) a date line may hold besides its date


def _bare(line: str, labels: Labels) -> bool:
    """Whether a line is a date with a few names and page words around it: 'Reuters | 3 March 2026',
    'Nino Beridze, Caucasus correspondent · Thursday, May 7, 2026 at 10:15 a.m.' (not a title or a
    sentence that holds a date: 'The war that began on April 15, 2023')."""
    text = _TIME.sub(" ", line)
    for form in (*DATE_FORMS, NUMERIC_FORM):
        text = form.sub(" ", text)
    for label in labels.published + labels.updated:
        text = re.sub(rf"\b{re.escape(label)}\b", " ", text, flags=re.I)
    words = [w for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text) if w.lower() not in labels.line_words]
    return len(words) <= BARE_WORDS and all(w[0].isupper() for w in words)


def find_date_lines(text: str, labels: Labels | None = None) -> list[DateLine]:
    """The dateline and the date lines of an article's first lines, in reading order.

    text (str): the article text (markup already blanked).
    labels (Labels | None): the label words; the packaged ones if None.
    RETURNS (list[DateLine]): what was found; the dateline (at most one) first among equals.
    """
    labels = labels or default_labels()
    found: list[DateLine] = []
    for _, i, line in _dateline_lines(text, labels):
        dateline = _dateline(line, i) if not any(f.kind == "dateline" for f in found) else None
        if dateline is not None:
            found.append(dateline)
            continue
        if i < labels.head_lines:
            found += _date_lines(line, i, labels)
    return found


YEAR_REACH = 183  # days between a year-less dateline and a date line that lends it its year


def _year_for(dateline: DateLine, reference: DateLine) -> int | None:
    """The year that puts the dateline's day nearest the reference line's day: 'QUITO, Dec. 31' with
    'Updated January 2, 2031' is 2030; 'TBILISI, Oct. 27' with 'Published Oct. 26, 2026 11:50 PM'
    (filed after midnight, or in another time zone) is 2026, not a year earlier."""
    ref = reference.date
    if ref is None:
        return None
    days = [(abs((day - ref).days), year) for year in (ref.year - 1, ref.year, ref.year + 1) if (day := dateline.on(year)) is not None]
    near = min(days, default=None)
    return near[1] if near is not None and near[0] <= YEAR_REACH else None


def _year_from_numeric_line(dateline: DateLine, text: str, labels: Labels) -> tuple[dt.date | None, str]:
    """A year-less dateline's year from an all-numeric head line that writes the same day in
    either order: 'ISLAMABAD, May 6' with '06/05/2026' or '05/06/2026' (ambiguous alone, but
    both numbers are the dateline's day and month)."""
    lines = [line for line in text.splitlines() if line.strip()][: labels.head_lines]
    for line in lines:
        if len(line) > 160:
            continue
        for m in NUMERIC_FORM.finditer(line):
            if {int(m.group("first")), int(m.group("second"))} == {dateline.day, dateline.month} and _bare(line, labels):
                year = int(m.group("year"))
                if dateline.on(year) is not None:
                    return dateline.on(year), f"the dateline {dateline.text!r}, with the year of the line {line.strip()!r}"
    return None, ""


BODY_REACH = 31  # days before the dateline that a dated act of the story may lie


def _written_days(text: str) -> Iterator[tuple[str, dt.date]]:
    """The full dates with a year that a text writes ('on March 1, 2026'), as (words, day). A month
    and year alone ('in May 2025') is left out: news names the same month a year before as history
    ('the war of May 2025' in a May 2026 story), so it would lend the wrong year."""
    for form in DATE_FORMS:
        for m in form.finditer(text):
            if not m.group("year"):
                continue
            month = m.group("month")
            number = int(month) if month.isdigit() else _MONTHS.index(month[:3].lower()) + 1
            try:
                written = dt.date(int(m.group("year")), number, int(m.group("day")))
            except ValueError:
                continue
            yield m.group(0).strip(), written


def _year_from_body(dateline: DateLine, text: str) -> tuple[dt.date | None, str]:
    """A year-less dateline's year from a full date the story writes with its year ('on March 1,
    2026', a vote 'set for March 16, 2026'): the year that puts the dateline day within BODY_REACH
    days of it, before or after. Every such date must agree."""
    years = set()
    found = ""
    for words, written in _written_days(text):
        for year in (written.year - 1, written.year, written.year + 1):
            day = dateline.on(year)
            if day is not None and abs((day - written).days) <= BODY_REACH:
                years.add(year)
                found = found or words
    if len(years) != 1:
        return None, ""
    year = years.pop()
    return dateline.on(year), f"the dateline {dateline.text!r}, with the year of the date {found!r} in the story"


def _year_from_copyright(dateline: DateLine, text: str) -> tuple[dt.date | None, str]:
    """A year-less dateline's year from the copyright line of the copy ('© 2026 The Continental
    Post. All rights reserved.'), when the text gives one year there and no other source did."""
    years = {int(m.group("year")) for m in _COPYRIGHT.finditer(text)}
    if len(years) != 1:
        return None, ""
    year = years.pop()
    line = next(m.group(0) for m in _COPYRIGHT.finditer(text))
    day = dateline.on(year)
    return (day, f"the dateline {dateline.text!r}, with the year of the copyright line {line!r}") if day else (None, "")


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
                date, rule = _year_from_numeric_line(dateline, text, labels or default_labels())
            if date is None:
                date, rule = _year_from_body(dateline, text)
            if date is None:
                date, rule = _year_from_copyright(dateline, text)
            if date is None:
                when = f"{dt.date(2000, dateline.month, 1):%B} {dateline.day}"
                notes.append(f"the dateline {dateline.text!r} gives {when} but no year; the publication date is left unknown")
        if date is not None:
            for other in lines:
                if other.date != date:
                    notes.append(f"the line {other.text!r} gives {other.date.isoformat()}; the dateline's {date.isoformat()} is used")
        return Inferred(date, rule, tuple(notes))
    if lines:
        first = _first_publication_line(lines)
        for other in lines:
            if other is not first and other.date != first.date:
                notes.append(f"the line {other.text!r} gives {other.date.isoformat()}; the line {first.text!r} ({first.date.isoformat()}) is used")
        return Inferred(first.date, f"the {first.kind} line {first.text!r}", tuple(notes))
    if updates:
        notes.append(f"only an 'updated' line gives a date ({updates[0].text!r}); the article may be older, so the publication date is left unknown")
    return Inferred(None, "", tuple(notes))


def _first_publication_line(lines: list[DateLine]) -> DateLine:
    """The date line that gives the publication day: the first one labelled as such ('First
    published on Mon 3 Mar 2025'), else the first. A page may show its last change as a bare date
    above the labelled first publication ('Tue 4 Mar 2025 09.12 GMT' / 'First published on Mon 3
    Mar 2025 14.00 GMT'): the label says which day is which, the bare line does not.

    lines (list[DateLine]): the published and byline lines with a year, in reading order.
    RETURNS (DateLine): the line whose day is used.
    """
    return next((line for line in lines if line.kind == "published" and line.labelled), lines[0])


def dateline_span(text: str, labels: Labels | None = None, undated: bool = False) -> tuple[int, int] | None:
    """Character offsets of the dateline ('KHARTOUM, March 3 (Newswire) -') in `text`, if any.

    The dateline dates the article, not an act: the date resolver leaves its date out.
    text (str): the article text.
    labels (Labels | None): the label words (for the number of head lines); the packaged ones if None.
    undated (bool): also a dateline without a date, 'QUITO -' or 'BEIRUT, Lebanon (AP) —' (the
        place a story was filed from, for entities.py); a dated one on the same line comes first.
    RETURNS (tuple[int, int] | None): (start, end) of the first dateline, or None.
    """
    for pos, _, line in _dateline_lines(text, labels or default_labels()):
        found = _dateline_match(line)
        if found is not None:
            m = found[0]
            return pos + m.start("place" if "place" in m.re.groupindex else "date"), pos + m.end()
        bare = _UNDATED_DATELINE.match(line) if undated else None
        if bare is not None:
            return pos + bare.start("place"), pos + bare.end()
    return None


def _head_lines(text: str, labels: Labels) -> Iterator[tuple[int, int, str]]:
    """(offset, number among non-empty lines, line) of the first `labels.head_lines` non-empty lines."""
    pos = seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if seen >= labels.head_lines:
                return
            yield pos, seen, line
            seen += 1
        pos += len(line)


STORY_WORDS = 8  # a line of at least this many words is a paragraph of the story, not page chrome
CHROME_LINES = 100  # how far past the head lines the first paragraph of the story is looked for


def _dateline_lines(text: str, labels: Labels) -> Iterator[tuple[int, int, str]]:
    """The lines a dateline may open: the first `labels.head_lines` non-empty lines and, when page
    chrome fills them (menus, share links, related headlines), the lines after them down to the
    first paragraph of the story, its first line of at least STORY_WORDS words: wire copy opens
    that paragraph with its dateline however long the head above it is. As `_head_lines`.

    >>> [line for _, _, line in _dateline_lines("Home\\nWorld\\nQUITO, May 7 - Ecuador shut two ports on Monday, officials said.\\nMore", Labels((), (), 1))]
    ['Home\\n', 'World\\n', 'QUITO, May 7 - Ecuador shut two ports on Monday, officials said.\\n']
    """
    pos = seen = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            if seen >= labels.head_lines + CHROME_LINES:
                return
            yield pos, seen, line
            if seen >= labels.head_lines - 1 and len(line.split()) >= STORY_WORDS:
                return  # the story has begun: a dateline further down opens no story
            seen += 1
        pos += len(line)


def date_line_spans(text: str, labels: Labels | None = None) -> list[tuple[int, int]]:
    """Character offsets of the date lines at the head of `text` ('Published 12 March 2026',
    'October 6, 2026', 'By Ana Ruiz | Updated: January 2, 2031 08:10 GMT').

    Like the dateline, a date line dates the article, not an act: the date resolver leaves it out.
    """
    labels = labels or default_labels()
    return [(pos, pos + len(line.rstrip("\r\n"))) for pos, seen, line in _head_lines(text, labels) if _date_lines(line, seen, labels)]
