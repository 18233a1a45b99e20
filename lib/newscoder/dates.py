"""Date every statement: when the act happened, not when the article was published.

dateparser reads the surface forms ("May 22, 2025", "December 2024", "Thursday", "last week");
this module only decides what each form is anchored to and which act it dates:

* an expression dates the verb (or trigger noun) it hangs from in the parse, and the acts
  whose clauses sit under that verb;
* a relative expression counts from the nearest day already named in the same paragraph (at most two sentences back)
  ("told reporters on May 22 ... said on Thursday" gives May 22), else from publication;
* tense decides direction: a past "on Monday" is the Monday on or before the anchor, a future
  one ("will meet on Monday") the Monday after it;
* a range of days ("25-26 January") is its first day; a year-less date ("April 9") takes the year that puts it on the tense's side of the anchor,
  unless the codebook's `dated_events.yaml` names it ("October 7" -> 2023-10-07);
* day counts ("the previous day", "two days later", "a day after the meeting") count from the
  day they name or the last day named ("a week later", "two weeks earlier": the month of that
  week, as "two weeks ago"); a weekday inside a quotation from the day it was said;
* a week or weekend that spans two months gives no date ("last weekend", "earlier this week"
  otherwise give the month; "earlier this year" the year; "in recent weeks" the story month);
  "three days ago" is that day, "two weeks ago" the month of that week, "a year ago" the year;
* "the same day", "later that day", "that night" are the day just named; "three days after <clause>" counts back from the day of
  the clause it hangs from; "Wednesday night" is that Wednesday;
* the dateline and the date lines at the head ("Published 12 March 2026") date the article, not
  an act; the title and standfirst are dated by the story month unless told as a plan;
* a pluperfect takes a day of its own clause, else its coordinated verb's, else the day of the
  verb of saying that reports it ("said Japan had lodged a protest"), else none;
* an act with no date of its own takes a neighbour's day or the story date: the publication
  day in a paragraph of a same-day report that dates an act to that day, else the month (the
  month for an act told in the present or present perfect); habitual, historical and future
  acts ("will", "would" outside a quotation, also over quoted words: 'would “send a letter”'),
  clauses of time under them ("will reopen it when Paraguay withdraws"), conditions ("if they
  attack") and present perfect passives of a state ("have been closed") without a date stay
  empty; a speaker's own quoted "we will" is dated by the speaking.
The rules are written out in codebook/README.md ("Dates"); the word lists are
`data/time_words.yaml`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .datelines import date_line_spans, dateline_span
from .doctext import doc_text
from .errors import CodebookError
from .yamlio import read_mapping


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _time_words() -> dict:
    """The packaged word lists of `data/time_words.yaml` (future markers, habitual words, ...)."""
    return yaml.safe_load(resources.files("newscoder").joinpath("data/time_words.yaml").read_text("utf-8"))


def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _time_words().get(name) or [])


FUTURE_MARKERS = _words("future_markers")
FORWARD_MARKERS = _words("forward_markers")
MODAL_WORDS = _words("modal_words")
FUTURE_VERBS = _words("future_verbs")
# Words that name a meeting: a headline's or a back-reference's meeting is the one dated nearby.
EVENT_WORDS = _words("event_words")
UNDATED_WORDS = _words("history_words")
HABITUAL_WORDS = _words("habitual_words")
RECENT_WORDS = _words("recent_words")
STATIVE_VERBS = _words("stative_verbs")
SPEECH_VERBS = _words("speech_verbs")
DAY_COUNTS = {str(k).lower(): int(v) for k, v in (_time_words().get("day_counts") or {}).items()}
# Spans of text before the date proper that only say which part of it is meant.
_LEADING = re.compile(
    r"^(?:on|in|at|by|from|since|until|till|during|of|the|a|an|as of|early|late|mid|"
    r"(?:the )?(?:beginning|start|end|middle|turn) of)\s+",
    re.IGNORECASE,
)
_MID = re.compile(r"^mid-(?=[a-z])", re.I)  # "mid-February": the month
# Words for the anchor day itself, or the day next to it: "today", "this morning", "last night".
_SAME_DAY = {
    **{w: 0 for w in ("today", "tonight", "earlier today", "later today", "this morning", "this afternoon",
                      "this evening", "early today", "late today", "this morning's", "today's")},
    **{w: -1 for w in ("yesterday", "last night", "yesterday's", "late yesterday", "early yesterday")},
    **{w: 1 for w in ("tomorrow", "tomorrow's")},
}
_HOURS = re.compile(r"\b(?:hours?|minutes?|a\.m\.|p\.m\.|am|pm|GMT|UTC|local time|\d{1,2}[:.]\d{2})\b", re.I)
# "a 30-day truce", "last-minute shelling", "decade-long": a length or a manner, not a time.
_DURATION = re.compile(r"(?:an? |the )?[\w.]+-(?:day|week|month|year|hour|minute|decade)s?(?:-(?:old|long))?|[\w]+-long|last-minute", re.I)
_RECENT = re.compile(r"(?:recent|the (?:past|last) (?:few|several)) (?:days|weeks)", re.I)
# "days after": how far a few days can reach, and the words that say "a few days".
FEW_DAYS = 10
_FEW_DAYS = re.compile(r"(?:a few|few|several|some|two|three|four|five)?\s*days")
QUOTES = "“”\"«»"  # double quotes only: a single ’ is as often an apostrophe
_PERIOD = re.compile(r"\b(?:this|last|past|earlier this|late last|early this) (?:week|month)\b", re.I)
_NO_DATE = re.compile(r"\b(?:recent|recently|years|decades?|centur(?:y|ies)|days|weeks|months|ago|ongoing|past|coming)\b", re.I)


@dataclass(frozen=True)
class EventDate:
    """The date of one act, with how precise it is and what it rests on (SCHEMA.md)."""

    value: str = ""
    precision: str = "none"
    basis: str = "none"
    expression: str = ""

    @property
    def known(self) -> bool:
        return self.precision != "none"


NO_DATE = EventDate()


@dataclass(frozen=True)
class NamedEvent:
    id: str
    date: dt.date
    phrases: tuple[str, ...]


@lru_cache(maxsize=8)
def load_named_events(folder: str | Path) -> tuple[NamedEvent, ...]:
    """The codebook's dated events (`dated_events.yaml`): year-less names that mean one day."""
    path = Path(folder) / "dated_events.yaml"
    if not path.exists():
        return ()
    data = read_mapping(path, CodebookError, what="Codebook file", missing="")
    events = []
    for i, entry in enumerate(data.get("events") or [], start=1):
        where = f"{path}, entry {i}"
        if not isinstance(entry, dict) or not {"id", "date", "phrases"} <= set(entry):
            raise CodebookError(f"{where}: an event needs 'id', 'date' (YYYY-MM-DD) and 'phrases'.")
        try:
            day = entry["date"] if isinstance(entry["date"], dt.date) else dt.date.fromisoformat(str(entry["date"]))
        except ValueError:
            raise CodebookError(f"{where}: date {entry['date']!r} is not YYYY-MM-DD.") from None
        phrases = entry["phrases"] if isinstance(entry["phrases"], list) else [entry["phrases"]]
        events.append(NamedEvent(str(entry["id"]), day, tuple(str(p).lower() for p in phrases)))
    return tuple(events)


@dataclass(frozen=True)
class Expression:
    """A date expression found in a document and what it resolved to."""

    start: int  # token index
    end: int
    text: str
    date: EventDate
    head: int  # token index of the verb or noun it dates


@lru_cache(maxsize=1024)
def _parser(direction: str, base: dt.date) -> DateDataParser:
    """A dateparser reader for one direction and anchor day (cheap to build; cached because anchors repeat)."""
    settings = {"PREFER_DATES_FROM": direction, "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    return DateDataParser(languages=["en"], settings=settings)


def _parse(text: str, base: dt.date, direction: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of a surface form: the date and its period (day, week, month, year)."""
    data = _parser(direction, base).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _format(day: dt.date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": f"{day.year:04d}"}.get(precision, "")


def _core(text: str) -> str:
    """The expression without leading prepositions and part-of words, or possessive."""
    text = text.strip().rstrip(".,;:")
    text = re.sub(r"['’]s$", "", text)
    previous = None
    while previous != text:
        previous, text = text, _MID.sub("", _LEADING.sub("", text))
    return text


def qualified_weekday(lowered: str, anchor: dt.date) -> dt.date | None:
    """'last Wednesday': the latest Wednesday before the anchor day (a week back if the anchor is
    a Wednesday); 'next Saturday', 'this coming Saturday': the first one after it. None for any
    other expression ('this Friday' is left to the tense, like a bare weekday).

    >>> qualified_weekday("last wednesday", dt.date(2024, 3, 13)), qualified_weekday("next saturday", dt.date(2024, 3, 13))
    (datetime.date(2024, 3, 6), datetime.date(2024, 3, 16))
    """
    m = re.fullmatch(r"(last|next|this coming|coming) (\w+)(?: (?:night|morning|afternoon|evening))?", lowered)
    if m is None or m.group(2) not in WEEKDAYS:
        return None
    weekday = WEEKDAYS.index(m.group(2))
    if m.group(1) == "last":
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _weekend(lowered: str, anchor: dt.date, future: bool) -> EventDate | None:
    """'last weekend', 'over the weekend', 'this past weekend': the Saturday and Sunday before the
    anchor (its own, on a weekend day); 'next weekend' or a future 'at the weekend' the next one.
    The month when both days lie in one, else NO_DATE; None for any other expression.

    >>> _weekend("last weekend", dt.date(2024, 3, 13), False).value, _weekend("next weekend", dt.date(2024, 8, 28), False)
    ('2024-03', EventDate(value='', precision='none', basis='none', expression=''))
    """
    m = re.fullmatch(r"(?:over |at )?(?:the |this past |last |next |this )?weekend", lowered)
    if m is None:
        return None
    ahead = lowered.startswith("next") or future and not lowered.startswith(("last", "this past"))
    if ahead:
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7)
    else:
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    sunday = saturday + dt.timedelta(days=1)
    return EventDate(_format(saturday, "month"), "month", "relative", lowered) if saturday.month == sunday.month else NO_DATE


# ("a" and "an" are cut off with the other leading words: "a month ago" arrives as "month ago")
_AGO = re.compile(r"(?:(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (day|week|month|year)s?|(day|week|month|year)) ago")


def counted_back(lowered: str, anchor: dt.date) -> EventDate | None:
    """'three days ago': that day; 'two weeks ago': the month of the week around that day, when the
    week lies in one month (like 'last week'); 'a month ago' that month; 'two years ago' that
    year. None for any other expression ('weeks ago', 'years ago' stay undated).

    >>> counted_back("three days ago", dt.date(2024, 3, 13)).value, counted_back("two weeks ago", dt.date(2024, 3, 27)).value
    ('2024-03-10', '2024-03')
    """
    m = _AGO.fullmatch(lowered)
    if m is None:
        return None
    number = m.group(1) or "one"
    n = DAY_COUNTS.get(number) or int(number)
    unit = m.group(2) or m.group(3)
    if unit == "day":
        return EventDate((anchor - dt.timedelta(days=n)).isoformat(), "day", "relative", lowered)
    if unit == "week":
        middle = anchor - dt.timedelta(days=7 * n)
        first, last = middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
        same = (first.year, first.month) == (last.year, last.month)
        return EventDate(_format(middle, "month"), "month", "relative", lowered) if same else NO_DATE
    if unit == "month":
        month = (anchor.year * 12 + anchor.month - 1) - n
        return EventDate(f"{month // 12:04d}-{month % 12 + 1:02d}", "month", "relative", lowered)
    return EventDate(f"{anchor.year - n:04d}", "year", "relative", lowered)


_RANGE_DAYS = re.compile(r"^(?:from |between )?(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+([A-Za-z]+\.?)(.*)$")
_RANGE_MONTH_DAYS = re.compile(r"^(?:from |between )?([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:[-–]|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\b(.*)$")


def first_of_range(core: str) -> str:
    """A range of days within one month is dated by its first day: '25-26 January' -> '25 January',
    'March 5-6, 2025' -> 'March 5, 2025', 'between March 5 and 7' -> 'March 5'.

    >>> first_of_range("29-30 January"), first_of_range("March 5-6, 2025"), first_of_range("March 2025")
    ('29 January', 'March 5, 2025', 'March 2025')
    """
    m = _RANGE_DAYS.match(core)
    if m is not None:
        return f"{m.group(1)} {m.group(2)}{m.group(3)}"
    m = _RANGE_MONTH_DAYS.match(core)
    if m is not None and not m.group(2).startswith("0") and len(m.group(2)) <= 2:
        return f"{m.group(1)} {m.group(2)}{m.group(3)}"
    return core


def _weekday_part(lowered: str) -> bool:
    """'wednesday night', 'monday afternoon': a weekday and a part of it, so that weekday.

    >>> _weekday_part("wednesday night"), _weekday_part("night")
    (True, False)
    """
    words = lowered.split()
    return len(words) == 2 and words[0] in WEEKDAYS


def _has_year(text: str) -> bool:
    return re.search(r"\b(1[89]\d\d|20\d\d)\b", text) is not None


def _has_day_number(text: str) -> bool:
    return re.search(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", text)) is not None


def looks_forward(token: Token) -> bool:
    """Whether a date in the clause of `token` lies ahead: a future, or a future in the past
    ('said it would expel them on January 8')."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return is_future(token) or any(c.dep_ == "aux" and c.lower_ in FORWARD_MARKERS for c in verb.children)


def is_future(token: Token) -> bool:
    """Whether the clause of `token` looks forward: 'will meet', 'is set to meet', 'plans to meet'."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_MARKERS:
            return True
    if verb.lemma_.lower() in FUTURE_VERBS and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "talks are scheduled for May 3", "the vote is set for Sunday"
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_ in FUTURE_VERBS or head.lemma_ == "be" and head.lower_ in ("is", "are")):
        return True
    return False


class DateResolver:
    """Find and anchor the date expressions of parsed documents."""

    def __init__(self, nlp: Language, named_events: tuple[NamedEvent, ...] = ()) -> None:
        self.named = {phrase: event for event in named_events for phrase in event.phrases}
        self.matcher = Matcher(nlp.vocab)
        # Weekdays the NER leaves out ("Monday's meeting").
        self.matcher.add("WEEKDAY", [[{"LOWER": {"IN": list(WEEKDAYS)}, "IS_TITLE": True}]])
        # Days counted from another day: "the previous night", "the next day", "the day before",
        # "two days later", "a day after (the meeting)". They win over the NER's shorter span ("A day").
        part = {"LOWER": {"IN": ["day", "night", "evening", "morning"]}}
        counts = {"LOWER": {"IN": sorted(DAY_COUNTS)}}
        self.matcher.add("OFFSET", [
            [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["previous", "preceding", "next", "following", "same"]}}, part],
            [{"LOWER": "the"}, part, {"LOWER": {"IN": ["before", "after"]}}],
            [{"LOWER": {"IN": ["later", "earlier"]}, "OP": "?"}, {"LOWER": "that"}, part],  # "later that day"
            [counts, {"LOWER": {"IN": ["day", "days"]}}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
            [{"LIKE_NUM": True}, {"LOWER": "days"}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
        ], greedy="LONGEST")
        self.offset_id = nlp.vocab.strings["OFFSET"]
        # "days after": the matched 'after' or 'before' is dropped from the span again.
        few = ["a", "few", "several", "some", "two", "three", "four", "five"]
        self.matcher.add("DAYS_AFTER", [[{"LOWER": {"IN": few}, "OP": "*"}, {"LOWER": "days"}, {"LOWER": {"IN": ["after", "before"]}}]], greedy="LONGEST")
        self.days_after = nlp.vocab.strings["DAYS_AFTER"]

    # ---- finding -----------------------------------------------------------------------------
    def spans(self, doc: Doc) -> list[Span]:
        """Date expressions: the NER's DATE and TIME entities plus weekday and day-count matches.

        A day count ("two days later", "a day after") is taken whole even where the NER has part
        of it ("A day"); the rest are added where the NER has nothing.
        """
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], m[2]))
        offsets = [doc[start:end] for match_id, start, end in matches if match_id == self.offset_id and self._is_offset(doc[start:end])]
        found = list(offsets)
        taken = {i for e in found for i in range(e.start, e.end)}
        for e in doc.ents:
            if e.label_ in ("DATE", "TIME") and not any(i in taken for i in range(e.start, e.end)):
                found.append(e)
                taken.update(range(e.start, e.end))
        for match_id, start, end in matches:
            if match_id == self.offset_id:
                continue
            if match_id == self.days_after:
                end -= 1
            if not any(i in taken for i in range(start, end)):
                found.append(doc[start:end])
                taken.update(range(start, end))
        return sorted(found, key=lambda s: s.start)

    def named_in(self, lowered: str) -> NamedEvent | None:
        """The named day an expression starts with ('october 7', 'october 7 attack'), if any."""
        for phrase, event in self.named.items():
            if lowered == phrase or lowered.startswith(phrase + " "):
                return event
        return None

    # ---- reading one expression ---------------------------------------------------------------
    def read(self, text: str, anchor: dt.date, future: bool, dates_verb: bool = False, following: str = "") -> tuple[EventDate, bool]:
        """What one expression means against an anchor day. RETURNS (date, explicit-day?).

        dates_verb: the expression is 'on/in <date>' dating a verb, so never a named day.
        following: the word after the expression ('after' in 'days after').
        """
        core = first_of_range(_core(text))
        lowered = core.lower()
        if _FEW_DAYS.fullmatch(lowered) and following in ("after", "before"):
            # "comes days after they met": the meeting lies a few days before the anchor.
            sign = -1 if following == "after" else 1
            first, last = sorted((anchor + dt.timedelta(days=sign * 2), anchor + dt.timedelta(days=sign * FEW_DAYS)))
            if (first.year, first.month) == (last.year, last.month):
                return EventDate(_format(first, "month"), "month", "relative", text), False
            return NO_DATE, False
        if _RECENT.fullmatch(lowered):
            # "in recent days": near the story, so its month (manual 8.6), on the publication's word.
            return EventDate(_format(anchor, "month"), "month", "publication", text), False
        qualified = qualified_weekday(lowered, anchor)
        if qualified is not None:
            return EventDate(qualified.isoformat(), "day", "relative", text), False
        shift = _SAME_DAY.get(lowered)
        if shift is not None:
            # "today", "this morning", "last night": the anchor day itself (or the one next to it).
            return EventDate((anchor + dt.timedelta(days=shift)).isoformat(), "day", "relative", text), False
        weekend = _weekend(lowered, anchor, future)
        if weekend is not None:
            return weekend, False
        ago = counted_back(lowered, anchor)
        if ago is not None:
            return (EventDate(ago.value, ago.precision, ago.basis, text) if ago.known else NO_DATE), False
        if not core or _NO_DATE.search(lowered) and not _has_year(lowered) or _DURATION.fullmatch(core):
            return NO_DATE, False
        named = self.named_in(lowered)
        if named is not None and not dates_verb:
            return EventDate(named.date.isoformat(), "day", "explicit", text), True
        if lowered.startswith("earlier this month") or lowered in ("this month", "earlier this month", "later this month"):
            return EventDate(_format(anchor, "month"), "month", "relative", text), False
        if lowered in ("earlier this year", "later this year"):
            return EventDate(_format(anchor, "year"), "year", "relative", text), False
        if lowered in ("earlier this week", "later this week"):
            lowered = core = "this week"  # the week of the anchor, read below
        direction = "future" if future else "past"
        # A past reading may fall on the anchor day itself ("on Monday" in a Monday article).
        base = anchor if future else anchor + dt.timedelta(days=1)
        parsed = _parse(core, base, direction)
        if parsed is None:
            return NO_DATE, False
        day, period = parsed
        if period == "week" and not future:
            # A week is counted from the anchor itself: the day after a Sunday is already the next
            # week, so "last week" in a Sunday article would be its own week.
            day, period = _parse(core, anchor, direction) or parsed
        if _has_year(core):
            precision = {"day": "day", "month": "month", "year": "year"}.get(period, "none")
            if precision == "day" and not _has_day_number(core):
                precision = "month"
            return (EventDate(_format(day, precision), precision, "explicit", text), precision == "day") if precision != "none" else (NO_DATE, False)
        if period == "week":
            start = day - dt.timedelta(days=day.weekday())
            end = start + dt.timedelta(days=6)
            if lowered.startswith("this week") and not future:
                end = min(end, anchor)
            if start.month == end.month:
                return EventDate(_format(start, "month"), "month", "relative", text), False
            return NO_DATE, False
        if period in ("month", "year"):
            return EventDate(_format(day, period), period, "relative", text), False
        if lowered in WEEKDAYS or period == "part_of_day" and _weekday_part(lowered):
            return EventDate(day.isoformat(), "day", "relative", text), False
        if _has_day_number(core):
            # A month and a day without a year: written, so explicit; the year is the tense's.
            return EventDate(day.isoformat(), "day", "explicit", text), True
        return NO_DATE, False

    # ---- a whole document ---------------------------------------------------------------------
    OFFSET_PARAGRAPHS = 3  # how far back "the previous day" looks for the day it counts from
    QUOTE_PARAGRAPHS = 1  # how far back a quotation looks for the day it was spoken
    ANCHOR_SENTENCES = 2  # how many sentences on an explicit date anchors the relative dates of its paragraph

    def expressions(self, doc: Doc, published: dt.date | None) -> list[Expression]:
        """Every date expression of a document, anchored in reading order, paragraph by paragraph.

        Three anchors reach further than the paragraph: a day count ("the previous day", "two
        days later") counts from the last day named within OFFSET_PARAGRAPHS paragraphs, or from
        the day of the act it names ("a day after the meeting"); a relative date inside a
        quotation counts from the day the words were spoken (the speech's own date in the same
        sentence, else the last day named within QUOTE_PARAGRAPHS paragraphs). The dateline
        ("KHARTOUM, March 3 (Newswire) -") dates the article, so it dates no act.
        """
        out: list[Expression] = []
        anchor: dt.date | None = None
        paragraph = -1
        days: list[tuple[int, dt.date]] = []  # (paragraph, day) of each past day named so far
        dateline = dateline_span(doc_text(doc))
        head_dates = date_line_spans(doc_text(doc))
        quoted = _quoted_tokens(doc)
        sentence_starts = [s.start for s in doc.sents]
        anchored_at = 0  # the sentence the anchor was named in
        for span in self.spans(doc):
            para = _paragraph(doc, span.start)
            sentence = bisect.bisect_right(sentence_starts, span.start)
            if para != paragraph or sentence - anchored_at > self.ANCHOR_SENTENCES:
                paragraph, anchor = para, None
            if _in_name(span) or dateline is not None and dateline[0] <= span.start_char < dateline[1]:
                continue
            if any(a <= span.start_char < b for a, b in head_dates):
                continue  # "Published 12 March 2026": the article's date, not an act's
            head = _governor(span)
            if _is_since(span) and (not _since_date(span) or self.named_in(_core(span.text).lower()) is not None):
                # "since Hamas's October 7 attack", "since October 7": another event, only a reference point
                out.append(Expression(span.start, span.end, span.text, NO_DATE, _governor(span, nearest_noun=True)))
                continue
            future = looks_forward(doc[head])
            if self._is_offset(span):
                date = self.counted(span, out, days, para, published)
                explicit_day = False
            else:
                base = anchor
                if base is None and span.start in quoted:
                    base = next((d for p, d in reversed(days) if para - p <= self.QUOTE_PARAGRAPHS), None)
                date, explicit_day = self._read_span(span, base or published, published, future)
            if not date.known and (_HOURS.search(span.text) or _DURATION.fullmatch(span.text.strip())):
                continue  # "hours before the final round", "at 7:12 a.m.": a time of day dates nothing, blocks nothing
            out.append(Expression(span.start, span.end, span.text, date, head))
            if date.precision == "day" and (not explicit_day or published is None or abs((published - dt.date.fromisoformat(date.value)).days) <= 31):
                day = dt.date.fromisoformat(date.value)
                if explicit_day or published is None:
                    anchor, anchored_at = day, sentence  # (a weekday after "on Saturday" still counts from publication)
                if not future:
                    days.append((para, day))
        return self._spoken_on(doc, out, quoted, published)

    def _read_span(self, span: Span, base: dt.date | None, published: dt.date | None, future: bool) -> tuple[EventDate, bool]:
        """`read` for a span of the document, with its context, and the checks for an unknown base."""
        doc = span.doc
        explicit_base = base is None
        if base is None:
            base = dt.date(2000, 1, 1)  # any day: only dates that carry their own year are kept
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        date, explicit_day = self.read(span.text, base, future, dates_verb=before in ("on", "in"), following=after)
        if explicit_base and date.basis != "explicit":
            date = NO_DATE  # relative, but to nothing known: leave it empty rather than guess
        if date.known and date.basis == "explicit" and not _has_year(span.text) and published is None:
            date = NO_DATE  # a year-less date needs a publication year
        return date, explicit_day

    def _spoken_on(self, doc: Doc, out: list[Expression], quoted: set[int], published: dt.date | None) -> list[Expression]:
        """Re-anchor relative dates inside a quotation to the day the speech is dated in its sentence.

        '“We met them on Monday,” the minister said on Friday': the Monday is the one before Friday.
        """
        result = []
        for e in out:
            if e.start in quoted and e.date.basis == "relative" and not self._is_offset(doc[e.start:e.end]):
                sent = doc[e.start].sent
                spoken = [x for x in out if x is not e and sent.start <= x.start < sent.end and x.start not in quoted
                          and x.head not in quoted and x.date.precision == "day"]
                if spoken:
                    day = dt.date.fromisoformat(spoken[0].date.value)
                    date, _ = self._read_span(doc[e.start:e.end], day, published, is_future(doc[e.head]))
                    e = Expression(e.start, e.end, e.text, date, e.head)
            result.append(e)
        return result

    def _is_offset(self, span: Span) -> bool:
        """Whether a span counts days from another day: 'the next day', 'two days later', 'a day after the talks', 'a week later'."""
        words = [t.lower_ for t in span]
        if {"week", "weeks"} & set(words):
            # "a week later", "two weeks earlier" (not "earlier this week", a period)
            return len(words) == 3 and (words[0] in DAY_COUNTS or words[0].isdigit()) and words[2] in ("later", "earlier")
        if not {"day", "days", "night", "evening", "morning"} & set(words):
            return False  # "next month", "earlier this week": periods, read by dateparser
        if not ({"previous", "preceding", "next", "following", "later", "earlier", "same", "that"} & set(words) or words[-1] in ("before", "after")):
            return False
        if words[-1] in ("before", "after") and words[0] != "the":
            return _reference(span) is not None  # "days after they met" is the few-days rule's
        return len(span) >= 2

    def counted(self, span: Span, out: list[Expression], days: list[tuple[int, dt.date]], para: int, published: dt.date | None) -> EventDate:
        """The day a day count names: so many days from the act it names, or from the last day named.

        span (Span): 'the previous day', 'two days later', 'a day after the meeting', 'the same day'.
        out (list[Expression]): the expressions read so far; days: the past days named so far.
        """
        words = [t.lower_ for t in span]
        n = next((DAY_COUNTS.get(w) or (int(w) if w.isdigit() else None) for w in words if w in DAY_COUNTS or w.isdigit()), None)
        n = 0 if {"same", "that"} & set(words) else 1 if n is None else n  # "the same day", "later that night": the day just named
        sign = -1 if set(words) & {"previous", "preceding", "earlier", "before"} else 1
        reference = _reference(span)
        if reference is not None:
            # "a day after the meeting": counted from the last day the article gives such an act.
            same = lambda t: t.lemma_.lower() == reference.lemma_.lower() or {t.lemma_.lower(), reference.lemma_.lower()} <= EVENT_WORDS  # noqa: E731
            found = next((e for e in reversed(out) if e.date.precision == "day" and same(span.doc[e.head])), None)
            if found is None:
                return NO_DATE
            base = dt.date.fromisoformat(found.date.value)
        else:
            base = next((d for p, d in reversed(days) if para - p <= self.OFFSET_PARAGRAPHS), published)
            if base is None:
                return NO_DATE
        if {"week", "weeks"} & set(words):
            # "a week later", "two weeks earlier": read like "two weeks ago" (manual: weeks and
            # months), the month of the week around that day when the week lies in one month.
            middle = base + dt.timedelta(days=sign * 7 * n)
            first, last = middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
            same_month = (first.year, first.month) == (last.year, last.month)
            return EventDate(_format(middle, "month"), "month", "relative", span.text) if same_month else NO_DATE
        return EventDate((base + dt.timedelta(days=sign * n)).isoformat(), "day", "relative", span.text)

    def __call__(self, doc: Doc, published: dt.date | None) -> "DocumentDates":
        return DocumentDates(doc, self.expressions(doc, published), published)


def publication_date(expressions: list[Expression], published: dt.date | None) -> EventDate:
    """The date of an article's own undated news acts.

    A same-day report (one that dates some act to its own publication day) gives its undated
    acts that day; an article written later only vouches for the month.
    """
    if published is None:
        return NO_DATE
    if any(e.date.value == published.isoformat() and e.date.basis == "relative" for e in expressions):
        return EventDate(published.isoformat(), "day", "publication")
    return EventDate(_format(published, "month"), "month", "publication")


def _news_act(token: Token) -> bool:
    """A plain past-tense act with no hedge of time ('recently', 'currently'): the article's own news."""
    auxes = _auxiliaries(token)
    past = (token.tag_ == "VBD" or token.tag_ == "VB" and any(a.lemma_ == "do" and a.tag_ == "VBD" for a in auxes)
            or token.tag_ in ("VBN", "VBG") and bool(auxes) and auxes[0].tag_ == "VBD" and auxes[0].lemma_ == "be")
    if not past or is_future(token):
        return False  # ("did not attend the talks", "were hosted by", "was shelling": past acts too)
    return not any(t.lower_ in UNDATED_WORDS for t in token.sent)


def _reference(span: Span) -> Token | None:
    """The act a day count ending in 'after'/'before' names: 'a day after *the meeting*'."""
    prep = span[-1]
    return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside double quotation marks (“...”, "...", «...»)."""
    if "newscoder_quoted" in doc.user_data:
        return doc.user_data["newscoder_quoted"]
    ranges = []
    start = None
    text = doc_text(doc)
    for i, ch in enumerate(text):
        if ch in "“«" or ch == '"' and start is None:
            start = i
        elif ch in "”»" or ch == '"':
            if start is not None:
                ranges.append((start, i))
            start = None
        elif ch == "\n" and start is not None and text[i - 1: i] == "\n":
            start = None  # a quotation is not carried over a blank line
    inside = {t.i for t in doc for a, b in ranges if a < t.idx < b}
    doc.user_data["newscoder_quoted"] = inside
    return inside


def _in_name(span: Span) -> bool:
    """'Today' in 'Turkiye Today': a capitalised date word glued to a name is part of the name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and span[0].is_title and before is not None and before.pos_ == "PROPN" and not span[0].is_sent_start


def _is_since(span: Span) -> bool:
    """Whether a date expression hangs from 'since': 'since January', 'since Hamas's October 7 attack'.

    (Right after 'since' it gives the act's start, `_since_date`; inside another event's name, nothing.)"""
    if span[0].lower_ == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since"):
        return True
    token = span.root
    while token.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "pobj", "nummod") and token.head.i != token.i:
        token = token.head
        if token.lower_ == "since":
            return True
    return False


def _since_date(span: Span) -> bool:
    """'since January', 'since late last year': the date itself follows 'since', and gives the start
    of the act it dates ('has pressed both sides since January' -> January)."""
    return span[0].lower_ == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since")


def _paragraph(doc: Doc, i: int) -> int:
    """Paragraph number of token i: a paragraph ends at a line break (blank lines or not)."""
    breaks = doc.user_data.get("newscoder_breaks")
    if breaks is None:
        breaks = doc.user_data["newscoder_breaks"] = [m.start() for m in re.finditer(r"\n+", doc_text(doc))]
    return bisect.bisect_right(breaks, doc[i].idx)


def _governor(span: Span, nearest_noun: bool = False) -> int:
    """The verb, or failing that the noun, that a date expression modifies.

    nearest_noun: stop at the first noun ('support since October 7' modifies the support).
    """
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if token.i in range(span.start, span.end) or token.lower_ == "according":
            continue  # "according to the minister on May 3": the date is the reported act's
        if token.pos_ in ("VERB", "AUX") or token.pos_ == "NOUN" and (nearest_noun or token.dep_ not in ("pobj", "compound")):
            return token.i
    return span.root.i


class DocumentDates:
    """The date expressions of one document, and the date of the act at a given trigger."""

    def __init__(self, doc: Doc, expressions: list[Expression], published: dt.date | None = None) -> None:
        self.doc = doc
        self.expressions = expressions
        self.fallback = publication_date(expressions, published)
        self.by_head: dict[int, list[Expression]] = {}
        for e in expressions:
            # Unreadable expressions count too: an act with a time we cannot pin gets no guess.
            self.by_head.setdefault(e.head, []).append(e)

    CARRY_PARAGRAPHS = 1

    def carried(self, token: Token) -> EventDate | None:
        """The day of a past act dated in the sentence right before (in the same or the previous
        paragraph): an undated act told next to it."""
        here = _paragraph(self.doc, token.i)
        for e in reversed(self.expressions):
            if e.start >= token.sent.start:
                continue
            if here - _paragraph(self.doc, e.start) > self.CARRY_PARAGRAPHS:
                return None
            if e.start < self.doc[token.sent.start - 1].sent.start:
                return None  # only the sentence right before: further on, the story has moved on
            if e.date.precision == "day" and not looks_forward(self.doc[e.head]) and not _present_act(self.doc[e.head]):
                return EventDate(e.date.value, "day", "relative", e.text)
        return None

    def date_at(self, char: int) -> EventDate:
        """The date of the act whose trigger starts at character `char` of the document."""
        token = _token_at(self.doc, char)
        if token is None:
            return NO_DATE
        while token.dep_ in ("aux", "auxpass", "neg") and token.head.i != token.i:
            token = token.head  # a trigger written from its auxiliary: "have pressed", "did not attend"
        sent = token.sent
        if _conditional(token):
            return NO_DATE  # "if they go on the offensive": only a condition, not an act
        node = token
        while True:
            if any(a.lower_ in MODAL_WORDS for a in _auxiliaries(node)):
                # "may be close to a deal", "could strike": only possible; a quoted speaker's own
                # "“The dialogue must continue.”" is dated by the speech
                speech = self.quoted_from(sent)
                if speech is not None:
                    return self.date_at(speech.root.idx)
                saying = _quoting_verb(node)
                return self.date_at(saying.idx) if saying is not None else NO_DATE
            counted = self.counted_from_clause(node)
            if counted is not None:
                return counted
            found = self.by_head.get(node.i)
            if not found and node is token and token.pos_ == "NOUN":
                # "the meeting taking place on May 22", "talks held on Wednesday": a participle
                # that modifies the trigger noun carries its date.
                found = [e for c in token.children if c.dep_ == "acl" for e in self.by_head.get(c.i, ())]
            if not found and node.pos_ in ("VERB", "AUX"):
                # "will hold talks next month": the parser hangs the time on the object.
                found = [e for c in node.children if c.dep_ == "dobj" for e in self.by_head.get(c.i, ())
                         if self.doc[e.start:e.end].root.dep_ == "npadvmod" and e.start > c.i]
            if not found and node is token and node.pos_ in ("VERB", "AUX"):
                # "broke the truce by bombing positions on Wednesday": a day in the act's own phrases
                own = self.clause_date(node)
                if own is not None:
                    return own
            if found:
                known = [e for e in found if e.date.known] or found
                date = min(known, key=lambda e: abs(e.start - token.i)).date
                return self.refined(token, date) or date
            if _perfect(node) and not _present_perfect(node):
                # "had raided the village on Wednesday night": its own day; "said Japan had lodged a
                # protest": reported news, dated by the report; "had agreed and had signed": the verb
                # it is coordinated with; otherwise earlier than the story, at no known time.
                own = self.clause_date(node)
                if own is not None:
                    return own
                if node.dep_ == "conj" and _perfect(node.head) and node.head.sent.start == sent.start:
                    node = node.head
                    continue
                saying = _reported_by(node)
                return self.date_at(saying.idx) if saying is not None else NO_DATE
            if _perfect(node):
                # "said on Thursday that they had agreed": the agreeing is earlier, and undated;
                # "Chile has suspended trade": the story's own news (manual 8.6), unless told as
                # background in a relative clause ("Peru, which has suspended trade, ...").
                if not _present_perfect(node) or _negated(node) or _background(token) or _stative_passive(node):
                    return NO_DATE  # "has not condemned": a state that lasts until now, not an act
                speech = self.quoted_from(sent)
                return self.date_at(speech.root.idx) if speech is not None else self.story_date(node)
            if node.head.i == node.i or node.head.sent.start != sent.start:
                break
            quoted = _quoted_tokens(self.doc)
            if any(a.dep_ == "aux" and a.lower_ in FUTURE_MARKERS and a.i not in quoted for a in node.children) or _future_in_past(node):
                break  # "said on Tuesday that Peru will defend its coast": not done on Tuesday (a quotation is the speech's)
            node = node.head
        if is_future(token) or _future_in_past(token):
            return self.pledge_date(token, sent)
        if _future_time_clause(token):
            return NO_DATE  # "will respond when Chile withdraws": the withdrawal lies ahead too
        if self.is_headline(sent):
            verb = _tensed(token, node)
            if verb.tag_ == "VBD" and verb.pos_ in ("VERB", "AUX"):
                return self.restated(sent) or self.fallback  # a past-tense title: "Chile expelled envoys"
            return self.restated(sent) or self.head_date(verb)
        meeting = self.meeting_before(sent, node)
        if meeting is not None:
            return meeting
        if _recent(node):
            return self.story_date(node)
        if not _news_act(node):
            speech = self.quoted_from(sent)
            return self.date_at(speech.root.idx) if speech is not None else self.story_date(_tensed(token, node))
        if _added(node, token):
            # "..., the ministry said. The ministry added that ...": the same report goes on.
            previous = self.sentence_before(sent, self.CARRY_PARAGRAPHS)
            if previous is not None:
                return self.date_at(previous.root.idx)
        return self.carried(token) or self.undated_news(token)

    SAME_DAY_PARAGRAPHS = 0

    def undated_news(self, token: Token) -> EventDate:
        """An undated past act of the article's news: the publication day where it is told within
        SAME_DAY_PARAGRAPHS paragraphs of an act the article dates to that day (the same-day report
        goes on), else the publication month, all the story vouches for."""
        if self.fallback.precision != "day":
            return self.fallback
        here = _paragraph(self.doc, token.i)
        if any(e.date.value == self.fallback.value and e.date.basis == "relative"
               and abs(_paragraph(self.doc, e.start) - here) <= self.SAME_DAY_PARAGRAPHS for e in self.expressions):
            return self.fallback
        return EventDate(self.fallback.value[:7], "month", "publication")

    def story_date(self, verb: Token) -> EventDate:
        """The story date: the publication month for an act told in the present or present perfect
        ("Chile accuses Peru", "Chile has suspended trade") or as recent ("recently expelled").

        Habitual acts ("regularly shells", "has long criticised", "every year"), modals and
        anything else get no date: the text places them nowhere near publication.
        """
        if not self.fallback.known or _habitual(verb) or is_future(verb) or _stative(verb):
            return NO_DATE
        if any(c.lower_ == "since" for c in verb.children):
            # "has criticised Peru since the floods": a state lasting from another event
            return NO_DATE
        if _present_act(verb) or _recent(verb):
            return EventDate(self.fallback.value[:7], "month", "publication")
        return NO_DATE

    def counted_from_clause(self, verb: Token) -> EventDate | None:
        """'landed on Thursday, *eight days after* the rebels seized the town': the seizing is so many
        days before (or, with 'before', after) the day of the clause it hangs from.

        RETURNS the day, NO_DATE when that clause has no day, or None when `verb` is not such a clause.
        """
        count = _day_count_before_mark(verb)
        if count is None or verb.dep_ != "advcl" or verb.head.i == verb.i:
            return None
        base = self.date_at(verb.head.idx)
        if base.precision != "day":
            return NO_DATE
        day = dt.date.fromisoformat(base.value) + dt.timedelta(days=count)
        return EventDate(day.isoformat(), "day", "relative", base.expression)

    CLAUSE_DEPS = ("ccomp", "relcl", "advcl", "conj", "parataxis", "acl")

    def clause_date(self, verb: Token) -> EventDate | None:
        """The known date of an expression inside the clause of `verb`, not in a clause it governs
        nor in an infinitive of a later act: 'had broken the truce by bombing positions *on
        Wednesday afternoon*' (the 'by' phrase is the act's own), not 'had said *on Monday* that
        ...' seen from a verb above. None if there is none."""
        todo, inside = [verb], set()
        while todo:
            node = todo.pop()
            inside.add(node.i)
            # ('had begun *distributing* food on Saturday' is one act; 'had agreed *to resume* traffic
            # by the end of 2018' names a later one)
            # ('accused Peru *of shelling* the port on Sunday': the accusation's content, another act)
            todo += [c for c in node.children if c.dep_ not in self.CLAUSE_DEPS and not (c.dep_ == "xcomp" and c.tag_ != "VBG")
                     and not (c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and any(g.dep_ == "pcomp" for g in c.children))]
        dated = [e for e in self.expressions if e.head in inside and e.head != verb.i and e.date.known]
        return min(dated, key=lambda e: abs(e.start - verb.i)).date if dated else None

    def pledge_date(self, token: Token, sent: Span) -> EventDate:
        """A speaker's own 'we will' or 'I will' inside a quotation is a pledge or a threat made as
        they speak ('“We will work with Seoul,” the minister said'): the date of the speaking. Any
        other future act without a date of its own has none yet."""
        verb = _tensed(token, token)
        if token.i not in _quoted_tokens(self.doc) or not any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in verb.children):
            return NO_DATE
        speech = self.quoted_from(sent)
        if speech is not None:
            return self.date_at(speech.root.idx)
        saying = sent.root  # the verb of saying, or the quotation's own main act ('“They have signed, and we will ...”')
        if saying.i == verb.i or any(a.dep_ == "aux" and a.lower_ in FUTURE_MARKERS for a in saying.children):
            return NO_DATE
        return self.date_at(saying.idx)

    def head_date(self, verb: Token) -> EventDate:
        """The story date of an act in the title or standfirst: the publication month.

        Titles are written in the present of news ("Chile expels Peruvian envoys") and parsed badly
        (a capitalised "Police Land in Lima" reads as nouns), so any act there that is not told as
        future or possible ("Chile to expel envoys", "Chile may expel") is dated by the story.
        """
        if not self.fallback.known or is_future(verb) or any(a.lower_ in MODAL_WORDS for a in _auxiliaries(verb)):
            return NO_DATE
        if verb.i > verb.sent.start and verb.doc[verb.i - 1].lower_ == "to" and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.sent.start:verb.i - 1]):
            return NO_DATE  # "Chile to Expel Envoys": the title's infinitive of a plan
        return EventDate(self.fallback.value[:7], "month", "publication")

    def quoted_from(self, sent: Span) -> Span | None:
        """The sentence whose speaker a wholly quoted sentence goes on quoting ('“...,” she said.
        “...”'), in the same or the previous paragraph; None if `sent` is not a bare quotation."""
        if not _bare_quote(sent):
            return None
        speech: Span | None = sent
        while speech is not None and _bare_quote(speech):
            speech = self.sentence_before(speech, self.CARRY_PARAGRAPHS, reach_from=sent)
        return speech

    def sentence_before(self, sent: Span, paragraphs: int, reach_from: Span | None = None) -> Span | None:
        """The sentence before `sent`, if it lies within `paragraphs` paragraphs of `reach_from`
        (default `sent`); None at the start of the document or out of reach."""
        if sent.start == 0:
            return None
        previous = self.doc[sent.start - 1].sent
        here = _paragraph(self.doc, (reach_from or sent).start)
        return previous if here - _paragraph(self.doc, previous.start) <= paragraphs else None

    def refined(self, token: Token, date: EventDate) -> EventDate | None:
        """'Officials convened this week ... The meeting, held on Wednesday': a meeting dated only
        to its week or month takes the one day the document gives a meeting inside that period."""
        if date.precision != "month" or not _PERIOD.search(date.expression) or token.lemma_.lower() not in EVENT_WORDS:
            return None  # ("days after X" is month-precise too, but X's day is the other act's)
        days = {
            e.date.value for e in self.expressions
            if e.date.precision == "day" and e.date.value.startswith(date.value) and self.doc[e.head].lemma_.lower() in EVENT_WORDS
        }
        if len(days) != 1:
            return None  # none, or several meetings in that month: no way to tell which
        text = next(e.text for e in self.expressions if e.date.value in days)
        return EventDate(days.pop(), "day", "relative", text)

    def _follows_meeting(self, sent: Span) -> bool:
        """Whether the sentence before `sent`, in the same paragraph, is about 'the meeting'."""
        previous = self.sentence_before(sent, 0)
        return previous is not None and _refers_to_meeting(previous) and not is_future(previous.root)

    def is_headline(self, sent: Span) -> bool:
        """Whether a sentence is in the article's head (its title or standfirst, `head_end`), or on
        its first non-blank line with text after it."""
        text = doc_text(self.doc)
        if sent.start_char < head_end(text) and _line_words(text, sent.start_char) >= HEAD_WORDS:
            return True
        line_end = text.find("\n", len(text) - len(text.lstrip()))
        return line_end != -1 and sent.start_char < line_end and text[line_end:].strip() != ""

    def restated(self, sent: Span) -> EventDate | None:
        """A headline's meeting takes the first day the article gives a meeting ('held on Wednesday')."""
        if not any(t.lemma_.lower() in EVENT_WORDS for t in sent):
            return None
        for e in self.expressions:
            if e.start >= sent.end and e.date.precision == "day" and self.doc[e.head].lemma_.lower() in EVENT_WORDS:
                return EventDate(e.date.value, "day", "relative", e.text)
        return None

    def meeting_before(self, sent: Span, act: Token) -> EventDate | None:
        """'During the meeting', 'The talks were held': the date of the last meeting dated before.

        A past-tense act (`act`, the clause's verb) in the sentence right after one about 'the
        meeting', in the same paragraph, is told as part of that meeting too.
        """
        if not (_refers_to_meeting(sent) or _news_act(act) and self._follows_meeting(sent)):
            return None
        for e in reversed(self.expressions):
            if e.start < sent.start and e.date.precision == "day" and self.doc[e.head].lemma_.lower() in EVENT_WORDS:
                return EventDate(e.date.value, "day", "relative", e.text)
        return None


HEAD_WORDS = 4  # a head line with fewer words is page chrome ("Africa › Sudan"), not a title
BODY_WORDS = 8  # a line of at least this many words that ends a sentence starts the story


def head_end(text: str) -> int:
    """Where the story proper starts: its dateline, else the first line that is a sentence of at
    least BODY_WORDS words. Lines before it are the head: the title, a standfirst, bylines.

    >>> head_end("Chile and Peru sign a truce\\nThe deal ends a year of clashes at sea, officials said.")
    28
    """
    dateline = dateline_span(text)
    if dateline is not None:
        return dateline[0]
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if len(stripped.split()) >= BODY_WORDS and stripped[-1:] in ".!?" + QUOTES + "’'":
            return pos + len(line) - len(line.lstrip())
        pos += len(line)
    return 0


def _line_words(text: str, char: int) -> int:
    """How many words the line holding `char` has."""
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return len(text[start:end if end != -1 else len(text)].split())


FIRST_PERSON = frozenset({"i", "we"})
CONTENT_PREPS = _words("content_preps")
CONDITIONS = _words("condition_marks")


def _conditional(token: Token) -> bool:
    """Whether `token` lies in a condition: 'warned it would respond if Chile *sent* troops',
    'unless Peru *withdraws*'. (The consequence, 'would respond', is not the condition.)

    The clause verbs from `token` up to its sentence's root are checked for a mark 'if'/'unless'.
    """
    node = token
    while True:
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def _quoting_verb(verb: Token) -> Token | None:
    """The verb of saying outside the quotation that a quoted modal clause is the words of
    ('“Both sides must stop shelling,” the envoy said on Monday': 'said'), or None."""
    quoted = _quoted_tokens(verb.doc)
    modal = next((a for a in _auxiliaries(verb) if a.lower_ in MODAL_WORDS), None)
    if modal is None or modal.i not in quoted:
        return None
    head = verb.head
    if head.i != verb.i and head.i not in quoted and head.lemma_.lower() in SPEECH_VERBS and not _negated(head):
        return head
    return None


TIME_MARKS = _words("time_marks")


def _future_time_clause(token: Token) -> bool:
    """Whether `token` lies in a clause of time under a future act: 'Peru will respond *when Chile
    withdraws*', 'would stay *until the vote is held*' (told in the present, done later, if at all)."""
    verb = _path_to_clause(token)[-1]
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < verb.i for c in verb.children):
        return False
    head = verb.head
    return is_future(head) or any(a.dep_ == "aux" and a.lower_ in FORWARD_MARKERS for a in head.children)


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _present_act(verb: Token) -> bool:
    """'accuses', 'is shelling', 'has suspended', 'are expelled': told in the present, no modal."""
    auxes = _auxiliaries(verb)
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if auxes and auxes[0].lemma_ == "do":
        return auxes[0].tag_ in ("VBZ", "VBP") and verb.tag_ == "VB"  # "does not accept"
    if not auxes:
        # a headline's "Chile and Peru hold talks" is often tagged VB: a subject and no auxiliary say present
        # (not an imperative, which opens its sentence)
        return verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VB" and (any(c.dep_ == "nsubj" for c in verb.children) or verb.i > verb.sent.start)
    return verb.tag_ in ("VBN", "VBG") and auxes[0].tag_ in ("VBZ", "VBP")


def _present_perfect(verb: Token) -> bool:
    """'has suspended', 'have been shelling' (not 'had agreed')."""
    return any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in _auxiliaries(verb))


def _tensed(token: Token, top: Token) -> Token:
    """The verb whose tense tells when the act at `token` happened: its own, else the first verb
    above it, else `top` ('Aid agencies ready convoys as both sides *trade* blame': 'trade')."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.i != top.i:
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else top


def _background(token: Token) -> bool:
    """'the Bahamas, which have pledged officers', 'a Briton held by Kurds': a relative clause or a
    participle on a noun (used for present perfects, which are otherwise the story's news)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON")


def _day_count_before_mark(verb: Token) -> int | None:
    """The signed day count of '*three days after* Chile shelled the port' at the clause verb
    ('shelled'): -3 (+3 for 'before'); None without a written count ('days after', 'hours after').
    Example: 'a day after Chile expelled two envoys' gives -1 at 'expelled'.
    """
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if not marks or marks[0].i < 2:
        return None
    unit, number = verb.doc[marks[0].i - 1], verb.doc[marks[0].i - 2]
    if unit.lower_ not in ("day", "days"):
        return None
    n = DAY_COUNTS.get(number.lower_) or (int(number.text) if number.text.isdigit() else None)
    if n is None:
        return None
    return -n if marks[0].lower_ == "after" else n


def _future_in_past(token: Token) -> bool:
    """'said the sponsors *would raise* every complaint': a plan reported in the past, not yet done."""
    verb = _path_to_clause(token)[-1]
    quoted = _quoted_tokens(token.doc)
    # ('would “issue a statement rejecting the congress”': the 'would' is the writer's, outside the quotation)
    return any(a.dep_ == "aux" and a.lower_ in FORWARD_MARKERS and a.i not in quoted for a in verb.children) and not _negated(verb)


def _path_to_clause(token: Token) -> list[Token]:
    """`token` and its heads up to and including the first verb (the clause it belongs to)."""
    path = [token]
    while path[-1].pos_ not in ("VERB", "AUX") and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path


def _reported_by(verb: Token) -> Token | None:
    """The verb of saying whose report `verb` is ('said Japan *had lodged* a protest'), or None
    (also where the saying is denied: 'did not confirm that police had beaten him' reports nothing)."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.i != verb.i and head.lemma_.lower() in SPEECH_VERBS and not _negated(head):
        return head
    return None


def _stative_passive(verb: Token) -> bool:
    """'its borders have been closed', 'the fighters have been protected': a present perfect passive
    with no agent tells the state the act left, not the act ('have been closed by Chile' keeps it, and
    so does a passive that keeps an object: 'we have been sent four letters')."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ in ("agent", "dobj") for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _habitual(verb: Token) -> bool:
    """'regularly shells', 'has long criticised', 'meets every year', 'never signs': no one date."""
    near = list(verb.children) + [g for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod") for g in c.subtree]
    return any(t.lower_ in HABITUAL_WORDS and (t.pos_ in ("ADV", "DET") or t.dep_ in ("neg", "advmod", "det")) for t in near)


def _stative(verb: Token) -> bool:
    """'Turkey regards the YPG as a terror group', 'still supports': a present state, not an act."""
    return not _perfect(verb) and verb.lemma_.lower() in STATIVE_VERBS or any(c.lower_ == "still" for c in verb.children)


def _recent(verb: Token) -> bool:
    """'recently expelled', 'has lately criticised': an adverb that puts the act near the story."""
    return any(t.lower_ in RECENT_WORDS and t.pos_ == "ADV" for t in verb.children)


def _added(verb: Token, act: Token) -> bool:
    """'X added that <act>', '“<act>,” X added': `act` is reported as more of a report just told."""
    if verb.lemma_ != "add" or verb.tag_ != "VBD" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return act.i > verb.i or verb.sent.text.lstrip()[:1] in QUOTES


def _refers_to_meeting(sent: Span) -> bool:
    """'the meeting', 'this meeting', 'that summit': the sentence tells of a meeting already named."""
    return any(
        t.lemma_.lower() in EVENT_WORDS and t.pos_ == "NOUN" and any(c.lower_ in ("the", "this", "that") for c in t.children)
        for t in sent
    )


def _bare_quote(sent: Span) -> bool:
    """A sentence that is a quotation and nothing else: no speaker, no verb of saying of its own."""
    text = sent.text.strip().rstrip(".!?")
    return len(text) > 2 and text[0] in QUOTES and text[-1] in QUOTES and not any(q in text[1:-1] for q in QUOTES)


def _perfect(token: Token) -> bool:
    """'had agreed', 'have agreed': done at a time the clause does not give."""
    if token.tag_ != "VBN":
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children) or (previous is not None and previous.lemma_ == "have")


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
