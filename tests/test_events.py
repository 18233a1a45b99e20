"""Merging dated statements into events, and choosing the events a timeline shows."""

from __future__ import annotations

import pandas as pd

from newscoder.events import compatible, merge_events, select_events
from newscoder.tables import EVENTS_COLUMNS


def statement(sid, doc, source, target, plover, date, precision, stance=1, issue="", trigger="met", mode="verbal"):
    return dict(statement_id=sid, doc_id=doc, source_actor=source, target_actor=target, plover=plover, event_date=date,
                date_precision=precision, stance=stance, issue=issue, trigger=trigger, mode=mode)


def table(*rows):
    return pd.DataFrame(list(rows))


def test_compatible_dates_contain_each_other():
    assert compatible("2024-03", "2024-03-05")
    assert compatible("2024", "2024-03")
    assert not compatible("2024-03-05", "2024-03-06")
    assert not compatible("2024-03", "2024-04-01")
    assert not compatible("", "2024")


def test_one_meeting_reported_by_three_articles_both_ways_round_is_one_event():
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-11", "day"),
        statement("a-2", "a", "CHL", "DNK", "CONSULT", "2024-03-11", "day"),
        statement("b-1", "b", "CHL", "DNK", "CONSULT", "2024-03-11", "day", trigger="held talks"),
        statement("c-1", "c", "DNK", "CHL", "CONSULT", "2024-03", "month", issue="FISHING"),
    ))
    assert len(events) == 1
    event = events.iloc[0]
    assert (event["date"], event["date_precision"], event["actors"]) == ("2024-03-11", "day", "CHL;DNK")
    assert event["n_reports"] == 3 and event["n_statements"] == 4
    assert event["doc_ids"] == "a;b;c"
    assert event["statement_ids"] == "a-1;a-2;b-1;c-1"
    assert event["issue"] == "FISHING"
    assert list(events.columns) == EVENTS_COLUMNS


def test_month_report_does_not_join_when_two_days_of_that_month_fit():
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-04", "day"),
        statement("b-1", "b", "DNK", "CHL", "CONSULT", "2024-03-18", "day"),
        statement("c-1", "c", "DNK", "CHL", "CONSULT", "2024-03", "month"),
        statement("d-1", "d", "CHL", "DNK", "CONSULT", "2024-03", "month"),
    ))
    assert list(events["date"]) == ["2024-03", "2024-03-04", "2024-03-18"]
    assert list(events["n_reports"]) == [2, 1, 1]


def test_different_days_categories_or_directions_stay_apart():
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-04", "day"),
        statement("b-1", "b", "DNK", "CHL", "CONSULT", "2024-03-05", "day"),
        statement("c-1", "c", "DNK", "CHL", "ACCUSE", "2024-03-04", "day", stance=-1),
        statement("d-1", "d", "CHL", "DNK", "ACCUSE", "2024-03-04", "day", stance=-1),
    ))
    assert len(events) == 4
    accuse = events[events["plover"] == "ACCUSE"]
    assert set(accuse["source_actor"]) == {"DNK", "CHL"}
    assert set(accuse["stance"]) == {-1}


def test_undated_statements_and_rows_without_actors_are_not_events():
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "", "none"),
        statement("b-1", "b", "", "", "CONSULT", "2024-03-05", "day"),
    ))
    assert events.empty and list(events.columns) == EVENTS_COLUMNS


def test_event_ids_are_stable_whatever_the_row_order():
    rows = [
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-11", "day"),
        statement("b-1", "b", "CHL", "DNK", "CONSULT", "2024-03", "month"),
        statement("c-1", "c", "PER", "CHL", "ACCUSE", "2024-02", "month", stance=-1),
    ]
    one = merge_events(table(*rows))
    two = merge_events(table(*reversed(rows)))
    pd.testing.assert_frame_equal(one, two)


def test_select_events_by_dates_actors_and_reports():
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-11", "day"),
        statement("b-1", "b", "DNK", "CHL", "CONSULT", "2024-03-11", "day"),
        statement("c-1", "c", "PER", "BOL", "ACCUSE", "2024-02", "month", stance=-1),
        statement("d-1", "d", "PER", "BOL", "ACCUSE", "2023", "year", stance=-1),
    ))
    assert list(select_events(events, min_reports=2)["date"]) == ["2024-03-11"]
    assert list(select_events(events, actors="bol")["date"]) == ["2023", "2024-02"]
    assert list(select_events(events, date_from="2024-02-15")["date"]) == ["2024-02", "2024-03-11"]
    assert list(select_events(events, date_to="2024-02")["date"]) == ["2023", "2024-02"]


def test_select_events_names_a_bad_parameter():
    import pytest

    events = merge_events(table(statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-11", "day")))
    with pytest.raises(ValueError, match="Parameter 'date_from': '11/03/2024' is not a date"):
        select_events(events, date_from="11/03/2024")
    with pytest.raises(ValueError, match="Parameter 'min_reports'"):
        select_events(events, min_reports=0)


def test_a_plan_dated_after_its_article_is_not_an_event_yet():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "published": ["2024-03-13", "2024-03-20"]})
    events = merge_events(table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03-18", "day"),  # 'will meet on Monday'
        statement("a-2", "a", "DNK", "PER", "CONSULT", "2024-04", "month"),  # 'next month'
        statement("a-3", "a", "DNK", "BOL", "CONSULT", "2024-03", "month"),  # may be before the 13th
        statement("b-1", "b", "DNK", "CHL", "CONSULT", "2024-03-18", "day"),  # reported after it happened
    ), documents)
    assert list(events["actors"]) == ["BOL;DNK", "CHL;DNK"]
    assert events.iloc[1]["statement_ids"] == "b-1"


def test_a_verbal_act_still_to_come_is_not_an_event_but_an_announced_intention_is():
    rows = table(
        statement("a-1", "a", "DNK", "CHL", "CONSULT", "2024-03", "month"),  # 'will hold talks next week'
        statement("a-2", "a", "DNK", "PER", "THREATEN", "2024-03-11", "day"),  # 'vowed on Monday it will retaliate'
    )
    rows["rule"] = ["trigger:consult_hold;source:subject+modal:will", "trigger:retaliate;source:subject+modal:intent:will"]
    assert list(merge_events(rows)["statement_ids"]) == ["a-2"]
