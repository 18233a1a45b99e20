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
* day counts ("the previous day", "two days later", "a day after the meeting", "the day after
  <clause>") count from the day they name, the act they name (found in the clause that dates
  it, also by the noun made from its verb: "the shelling") or the last day named; counts of
  weeks ("a week later", "the following week", "a week after the summit") give the month of
  that week, as "two weeks ago", and counts of months and years ("the following month", "a
  year later") that month or year; "at the time" is the date just named; a weekday inside a
  quotation counts from the day it was said;
* calendar words are read against the anchor: "last March", "Tuesday last week", "March 11
  last year", "on the 28th", "Christmas Day" (`yearly_days`), "the day before yesterday";
* a week or weekend that spans two months gives no date ("last weekend", "earlier this week"
  otherwise give the month; "earlier this year" the year; "in recent weeks" the story month);
  "three days ago" is that day, "two weeks ago" the month of that week, "a year ago" the year;
* "the same day", "later that day", "that night" are the day just named; "three days after <clause>" counts back from the day of
  the clause it hangs from; "Wednesday night" is that Wednesday;
* the dateline and the date lines at the head ("Published 12 March 2026") date the article, not
  an act; the title and standfirst are dated by the story month unless told as a plan;
* a pluperfect takes a day of its own clause, else its coordinated verb's, else the day of the
  verb of saying that reports it ("said Japan had lodged a protest"), else none;
* a plain past act with no date of its own takes the day of its actor's last dated act a few
  sentences back ('Chile's Defence Ministry said on Monday ... The ministry also criticised ...':
  the subject named again, by its name or noun), else
* an act with no date of its own takes a neighbour's day (the sentence right before; across a
  paragraph break only for a report, 'the navy said') or the story date: the publication
  day in a paragraph of a same-day report that dates an act to that day, else the month (the
  month for an act told in the present or present perfect); habitual, historical and future
  acts ("will", "would" outside a quotation, also over quoted words: 'would “send a letter”'),
  clauses of time under them ("will reopen it when Paraguay withdraws"), conditions ("if they
  attack") and present perfect passives of a state ("have been closed") without a date stay
  empty; a speaker's own quoted "we will" is dated by the speaking, and so is a reported demand
  ("said both sides must stop"; "said Peru could strike" stays empty);
* a plan told in the present ("are planning to keep troops", "aims to gather them on 18 April")
  is dated by the day its infinitive is planned for, else none.
The rules are written out in codebook/README.md ("Dates"); the word lists are
`data/time_words.yaml` (loaded by `time_words.py`). The readers of calendar phrases are in
`calendar_phrases.py`, the tests of a clause's tense, plans and conditions in `date_clauses.py`;
this module finds the expressions and decides which act each one dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .calendar_phrases import (
    EventDate,
    MONTH_NAMES,
    NO_DATE,
    core_text,
    counted_back,
    day_of_month,
    first_of_range,
    format_date,
    has_day_number,
    has_year,
    in_calendar,
    is_weekday_part,
    night_date,
    parse_date,
    qualified_weekday,
    week_month,
    weekend_date,
)
from .date_clauses import (
    CONTENT_PREPS,
    FIRST_PERSON,
    QUOTES,
    auxiliaries,
    day_count_before_mark,
    in_background_phrase,
    in_future_time_clause,
    is_added,
    is_background,
    is_bare_quote,
    is_conditional,
    is_disposition,
    is_future,
    is_future_in_past,
    is_habitual,
    is_negated,
    is_nonfinite,
    is_perfect,
    is_present_act,
    is_present_perfect,
    is_recent,
    is_stative,
    is_stative_passive,
    looks_forward,
    planned_infinitive,
    quoted_tokens,
    quoting_verb,
    refers_to_meeting,
    reported_by,
    reported_demand,
    tensed_verb,
)
from .time_words import (
    COUNT_HEDGES,
    DAY_COUNTS,
    EVENT_WORDS,
    FUTURE_MARKERS,
    MODAL_WORDS,
    NIGHT_WORDS,
    SAME_DAY_WORDS,
    SPEECH_VERBS,
    STATIVE_VERBS,
    UNDATED_WORDS,
    WEEKDAYS,
    YEARLY_DAYS,
)
from .datelines import date_line_spans, dateline_span
from .doctext import doc_text
from .errors import CodebookError
from .yamlio import read_mapping


_HOURS = re.compile(r"\b(?:hours?|minutes?|a\.m\.|p\.m\.|am|pm|GMT|UTC|local time|\d{1,2}[:.]\d{2})\b", re.I)
# "a 30-day truce", "last-minute shelling", "decade-long": a length or a manner, not a time.
_DURATION = re.compile(r"(?:an? |the )?[\w.]+-(?:day|week|month|year|hour|minute|decade)s?(?:-(?:old|long))?|[\w]+-long|last-minute", re.I)
# "in recent days", "over the past few days", "in the last two weeks", "the past week": near the story
_RECENT = re.compile(r"(?:recent|(?:the )?past(?: (?:few|several|two|three))?|(?:the )?last (?:few|several|two|three)) (?:days|weeks)"
                     r"|(?:the )?past week", re.I)  # (not "the last days of February")
# "days after": how far a few days can reach, and the words that say "a few days".
FEW_DAYS = 10
_FEW_DAYS = re.compile(r"(?:a few|few|several|some|two|three|four|five)?\s*days")
_PERIOD = re.compile(r"\b(?:this|last|past|earlier this|late last|early this) (?:week|month)\b", re.I)
_NO_DATE = re.compile(r"\b(?:recent|recently|years|decades?|centur(?:y|ies)|days|weeks|months|ago|ongoing|past|coming)\b", re.I)


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
    reference: EventDate = NO_DATE  # what a reference point ('since October 2024') reads as, though it dates no act


_PARTS_OF_DAY = ("night", "morning", "afternoon", "evening")


def _with_parts_of_day(doc: Doc, spans: list[Span]) -> list[Span]:
    """A date and the part of the day right after it, found apart by the NER ('last Tuesday' +
    'night'), as one expression ('last Tuesday night'): the part alone dates nothing."""
    out: list[Span] = []
    for span in spans:
        if out and span.start == out[-1].end and len(span) == 1 and span[0].lower_ in _PARTS_OF_DAY:
            out[-1] = doc[out[-1].start:span.end]
            continue
        out.append(span)
    return out


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
        period = {"LOWER": {"IN": ["week", "month", "year"]}}
        self.matcher.add("OFFSET", [
            [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["previous", "preceding", "next", "following", "same"]}}, part],
            [{"LOWER": "the"}, part, {"LOWER": {"IN": ["before", "after"]}}],
            [{"LOWER": {"IN": ["later", "earlier"]}, "OP": "?"}, {"LOWER": "that"}, part],  # "later that day"
            [counts, {"LOWER": {"IN": ["day", "days"]}}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
            [{"LIKE_NUM": True}, {"LOWER": "days"}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
            [counts, {"LOWER": {"IN": ["week", "weeks"]}}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
            # "the following week", "the month before", "later that week", "two months later"
            [{"LOWER": "the"}, {"LOWER": {"IN": ["previous", "preceding", "next", "following", "same"]}}, period],
            [{"LOWER": "the"}, period, {"LOWER": {"IN": ["before", "after"]}}],
            [{"LOWER": {"IN": ["later", "earlier"]}, "OP": "?"}, {"LOWER": "that"}, period],
            [counts, {"LOWER": {"IN": ["month", "months", "year", "years"]}}, {"LOWER": {"IN": ["later", "earlier", "before", "after"]}}],
            [{"LIKE_NUM": True}, {"LOWER": {"IN": ["weeks", "months", "years"]}}, {"LOWER": {"IN": ["later", "earlier"]}}],
        ], greedy="LONGEST")
        self.offset_id = nlp.vocab.strings["OFFSET"]
        # "days after": the matched 'after' or 'before' is dropped from the span again.
        few = ["a", "few", "several", "some", "two", "three", "four", "five"]
        self.matcher.add("DAYS_AFTER", [[{"LOWER": {"IN": few}, "OP": "*"}, {"LOWER": "days"}, {"LOWER": {"IN": ["after", "before"]}}]], greedy="LONGEST")
        self.days_after = nlp.vocab.strings["DAYS_AFTER"]
        # "on the 28th": a day of the month alone (not "on the 3rd floor", see `spans`).
        self.matcher.add("DAY_OF_MONTH", [[{"LOWER": "on"}, {"LOWER": "the"}, {"LOWER": {"REGEX": r"^([12]?\d|3[01])(st|nd|rd|th)$"}}]])
        self.day_of_month = nlp.vocab.strings["DAY_OF_MONTH"]
        # "last night", "yesterday", "overnight" where the NER leaves them out ("today" alone is as
        # often "nowadays": only the NER's is read).
        day_words = [w for w in (*SAME_DAY_WORDS, *NIGHT_WORDS) if w != "today"]
        self.matcher.add("DAY_WORD", [[{"LOWER": part} for part in re.findall(r"\w+|'s", w)] for w in day_words])
        # "at the time", "at that time": the time just named.
        self.matcher.add("THEN", [[{"LOWER": "at"}, {"LOWER": {"IN": ["the", "that"]}}, {"LOWER": "time"}]])

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
            yearly = e.label_ == "EVENT" and core_text(e.text).lower() in YEARLY_DAYS  # "New Year's Eve"
            if (e.label_ in ("DATE", "TIME") or yearly) and not any(i in taken for i in range(e.start, e.end)):
                found.append(e)
                taken.update(range(e.start, e.end))
        for match_id, start, end in matches:
            if match_id == self.offset_id:
                continue
            if match_id == self.days_after:
                end -= 1
            if match_id == self.day_of_month and end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                continue  # "on the 3rd floor", "on the 5th anniversary"
            if not any(i in taken for i in range(start, end)):
                found.append(doc[start:end])
                taken.update(range(start, end))
        return _with_parts_of_day(doc, sorted(found, key=lambda s: s.start))

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
        core = first_of_range(core_text(text))
        lowered = core.lower()
        if _FEW_DAYS.fullmatch(lowered) and following in ("after", "before"):
            # "comes days after they met": the meeting lies a few days before the anchor.
            sign = -1 if following == "after" else 1
            first, last = sorted((anchor + dt.timedelta(days=sign * 2), anchor + dt.timedelta(days=sign * FEW_DAYS)))
            if (first.year, first.month) == (last.year, last.month):
                return EventDate(format_date(first, "month"), "month", "relative", text), False
            return NO_DATE, False
        if _RECENT.fullmatch(lowered):
            # "in recent days": near the story, so its month (manual 8.6), on the publication's word.
            return EventDate(format_date(anchor, "month"), "month", "publication", text), False
        yearly = YEARLY_DAYS.get(lowered)
        if yearly is not None:
            # "on Christmas Day": that date without a year, on the tense's side of the anchor
            month, day = map(int, yearly.split("-"))
            date, explicit_day = self.read(f"{MONTH_NAMES[month - 1]} {day}", anchor, future, True, following)
            return EventDate(date.value, date.precision, date.basis, text), explicit_day
        ordinal = day_of_month(lowered, anchor, future)
        if ordinal is not None:
            return EventDate(ordinal.isoformat(), "day", "relative", text), False
        qualified = qualified_weekday(lowered, anchor)
        if qualified is not None:
            return EventDate(qualified.isoformat(), "day", "relative", text), False
        shift = SAME_DAY_WORDS.get(lowered)
        if shift is not None:
            # "today", "this morning", "last night": the anchor day itself (or the one next to it).
            return EventDate((anchor + dt.timedelta(days=shift)).isoformat(), "day", "relative", text), False
        if lowered in NIGHT_WORDS:
            return night_date(anchor, future, text), False
        weekend = weekend_date(lowered, anchor, future)
        if weekend is not None:
            return weekend, False
        hedged = re.match(r"(?:" + "|".join(sorted(COUNT_HEDGES)) + r") (?:a |an )?(?=\w+ \w+ ago$|\w+ ago$)", lowered)
        ago = counted_back(lowered[hedged.end():] if hedged else lowered, anchor)
        if ago is not None:
            if hedged and ago.precision == "day":
                return NO_DATE, False  # "about three days ago": no one day
            return (EventDate(ago.value, ago.precision, ago.basis, text) if ago.known else NO_DATE), False
        if not core or _NO_DATE.search(lowered) and not has_year(lowered) or _DURATION.fullmatch(core):
            return NO_DATE, False
        named = self.named_in(lowered)
        if named is not None and not dates_verb:
            return EventDate(named.date.isoformat(), "day", "explicit", text), True
        m = re.fullmatch(r"(.*?\b(?:" + "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?(?: \d{1,2}(?:st|nd|rd|th)?)?),?"
                         r" (?:of )?(last|this|next) year", lowered)
        if m is not None:
            # "March 11 last year", "in December of last year": the date in the year so named
            year = anchor.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
            date, explicit_day = self.read(f"{m.group(1)} {year}", anchor, future, dates_verb, following)
            return (EventDate(date.value, date.precision, "relative", text) if date.known else NO_DATE), False
        calendar = in_calendar(lowered, anchor)
        if calendar is not None:
            return EventDate(calendar.value, calendar.precision, calendar.basis, text), False
        if lowered in ("month", "earlier in the month", "later in the month") and "the month" in text.lower():
            lowered = "this month"  # "at the start of the month", "earlier in the month": the anchor's
        if lowered in ("week", "earlier in the week", "later in the week") and "the week" in text.lower():
            lowered = core = "this week"  # "at the end of the week", "earlier in the week": the anchor's
        if lowered in ("year", "earlier in the year", "later in the year") and "the year" in text.lower():
            return EventDate(format_date(anchor, "year"), "year", "relative", text), False  # "at the start of the year"
        if re.fullmatch(r"this (?:" + "|".join(WEEKDAYS) + r")", lowered):
            lowered = core = lowered[5:]  # "this Tuesday": the weekday, read by the tense
        if lowered.startswith("earlier this month") or lowered in ("this month", "earlier this month", "later this month"):
            return EventDate(format_date(anchor, "month"), "month", "relative", text), False
        if lowered in ("earlier this year", "later this year"):
            return EventDate(format_date(anchor, "year"), "year", "relative", text), False
        if lowered in ("earlier this week", "later this week"):
            lowered = core = "this week"  # the week of the anchor, read below
        direction = "future" if future else "past"
        # A past reading may fall on the anchor day itself ("on Monday" in a Monday article).
        base = anchor if future else anchor + dt.timedelta(days=1)
        parsed = parse_date(core, base, direction)
        if parsed is None:
            return NO_DATE, False
        day, period = parsed
        if period == "week" and not future:
            # A week is counted from the anchor itself: the day after a Sunday is already the next
            # week, so "last week" in a Sunday article would be its own week.
            day, period = parse_date(core, anchor, direction) or parsed
        if has_year(core):
            precision = {"day": "day", "month": "month", "year": "year"}.get(period, "none")
            if precision == "day" and not has_day_number(core):
                precision = "month"
            return (EventDate(format_date(day, precision), precision, "explicit", text), precision == "day") if precision != "none" else (NO_DATE, False)
        if period == "week":
            start = day - dt.timedelta(days=day.weekday())
            end = start + dt.timedelta(days=6)
            if lowered.startswith("this week") and not future:
                end = min(end, anchor)
            if start.month == end.month:
                return EventDate(format_date(start, "month"), "month", "relative", text), False
            return NO_DATE, False
        if period in ("month", "year"):
            return EventDate(format_date(day, period), period, "relative", text), False
        if lowered in WEEKDAYS or period == "part_of_day" and is_weekday_part(lowered):
            return EventDate(day.isoformat(), "day", "relative", text), False
        if has_day_number(core):
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
        planned: list[tuple[int, dt.date]] = []  # ... and of each day named so far, past or planned
        dateline = dateline_span(doc_text(doc))
        head_dates = date_line_spans(doc_text(doc))
        quoted = quoted_tokens(doc)
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
            if _is_since(span) and (not _since_date(span) or self.named_in(core_text(span.text).lower()) is not None):
                # "since Hamas's October 7 attack", "since October 7": another event, only a reference point
                point, _ = self._read_span(span, anchor or published, published, False)
                out.append(Expression(span.start, span.end, span.text, NO_DATE, _governor(span, nearest_noun=True), point))
                continue
            future = looks_forward(doc[head])
            if _is_then(span):
                date = self.time_just_named(span, out, sentence_starts)
                if date is None:
                    continue  # "at the time of the attack": another act's time, not read here
                explicit_day = False
            elif (weekday := self.weekday_of_named(span, days, para, published)) is not None:
                date, explicit_day = weekday, False  # ("the previous Monday": read once)
            elif self._is_offset(span):
                date = self.counted(span, out, planned if future else days, para, published)
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
                planned.append((para, day))
        return self._spoken_on(doc, out, quoted, published)

    def weekday_of_named(self, span: Span, days: list[tuple[int, dt.date]], para: int, published: dt.date | None) -> EventDate | None:
        """'the previous Monday', 'the following Friday', 'that Friday', 'on the Saturday': a weekday
        told from the last day named (within OFFSET_PARAGRAPHS paragraphs, else publication): the
        latest one before it, the first one after it, or the one of its own week (Monday to Sunday).
        None for any other expression."""
        doc = span.doc
        words = [t.lower_ for t in span]
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if len(words) == 3 and words[0] == "the" and words[1] in ("previous", "preceding", "following", "next") and words[2] in WEEKDAYS:
            relation, weekday = words[1], words[2]
        elif len(words) == 1 and words[0] in WEEKDAYS and before in ("that", "the"):
            relation, weekday = "that", words[0]
        elif len(words) == 1 and words[0] in WEEKDAYS and before in ("previous", "preceding", "following", "next") \
                and span.start > 1 and doc[span.start - 2].lower_ == "the":
            relation, weekday = before, words[0]  # (the NER's span left "the following" out)
        else:
            return None
        base = next((d for p, d in reversed(days) if para - p <= self.OFFSET_PARAGRAPHS), published)
        if base is None:
            return NO_DATE
        target = WEEKDAYS.index(weekday)
        if relation in ("previous", "preceding"):
            day = base - dt.timedelta(days=(base.weekday() - target) % 7 or 7)
        elif relation in ("following", "next"):
            day = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
        else:
            day = base - dt.timedelta(days=base.weekday()) + dt.timedelta(days=target)
        text = span.text if len(words) == 3 else f"{before} {span.text}"
        return EventDate(day.isoformat(), "day", "relative", text)

    def time_just_named(self, span: Span, out: list[Expression], sentence_starts: list[int]) -> EventDate | None:
        """'at the time', 'at that time': the date of the last past act dated in the same sentence or
        the one before it, in the same paragraph, at its own precision ('Two truces signed in 2023
        collapsed, and both sides traded blame at the time': 2023); NO_DATE with none. None when the
        words name another act's time ('at the time of the attack')."""
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].tag_ in ("DT", "PRP$", "NNP", "NNPS", "CD"):
            return None  # (but 'accused each other at the time of rearming' is the accusing's time)
        sentence = bisect.bisect_right(sentence_starts, span.start)
        for e in reversed(out):
            if sentence - bisect.bisect_right(sentence_starts, e.start) > 1 or _paragraph(doc, e.start) != _paragraph(doc, span.start):
                break
            if e.date.known and not looks_forward(doc[e.head]):
                return EventDate(e.date.value, e.date.precision, "relative", span.text)
        return NO_DATE

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
        if date.known and date.basis == "explicit" and not has_year(span.text) and published is None:
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
        if {"week", "weeks", "month", "months", "year", "years"} & set(words):
            # "a week later", "two months earlier", "a week after the summit", "the following week",
            # "the month before", "later that week" (not "earlier this week" or "next month": periods)
            if len(words) == 3 and (words[0] in DAY_COUNTS or words[0].isdigit()):
                return words[2] in ("later", "earlier") or words[2] in ("before", "after") and _reference(span) is not None
            if len(words) == 3 and words[0] == "the" and words[1] in ("previous", "preceding", "next", "following", "same"):
                return True
            if len(words) == 3 and words[0] == "the" and words[2] in ("before", "after"):
                return span[-1].dep_ != "mark"  # ("the week after Peru shelled the port": no count of days to read)
            return words[-2:-1] == ["that"] and len(words) <= 3
        if not {"day", "days", "night", "evening", "morning"} & set(words):
            return False  # "next month", "earlier this week": periods, read by dateparser
        if not ({"previous", "preceding", "next", "following", "later", "earlier", "same", "that"} & set(words) or words[-1] in ("before", "after")):
            return False
        if words[-1] in ("before", "after") and span[-1].dep_ == "mark":
            return False  # "the day after Peru shelled the port": counted from its clause's day (counted_from_clause)
        if words[-1] in ("before", "after") and words[0] != "the":
            return _reference(span) is not None  # "days after they met" is the few-days rule's
        return len(span) >= 2

    def counted(self, span: Span, out: list[Expression], days: list[tuple[int, dt.date]], para: int, published: dt.date | None) -> EventDate:
        """The day a day count names: so many days from the act it names, or from the last day named.

        span (Span): 'the previous day', 'two days later', 'a day after the meeting', 'the same day'.
        out (list[Expression]): the expressions read so far.
        days (list): the days named so far that a count may start from: past ones for a past act,
            past or planned ones for a plan ('will meet on 18 May ... due to resume ten days later').
        """
        words = [t.lower_ for t in span]
        n = next((DAY_COUNTS.get(w) or (int(w) if w.isdigit() else None) for w in words if w in DAY_COUNTS or w.isdigit()), None)
        n = 0 if {"same", "that"} & set(words) else 1 if n is None else n  # "the same day", "later that night": the day just named
        sign = -1 if set(words) & {"previous", "preceding", "earlier", "before"} else 1
        reference = _reference(span)
        if reference is not None and reference.lower_ in ("yesterday", "tomorrow"):
            # "the day before yesterday", "the day after tomorrow": counted from the day next to the anchor
            if published is None:
                return NO_DATE
            base = published + dt.timedelta(days=-1 if reference.lower_ == "yesterday" else 1)
            return EventDate((base + dt.timedelta(days=sign * n)).isoformat(), "day", "relative", span.text + " " + reference.text)
        if reference is not None:
            # "a day after the meeting": counted from the last day the article gives such an act.
            # (a count of months or years may count from a month or a year: "a year after the March 2021 talks")
            allowed = ("day", "month", "year") if {"year", "years"} & set(words) else ("day", "month") if {"month", "months"} & set(words) else ("day",)
            found = next((e for e in reversed(out) if e.date.precision in allowed and _clause_names(span.doc[e.head], reference)), None)
            if found is None:
                return NO_DATE
            base = dt.date.fromisoformat((found.date.value + "-01-01")[:10] if found.date.precision == "year" else (found.date.value + "-01")[:10])
        else:
            base = next((d for p, d in reversed(days) if para - p <= self.OFFSET_PARAGRAPHS), published)
            if base is None:
                return NO_DATE
        if words == ["the", "week", "before"] and span.end < len(span.doc) and span.doc[span.end].lower_ == "last" and published:
            return week_month(published - dt.timedelta(days=14), span.text + " last")  # "the week before last"
        if {"week", "weeks"} & set(words):
            # "a week later", "two weeks earlier", "a week after the summit", "the following week",
            # "later that week": read like "two weeks ago" (manual: weeks and months), the month of
            # the week around that day.
            return week_month(base + dt.timedelta(days=sign * 7 * n), span.text)
        if {"month", "months"} & set(words):
            # "the following month", "two months later", "later that month": counted from the last
            # day or month named, at month precision.
            if reference is None:
                base = self.last_named(span, out, para, ("day", "month")) or base
            month = base.year * 12 + base.month - 1 + sign * n
            return EventDate(f"{month // 12:04d}-{month % 12 + 1:02d}", "month", "relative", span.text)
        if {"year", "years"} & set(words):
            # "the following year", "a year later", "two years earlier": from the last date named
            if reference is None:
                base = self.last_named(span, out, para, ("day", "month", "year")) or base
            return EventDate(f"{base.year + sign * n:04d}", "year", "relative", span.text)
        return EventDate((base + dt.timedelta(days=sign * n)).isoformat(), "day", "relative", span.text)

    def last_named(self, span: Span, out: list[Expression], para: int, precisions: tuple[str, ...]) -> dt.date | None:
        """The first day of the last past date named at one of `precisions` within OFFSET_PARAGRAPHS
        paragraphs before `span` ('in January ... Two months later': January 1; 'in 2021 ... The
        following year': 2021-01-01), or None."""
        doc = span.doc
        for e in reversed(out):
            if para - _paragraph(doc, e.start) > self.OFFSET_PARAGRAPHS:
                return None
            if e.date.precision in precisions and not looks_forward(doc[e.head]):
                return dt.date.fromisoformat((e.date.value + "-01-01")[:10] if e.date.precision == "year" else e.date.value[:7] + "-01")
        return None

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
    return EventDate(format_date(published, "month"), "month", "publication")


def _news_act(token: Token) -> bool:
    """A plain past-tense act with no hedge of time ('recently', 'currently'): the article's own news."""
    auxes = auxiliaries(token)
    past = (token.tag_ == "VBD" or token.tag_ == "VB" and any(a.lemma_ == "do" and a.tag_ == "VBD" for a in auxes)
            or token.tag_ in ("VBN", "VBG") and bool(auxes) and auxes[0].tag_ == "VBD" and auxes[0].lemma_ == "be")
    if not past or is_future(token):
        return False  # ("did not attend the talks", "were hosted by", "was shelling": past acts too)
    return not any(t.lower_ in UNDATED_WORDS for t in token.sent)


def _names_again(subject: Token, earlier: Token) -> bool:
    """Whether `subject` names the actor that the subject `earlier` named: its name or noun again,
    also inside a longer name or title ('Katz' for 'Defence Minister Israel Katz', 'the ministry'
    for 'Chile's Defence Ministry'), in the same number (the group 'the Danish and Chilean
    ministers' is not 'the Danish minister'), and not one of several actors coordinated there."""
    if any(c.dep_ == "conj" for c in earlier.children) or any(c.dep_ == "conj" for c in subject.children):
        return False
    lemma = subject.lemma_.lower()
    if lemma == earlier.lemma_.lower():
        return (subject.tag_ in ("NNS", "NNPS")) == (earlier.tag_ in ("NNS", "NNPS"))
    return any(t.lemma_.lower() == lemma and t.dep_ in ("compound", "appos") for t in earlier.subtree)


def _first_person(subject: Token) -> bool:
    """'we', 'I', or a noun the speaker owns ('*our* mission', '*my* government'): the speaker's own act."""
    return subject.lower_ in FIRST_PERSON or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children)


def _reference(span: Span) -> Token | None:
    """The act a day count ending in 'after'/'before' names: 'a day after *the meeting*'."""
    prep = span[-1]
    return next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _same_act(act: Token, noun: Token) -> bool:
    """Whether `noun` names the act `act` ('the meeting' after 'met', 'the shelling' after 'shelled',
    'the signing' after 'signed'): the same lemma, a noun made from the verb's, or two meeting words."""
    verb, name = act.lemma_.lower(), noun.lemma_.lower()
    if verb == name or {verb, name} <= EVENT_WORDS:
        return True
    return act.pos_ == "VERB" and len(verb) >= 4 and name.startswith(verb) and name[len(verb):] in ("ing", "ment", "ion", "al")


_OTHER_TIME = ("after", "before", "since", "until", "till")


def _clause_names(head: Token, noun: Token) -> bool:
    """Whether the clause of a dated verb or noun tells the act `noun` names: the verb itself ('met
    on Thursday' for 'the meeting'), or a word of its own clause ('*The summit* in Lima ended on
    Thursday', 'gathered on Thursday *for a summit*'), not of a clause below it nor of another
    time ('shelled the port on Saturday, days *after the summit*')."""
    todo = [head]
    while todo:
        t = todo.pop()
        if _same_act(t, noun):
            return True
        todo += [c for c in t.children if c.dep_ not in DocumentDates.CLAUSE_DEPS and c.lower_ not in _OTHER_TIME
                 and not (c.dep_ == "npadvmod" and c.lemma_ in ("day", "week"))]
    return False


def _reporting_verb(verb: Token) -> Token | None:
    """The verb of saying that reports a future state or refusal as the speaker's stance: 'said the
    army *would remain* in its barracks', 'said the border *will be* open', 'said its ships *will not
    take part*' (a state verb, 'be', or a negated act, in the complement clause of the saying,
    also coordinated or as an infinitive there, outside quotation marks). None for a future act
    ('said the navy would escort the fleet': a plan, not done yet), or a negated saying."""
    stance = verb.lemma_.lower() in STATIVE_VERBS or verb.lemma_ == "be" or is_negated(verb)
    quoted = quoted_tokens(verb.doc)
    if not stance or verb.i in quoted:
        return None
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    head = node.head
    if node.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS and not is_negated(head) and head.i not in quoted:
        return head
    return None


def _in_name(span: Span) -> bool:
    """'Today' in 'Turkiye Today': a capitalised date word glued to a name is part of the name."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and span[0].is_title and before is not None and before.pos_ == "PROPN" and not span[0].is_sent_start


def _is_then(span: Span) -> bool:
    """'at the time', 'at that time' (the time just named)."""
    return [t.lower_ for t in span] in (["at", "the", "time"], ["at", "that", "time"])


def _is_since(span: Span) -> bool:
    """Whether a date expression hangs from 'since': 'since January', 'since Hamas's October 7 attack',
    'since the floods in March 2021'.

    (Right after 'since' it gives the act's start, `_since_date`; inside another event's name, nothing.)"""
    if span[0].lower_ == "since" or (span.start > 0 and span.doc[span.start - 1].lower_ == "since"):
        return True
    token = span.root
    while token.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss", "pobj", "nummod", "prep") and token.head.i != token.i:
        token = token.head
        if token.lower_ == "since":
            return True
    return False


def _since_date(span: Span) -> bool:
    """'since January', 'since late last year': the date itself follows 'since', and gives the start
    of the act it dates ('has pressed both sides since January' -> January)."""
    since = span.start if span[0].lower_ == "since" else span.start - 1
    if since < 0 or span.doc[since].lower_ != "since":
        return False
    # "for the first time since 2011": the act is now, the first since then; 2011 is a reference point
    return not any(t.lower_ == "first" for t in span.doc[max(since - 3, 0):since])


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
        self.published = published
        self.fallback = publication_date(expressions, published)
        self.by_head: dict[int, list[Expression]] = {}
        for e in expressions:
            # Unreadable expressions count too: an act with a time we cannot pin gets no guess.
            self.by_head.setdefault(e.head, []).append(e)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The first token index of each sentence, in order (for `bisect`)."""
        return [s.start for s in self.doc.sents]

    CARRY_PARAGRAPHS = 1

    def carried(self, token: Token) -> EventDate | None:
        """The day of a past act dated in the sentence right before: an undated act told next to it.

        In the same paragraph any act takes it; across a paragraph break (at most CARRY_PARAGRAPHS)
        only a report does, whose sentence is told by a verb of saying or quoted ('Rebels shelled
        the port on Monday.' / 'Two sailors were hurt, the navy said.'): the report goes on, while
        a plain act in a new paragraph ('The navy sent two frigates.') is a new step of the story.
        Not a pluperfect's day: 'Officials said rebels had shelled the port on Monday. The navy
        sent two frigates.' goes on in the story's own time, which lies after the shelling."""
        here = _paragraph(self.doc, token.i)
        report = token.sent.root.lemma_.lower() in SPEECH_VERBS or token.i in quoted_tokens(self.doc)
        for e in reversed(self.expressions):
            if e.start >= token.sent.start:
                continue
            if here - _paragraph(self.doc, e.start) > (self.CARRY_PARAGRAPHS if report else 0):
                return None
            if e.start < self.doc[token.sent.start - 1].sent.start:
                return None  # only the sentence right before: further on, the story has moved on
            if is_perfect(self.doc[e.head]) and not is_present_perfect(self.doc[e.head]):
                continue  # "said drones had hit the depot on Monday": a pluperfect's day lies before the story's time
            if e.date.precision == "day" and not looks_forward(self.doc[e.head]) and not is_present_act(self.doc[e.head]):
                return EventDate(e.date.value, "day", "relative", e.text)
        return None

    def after_history(self, token: Token) -> bool:
        """Whether the sentence right before, in the same paragraph, dates its main act to an
        earlier year ('Chile annexed the islands in 1998. It has also built a port there.')."""
        sent = token.sent
        if self.published is None or sent.start == 0:
            return False
        previous = self.doc[sent.start - 1].sent
        if _paragraph(self.doc, previous.start) != _paragraph(self.doc, token.i):
            return False
        main = {previous.root.i} | {c.i for c in previous.root.children if c.dep_ == "conj"}
        return any(previous.start <= e.start < previous.end and e.date.precision == "year" and e.head in main
                   and int(e.date.value) < self.published.year for e in self.expressions)

    def date_at(self, char: int) -> EventDate:
        """The date of the act whose trigger starts at character `char` of the document."""
        token = _token_at(self.doc, char)
        if token is None:
            return NO_DATE
        while token.dep_ in ("aux", "auxpass", "neg") and token.head.i != token.i:
            token = token.head  # a trigger written from its auxiliary: "have pressed", "did not attend"
        sent = token.sent
        if is_conditional(token):
            return NO_DATE  # "if they go on the offensive": only a condition, not an act
        if token.i in quoted_tokens(self.doc) and is_disposition(tensed_verb(token, sent.root)):
            return NO_DATE  # '“..., and the government is unable to help,” she said': its state, not her act
        node = token
        while True:
            if any(a.lower_ in MODAL_WORDS for a in auxiliaries(node)):
                # "may be close to a deal", "could strike": only possible; a quoted speaker's own
                # "“The dialogue must continue.”" is dated by the speech
                speech = self.quoted_from(sent)
                if speech is not None:
                    return self.date_at(speech.root.idx)
                opened = self.quote_opened_by(token)  # a quotation opened by an earlier sentence's speaker
                if opened is not None:
                    return self.date_at(opened.idx)
                saying = quoting_verb(node) or reported_demand(node)  # ('said both sides must stop': a demand made then)
                return self.date_at(saying.idx) if saying is not None else NO_DATE
            counted = self.counted_from_clause(node)
            if counted is not None:
                return counted
            planned = planned_infinitive(node)
            if planned is not None:
                # "are planning to keep troops", "aims to gather 20 delegations on 18 April": a plan
                # lies ahead, dated by the day it is planned for or by none
                return self.plan_date(planned) or self.pledge_date(token, sent)
            found = self.by_head.get(node.i)
            if not found and node is token and token.pos_ == "NOUN":
                # "the meeting taking place on May 22", "talks held on Wednesday": a participle
                # that modifies the trigger noun carries its date.
                found = [e for c in token.children if c.dep_ == "acl" for e in self.by_head.get(c.i, ())]
            if not found and node.pos_ in ("VERB", "AUX"):
                # "will hold talks next month": the parser hangs the time on the object.
                found = [e for c in node.children if c.dep_ == "dobj" for e in self.by_head.get(c.i, ())
                         if self.doc[e.start:e.end].root.dep_ == "npadvmod" and e.start > c.i]
            if not found and node.pos_ in ("VERB", "AUX"):
                when = self.when_date(node)  # "were killed when the army shelled the town last week"
                if when is not None:
                    return when
            if not found and node is token and node.pos_ in ("VERB", "AUX"):
                # "broke the truce by bombing positions on Wednesday": a day in the act's own phrases
                own = self.clause_date(node)
                if own is not None:
                    return own
            if found:
                known = [e for e in found if e.date.known] or found
                # ("shelled the town overnight into Tuesday": the night's month yields to the day)
                known = [e for e in known if e.text.lower() not in NIGHT_WORDS] or known
                date = min(known, key=lambda e: abs(e.start - token.i)).date
                return self.refined(token, date) or date
            if is_perfect(node) and not is_present_perfect(node):
                # "had raided the village on Wednesday night": its own day; "said Japan had lodged a
                # protest": reported news, dated by the report; "had agreed and had signed": the verb
                # it is coordinated with; otherwise earlier than the story, at no known time.
                own = self.clause_date(node)
                if own is not None:
                    return own
                if node.dep_ == "conj" and is_perfect(node.head) and node.head.sent.start == sent.start:
                    node = node.head
                    continue
                saying = reported_by(node)
                return self.date_at(saying.idx) if saying is not None else NO_DATE
            if is_perfect(node):
                # "said on Thursday that they had agreed": the agreeing is earlier, and undated;
                # "Chile has suspended trade": the story's own news (manual 8.6), unless told as
                # background in a relative clause ("Peru, which has suspended trade, ...").
                if not is_present_perfect(node) or is_negated(node) or is_background(token) or is_stative_passive(node):
                    return NO_DATE  # "has not condemned": a state that lasts until now, not an act
                speech = self.quoted_from(sent)
                return self.date_at(speech.root.idx) if speech is not None else self.story_date(node)
            if in_background_phrase(node):
                return NO_DATE  # "despite pledges by Chile", "without pressure from Peru": a circumstance, not the act above
            if node.head.i == node.i or node.head.sent.start != sent.start:
                break
            quoted = quoted_tokens(self.doc)
            if any(a.dep_ == "aux" and a.lower_ in FUTURE_MARKERS and a.i not in quoted for a in node.children) or is_future_in_past(node):
                # "said on Tuesday that Peru will defend its coast": not done on Tuesday (a quotation is the speech's)
                if node is not token and is_nonfinite(tensed_verb(token, node)):
                    return self.pledge_date(token, sent)  # "would issue a statement *rejecting* the plan": ahead too
                break
            node = node.head
        if is_future(token) or is_future_in_past(token):
            return self.pledge_date(token, sent)
        if in_future_time_clause(token):
            return NO_DATE  # "will respond when Chile withdraws": the withdrawal lies ahead too
        if self.is_headline(sent):
            verb = tensed_verb(token, node)
            if verb.tag_ == "VBD" and verb.pos_ in ("VERB", "AUX"):
                return self.restated(sent) or self.fallback  # a past-tense title: "Chile expelled envoys"
            return self.restated(sent) or self.head_date(verb)
        meeting = self.meeting_before(sent, node)
        if meeting is not None:
            return meeting
        if is_recent(node):
            return self.story_date(node)
        if not _news_act(node):
            speech = self.quoted_from(sent)
            return self.date_at(speech.root.idx) if speech is not None else self.story_date(tensed_verb(token, node))
        if is_added(node, token):
            # "..., the ministry said. The ministry added that ...": the same report goes on.
            previous = self.sentence_before(sent, self.CARRY_PARAGRAPHS)
            if previous is not None:
                return self.date_at(previous.root.idx)
        return self.same_actor_day(node) or self.carried(token) or self.undated_news(token)

    SAME_ACTOR_SENTENCES = 8  # how many sentences back an actor's next act looks for its dated act

    def same_actor_day(self, verb: Token) -> EventDate | None:
        """The day of the last act dated to a day by the same actor, told a few sentences before
        (at most SAME_ACTOR_SENTENCES, and OFFSET_PARAGRAPHS paragraphs): a plain past act of an
        actor with no date of its own goes on with that actor's dated occasion ('Peru's navy
        seized two trawlers on Monday. ... The navy also detained their crews.'; manual 7:
        anaphora to a dated act). The actor is the subject, named again by its name or noun,
        also inside a longer name or title ('the ministry' for 'Chile's Defence Ministry', 'Katz'
        for 'Defence Minister Israel Katz'); a pronoun names no one here. Not a pluperfect's day
        ('said the navy had seized them on Monday' lies before the story's time), nor a plan's.
        None when no such act is found."""
        if verb.tag_ != "VBD":
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return None
        sent = verb.sent
        starts = self.sentence_starts
        here = bisect.bisect_right(starts, sent.start)
        para = _paragraph(self.doc, verb.i)
        for e in reversed(self.expressions):
            if e.start >= sent.start:
                continue
            if para - _paragraph(self.doc, e.start) > DateResolver.OFFSET_PARAGRAPHS or here - bisect.bisect_right(starts, e.start) > self.SAME_ACTOR_SENTENCES:
                return None
            head = self.doc[e.head]
            if e.date.precision != "day" or head.pos_ not in ("VERB", "AUX") or looks_forward(head):
                continue
            if is_perfect(head) and not is_present_perfect(head) or is_present_act(head):
                continue
            other = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if other is not None and _names_again(subject, other):
                return EventDate(e.date.value, "day", "relative", e.text)
        return None

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
        if not self.fallback.known or is_habitual(verb) or is_future(verb) or is_stative(verb) or is_disposition(verb) or self.after_history(verb):
            return NO_DATE
        if any(c.lower_ == "since" for c in verb.children):
            # "has criticised Peru since the floods": a state lasting from another event
            return NO_DATE
        if is_present_act(verb) or is_recent(verb):
            return EventDate(self.fallback.value[:7], "month", "publication")
        return NO_DATE

    def when_date(self, verb: Token) -> EventDate | None:
        """The time a 'when' gives an act with no date of its own, or None.

        A clause of 'when' right after a date and a comma is told at that date ('since October
        2024, *when* Peru launched its last rocket': October 2024, though 'since' dates no act
        there); an act whose own 'when' clause carries a date was done then ('were killed *when*
        the army shelled the town last week': last week).
        """
        doc = self.doc
        when = next((c for c in verb.children if c.dep_ in ("advmod", "mark") and c.lower_ == "when" and c.i < verb.i), None)
        if when is not None and when.i >= 2 and doc[when.i - 1].text == ",":
            before = next((e for e in self.expressions if e.end == when.i - 1), None)
            if before is not None and (before.date.known or before.reference.known):
                return before.date if before.date.known else before.reference
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in clause.children):
                dated = [e for e in self.by_head.get(clause.i, ()) if e.date.known]
                if dated:
                    return min(dated, key=lambda e: abs(e.start - clause.i)).date
        return None

    def counted_from_clause(self, verb: Token) -> EventDate | None:
        """'landed on Thursday, *eight days after* the rebels seized the town': the seizing is so many
        days before (or, with 'before', after) the day of the clause it hangs from.

        RETURNS the day, NO_DATE when that clause has no day, or None when `verb` is not such a clause.
        """
        count = day_count_before_mark(verb)
        if count is None or verb.dep_ != "advcl" or verb.head.i == verb.i:
            return None
        base = self.date_at(verb.head.idx)
        if base.precision != "day":
            return NO_DATE
        days, unit = count
        day = dt.date.fromisoformat(base.value) + dt.timedelta(days=days)
        if unit == "week":
            return week_month(day, base.expression)  # "a week after Chile shelled the port": that week's month
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
        dated = [e for e in self.expressions if e.head in inside and e.head != verb.i and e.date.known
                 and self.doc[e.start:e.end].root.dep_ != "poss"]  # ("condemned Thursday's vote": the vote's day)
        return min(dated, key=lambda e: abs(e.start - verb.i)).date if dated else None

    def plan_date(self, infinitive: Token) -> EventDate | None:
        """The date a present plan is for: the known date written in its infinitive's clause ('is to
        hold two rounds of talks, the first on 4-5 April'), else None: the plan is not done yet, though
        a speaker's own quoted "we plan to" is a pledge (`pledge_date`)."""
        found = [e for e in self.by_head.get(infinitive.i, ()) if e.date.known]
        if found:
            return min(found, key=lambda e: abs(e.start - infinitive.i)).date
        return self.clause_date(infinitive)

    def pledge_date(self, token: Token, sent: Span) -> EventDate:
        """A speaker's own 'we will' or 'I will' inside a quotation is a pledge or a threat made as
        they speak ('“We will work with Seoul,” the minister said'): the date of the speaking. Any
        other future act without a date of its own has none yet; but a future state or refusal that
        a verb of saying reports ('the minister said the army would remain in its barracks', 'said
        its ships will not take part') is the speaker's stance, dated by the saying (`_reporting_verb`;
        manual 7: a speaker's stance gets the date of the utterance)."""
        verb = tensed_verb(token, sent.root)  # (a trigger may start at its subject: "We will go")
        planner = verb.head if verb.dep_ == "xcomp" else verb  # ('“Our aim is to hold talks”': the subject of the plan)
        if token.i not in quoted_tokens(self.doc) or not any(c.dep_ == "nsubj" and _first_person(c) for c in (*verb.children, *planner.children)):
            saying = _reporting_verb(verb)  # "said the army would remain in its barracks": a stance taken then
            return self.date_at(saying.idx) if saying is not None else NO_DATE
        speech = self.quoted_from(sent)
        if speech is not None:
            return self.date_at(speech.root.idx)
        opened = self.quote_opened_by(token)  # ('The minister said: “We did our part. We will ...”')
        if opened is not None:
            return self.date_at(opened.idx)
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
        if not self.fallback.known or is_future(verb) or any(a.lower_ in MODAL_WORDS for a in auxiliaries(verb)):
            return NO_DATE
        if verb.i > verb.sent.start and verb.doc[verb.i - 1].lower_ == "to" and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.sent.start:verb.i - 1]):
            return NO_DATE  # "Chile to Expel Envoys": the title's infinitive of a plan
        return EventDate(self.fallback.value[:7], "month", "publication")

    def quote_opened_by(self, token: Token) -> Token | None:
        """The verb of saying of an earlier sentence whose quotation goes on over the sentence of
        `token` ('The envoy said: “Both sides agreed. They must now respect the deal.”': 'said' for
        'must respect'), or None."""
        quoted = quoted_tokens(self.doc)
        if token.i not in quoted:
            return None
        start = token.i
        while start - 1 >= 0 and start - 1 in quoted:
            start -= 1  # the first word of the quotation
        opening = self.doc[start].sent
        if opening.start >= token.sent.start:
            return None
        speaker = opening
        if self.doc[opening.start].text in QUOTES:
            # the quotation opens its sentence ('... , Peru's minister said. “What now? We ...”'):
            # the speaker is the one the sentence before quotes, as for a bare quotation
            speaker = self.sentence_before(opening, self.CARRY_PARAGRAPHS)
            while speaker is not None and is_bare_quote(speaker):
                speaker = self.sentence_before(speaker, self.CARRY_PARAGRAPHS, reach_from=opening)
        root = speaker.root if speaker is not None else None
        if root is not None and root.i not in quoted and root.lemma_.lower() in SPEECH_VERBS and not is_negated(root):
            return root
        return None

    def quoted_from(self, sent: Span) -> Span | None:
        """The sentence whose speaker a wholly quoted sentence goes on quoting ('“...,” she said.
        “...”'), in the same or the previous paragraph; None if `sent` is not a bare quotation."""
        if not is_bare_quote(sent):
            return None
        speech: Span | None = sent
        while speech is not None and is_bare_quote(speech):
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
        return previous is not None and refers_to_meeting(previous) and not is_future(previous.root)

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
        if not (refers_to_meeting(sent) or _news_act(act) and self._follows_meeting(sent)):
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


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
