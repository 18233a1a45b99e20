"""Merge dated statements that report the same act into events, across articles.

The merge rule (codebook/README.md, "Events"):

* Only dated statements become events; undated ones stay in statements.csv. A statement dated
  after its document's publication ("will meet on May 3" in an April article) is a plan, not an
  event yet: it stays in statements.csv with its planned date, and events.csv leaves it out. So
  does a verbal act the statement coder marked as still to come or only possible ("will hold
  talks next week", "could meet": `+modal:will` in its rule), whatever its date; an announced
  intention (`+modal:intent:...`, "vowed it will retaliate") is an act of its own, and stays.
* Two statements report the same event when they have the same PLOVER category, the same
  actors and compatible dates. For the joint categories (CONSULT, AGREE, COOPERATE) the actors
  are a set, so that "A met B" and "B met A" agree; for every other category the direction
  counts, so A's warning to B and B's warning to A stay two events. Dates are compatible when
  equal at day precision, or when one contains the other ("2025-04" contains "2025-04-09").
  The issue does not split events (one report may name the issue, another not); the event
  takes the issue most of its statements give.
* Statements are placed from the most precise to the least. A coarser statement joins a finer
  event only when exactly one such event is compatible with it; if several are, it would be a
  guess, so it stays an event of its own at its own precision.
* An event takes the most precise date of its statements. `n_reports` counts the documents
  that report it; `n_statements` counts its rows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .tables import EVENTS_COLUMNS

PRECISION_ORDER = {"day": 0, "month": 1, "year": 2}


def compatible(a: str, b: str) -> bool:
    """Whether two dates (YYYY, YYYY-MM or YYYY-MM-DD) can be the same day: one contains the other."""
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


def is_planned(date: str, published: str) -> bool:
    """Whether an act's date lies wholly after its article's publication: a plan, not an event yet.

    date (str): the act's YYYY, YYYY-MM or YYYY-MM-DD; published (str): YYYY-MM-DD or empty.
    "2024-04" is planned in a 2024-03-13 article; "2024-03" is not (it may be before the 13th).
    """
    if not date or not published:
        return False
    return date > published[: len(date)]


_MODAL = re.compile(r"\+modal:(?!intent:)")


def not_yet(rule: str) -> bool:
    """Whether the statement coder marked the act as still to come or only possible ('+modal:will')."""
    return bool(_MODAL.search(rule))


JOINT = frozenset({"CONSULT", "AGREE", "COOPERATE"})


def actor_key(row: pd.Series | dict) -> tuple[str, ...]:
    """The event's actors: (source, target) in order, or as a sorted set for joint categories."""
    actors = [a for a in (row["source_actor"], row["target_actor"]) if isinstance(a, str) and a]
    if row["plover"] in JOINT:
        return tuple(sorted(set(actors)))
    return tuple(dict.fromkeys(actors))


@dataclass
class _Event:
    date: str
    precision: str
    rows: list[dict] = field(default_factory=list)


def _most_common(values: list, default=""):
    counts = Counter(v for v in values if v == v and v != "")
    if not counts:
        return default
    best = max(counts.values())
    return sorted(v for v, n in counts.items() if n == best)[0]


def merge_events(statements: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events table (SCHEMA.md `events.csv`) from a statements table.

    statements (DataFrame): statements.csv, with `event_date` and `date_precision`.
    documents (DataFrame | None): documents.csv, for each event's first publication date.
    RETURNS (DataFrame): one row per event, sorted by date and event_id.
    """
    published = {} if documents is None else dict(zip(documents["doc_id"], documents["published"].fillna("")))
    dated = statements[statements["date_precision"].isin(list(PRECISION_ORDER))].copy()
    dated = dated[dated["plover"].fillna("") != ""]
    if len(dated):
        rules = dated["rule"].fillna("").astype(str) if "rule" in dated else [""] * len(dated)
        planned = [is_planned(str(d), published.get(doc, "")) or not_yet(rule)
                   for d, doc, rule in zip(dated["event_date"], dated["doc_id"], rules)]
        dated = dated[[not p for p in planned]]
    groups: dict[tuple, list[dict]] = {}
    for row in dated.to_dict("records"):
        key = (actor_key(row), row["plover"])
        if not key[0]:
            continue
        groups.setdefault(key, []).append(row)
    out = []
    for key, rows in groups.items():
        for event in _cluster(rows):
            out.append(_event_row(key, event, published))
    table = pd.DataFrame(out, columns=EVENTS_COLUMNS)
    return table.sort_values(["date", "event_id"], kind="mergesort").reset_index(drop=True)


def _cluster(rows: list[dict]) -> list[_Event]:
    """Group one key's statements into events by the date rule above."""
    rows = sorted(rows, key=lambda r: (PRECISION_ORDER[r["date_precision"]], str(r["event_date"]), r["statement_id"]))
    events: list[_Event] = []
    for row in rows:
        date = str(row["event_date"])
        matches = [e for e in events if compatible(e.date, date)]
        same = [e for e in matches if e.date == date]
        if same:
            same[0].rows.append(row)
        elif len(matches) == 1 and row["date_precision"] != "day":
            matches[0].rows.append(row)
        else:
            events.append(_Event(date, row["date_precision"], [row]))
    return events


def _event_row(key: tuple, event: _Event, published: dict[str, str]) -> dict:
    actors, plover = key
    rows = event.rows
    issue = _most_common([r.get("issue") or "" for r in rows])
    docs = sorted({r["doc_id"] for r in rows})
    stances = [int(r["stance"]) for r in rows]
    total = sum(stances)
    stance = (total > 0) - (total < 0)
    trigger = _most_common([str(r["trigger"]).lower() for r in rows])
    source = _most_common([r["source_actor"] for r in rows])
    target = _most_common([r["target_actor"] for r in rows])
    who = f"{source} → {target}" if len(actors) == 2 and source and target else " & ".join(actors)
    if len(actors) == 2 and all(r["source_actor"] in actors and r["target_actor"] in actors for r in rows) and len({r["source_actor"] for r in rows}) == 2:
        who = " ↔ ".join(actors)  # reported both ways round: a joint act
    label = f"{who}: {trigger}" + (f" ({issue})" if issue else "")
    parts = [event.date, plover.lower(), *[a.lower() for a in actors]]
    firsts = sorted(p for p in (published.get(d, "") for d in docs) if p)
    return {
        "event_id": "-".join(parts),
        "date": event.date,
        "date_precision": event.precision,
        "label": label,
        "actors": ";".join(sorted(actors)),
        "plover": plover,
        "stance": stance,
        "n_reports": len(docs),
        "doc_ids": ";".join(docs),
        "statement_ids": ";".join(sorted(r["statement_id"] for r in rows)),
        "source_actor": source,
        "target_actor": target,
        "issue": issue,
        "mode": _most_common([r["mode"] for r in rows]),
        "n_statements": len(rows),
        "first_published": firsts[0] if firsts else "",
    }


def select_events(
    events: pd.DataFrame, *, date_from: str = "", date_to: str = "", actors: str = "", min_reports: int = 1
) -> pd.DataFrame:
    """The events a timeline shows: within dates, involving any of the actors, reported often enough.

    date_from / date_to (str): ISO dates or prefixes ("2025-04"); an event counts when its date
        can fall inside the range. Empty means open.
    actors (str): comma-separated actor ids; empty means all.
    min_reports (int): fewest documents that must report the event.
    """
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise ValueError(f"Parameter {name!r}: {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY, or leave it empty.")
    if min_reports < 1:
        raise ValueError(f"Parameter 'min_reports': {min_reports} is below 1; every event has at least one report.")
    keep = events["n_reports"] >= min_reports
    if date_from:
        keep &= events["date"].map(lambda d: _end(d) >= date_from)
    if date_to:
        keep &= events["date"].map(lambda d: d[: len(date_to)] <= date_to)
    wanted = {a.strip().upper() for a in actors.split(",") if a.strip()}
    if wanted:
        keep &= events["actors"].map(lambda a: bool(wanted & set(a.split(";"))))
    return events[keep].reset_index(drop=True)


def _end(date: str) -> str:
    """The last day a partial date can be, as a string that compares with ISO dates."""
    return date + {4: "-12-31", 7: "-31"}.get(len(date), "")
