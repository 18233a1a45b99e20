"""Calendar phrases read against an anchor day, and the date of an act (`EventDate`).

dateparser reads most surface forms (`parse_date`); the readers here take the forms it gets wrong
or does not know: "last March", "Tuesday last week", "on the 28th", "last weekend", "three days
ago", "a week later" (`week_month`), "25-26 January" (`first_of_range`). Each works on the
lower-cased expression without its leading words (`core_text`) and has a doctest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from .time_words import DAY_COUNTS, WEEKDAYS


# Spans of text before the date proper that only say which part of it is meant.
_LEADING = re.compile(
    r"^(?:on|in|at|by|from|since|until|till|during|over|within|of|the|a|an|as of|early|late|mid|"
    r"(?:the )?(?:beginning|start|end|middle|turn) of|(?:the )?(?:first|second|third|fourth|last|final) (?:week|days|weekend) of|(?:the )?(?:first|second|latter) half of|(?:the )?(?:early |small |late )?hours of|(?:earlier|later) on)\s+",
    re.IGNORECASE,
)
_MID = re.compile(r"^mid-(?=[a-z])", re.I)  # "mid-February": the month


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


@lru_cache(maxsize=1024)
def _parser(direction: str, base: dt.date) -> DateDataParser:
    """A dateparser reader for one direction and anchor day (cheap to build; cached because anchors repeat)."""
    settings = {"PREFER_DATES_FROM": direction, "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
    return DateDataParser(languages=["en"], settings=settings)


def parse_date(text: str, base: dt.date, direction: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of a surface form: the date and its period (day, week, month, year)."""
    data = _parser(direction, base).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def format_date(day: dt.date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": f"{day.year:04d}"}.get(precision, "")


def core_text(text: str) -> str:
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
    m = re.fullmatch(r"(last|this past|past|next|this coming|coming) (\w+)(?: (?:night|morning|afternoon|evening))?", lowered)
    if m is None or m.group(2) not in WEEKDAYS:
        return None
    weekday = WEEKDAYS.index(m.group(2))
    if m.group(1) in ("last", "this past", "past"):  # ("this past Sunday": the last one)
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def day_of_month(lowered: str, anchor: dt.date, future: bool) -> dt.date | None:
    """'the 28th' alone: the latest 28th on or before the anchor day in a past clause (the month
    before when the anchor's month has not reached it), the first one after it in a future clause;
    None for any other expression.

    >>> day_of_month("28th", dt.date(2025, 1, 6), False), day_of_month("3rd", dt.date(2025, 1, 6), True)
    (datetime.date(2024, 12, 28), datetime.date(2025, 2, 3))
    """
    m = re.fullmatch(r"([12]?\d|3[01])(?:st|nd|rd|th)", lowered)
    if m is None:
        return None
    day, month = int(m.group(1)), anchor.year * 12 + anchor.month - 1
    for _ in range(3):  # the nearest month that has such a day, on the tense's side of the anchor
        try:
            candidate = dt.date(month // 12, month % 12 + 1, day)
        except ValueError:
            candidate = None
        if candidate is not None and (candidate > anchor if future else candidate <= anchor):
            return candidate
        month += 1 if future else -1
    return None


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")


def in_calendar(lowered: str, anchor: dt.date) -> EventDate | None:
    """'last March': the latest March before the anchor's month (a year back in a March article;
    'next March' the first one after it);
    'Tuesday last week', 'Friday next week': that weekday of the week before or after the anchor's
    own (Monday to Sunday). None for any other expression.

    >>> in_calendar("last march", dt.date(2024, 3, 13)).value, in_calendar("tuesday last week", dt.date(2024, 3, 13)).value
    ('2023-03', '2024-03-05')
    """
    m = re.fullmatch(r"(last|next) (\w+)", lowered)
    if m is not None and m.group(2) in MONTH_NAMES:
        month = MONTH_NAMES.index(m.group(2)) + 1
        if m.group(1) == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
        else:  # "next March": the first March after the anchor's month
            year = anchor.year if month > anchor.month else anchor.year + 1
        return EventDate(f"{year:04d}-{month:02d}", "month", "relative", lowered)
    m = re.fullmatch(r"(\w+) (last|this|next) week", lowered)
    if m is not None and m.group(1) in WEEKDAYS:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days={"last": -7, "this": 0, "next": 7}[m.group(2)])
        return EventDate((monday + dt.timedelta(days=WEEKDAYS.index(m.group(1)))).isoformat(), "day", "relative", lowered)
    return None


def weekend_date(lowered: str, anchor: dt.date, future: bool) -> EventDate | None:
    """'last weekend', 'over the weekend', 'this past weekend': the Saturday and Sunday before the
    anchor (its own, on a weekend day); 'next weekend' or a future 'at the weekend' the next one.
    The month when both days lie in one, else NO_DATE; None for any other expression.

    >>> weekend_date("last weekend", dt.date(2024, 3, 13), False).value, weekend_date("next weekend", dt.date(2024, 8, 28), False)
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
    return EventDate(format_date(saturday, "month"), "month", "relative", lowered) if saturday.month == sunday.month else NO_DATE


def night_date(anchor: dt.date, future: bool, text: str) -> EventDate:
    """'overnight': the night before the anchor day (after it for a future act), which spans two
    days; the month when both lie in one month, else NO_DATE (as a weekend is read).

    >>> night_date(dt.date(2024, 3, 13), False, "overnight").value, night_date(dt.date(2024, 3, 1), False, "overnight").known
    ('2024-03', False)
    """
    first = anchor if future else anchor - dt.timedelta(days=1)
    second = first + dt.timedelta(days=1)
    return EventDate(format_date(first, "month"), "month", "relative", text) if first.month == second.month else NO_DATE


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
        return week_month(anchor - dt.timedelta(days=7 * n), lowered)
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
    m = re.fullmatch(r"((?:last |this past |next )?(\w+day)) and \w+day", core, re.I)
    if m is not None and m.group(2).lower() in WEEKDAYS:
        return m.group(1)  # "Saturday and Sunday", "last Wednesday and Thursday": the first day
    return core


def is_weekday_part(lowered: str) -> bool:
    """'wednesday night', 'monday afternoon': a weekday and a part of it, so that weekday.

    >>> is_weekday_part("wednesday night"), is_weekday_part("night")
    (True, False)
    """
    words = lowered.split()
    return len(words) == 2 and words[0] in WEEKDAYS


def has_year(text: str) -> bool:
    return re.search(r"\b(1[89]\d\d|20\d\d)\b", text) is not None


def has_day_number(text: str) -> bool:
    return re.search(r"\b([12]?\d|3[01])(st|nd|rd|th)?\b", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", text)) is not None


def week_month(middle: dt.date, text: str) -> EventDate:
    """The month of the week around `middle` (three days either side) when that week lies in one
    month, else NO_DATE: how a count of weeks is read ('two weeks ago', 'a week after the summit').

    >>> week_month(dt.date(2024, 3, 18), "a week later").value, week_month(dt.date(2024, 3, 1), "a week later").known
    ('2024-03', False)
    """
    first, last = middle - dt.timedelta(days=3), middle + dt.timedelta(days=3)
    if (first.year, first.month) != (last.year, last.month):
        return NO_DATE
    return EventDate(format_date(middle, "month"), "month", "relative", text)
