"""Figures: the timeline's spans, ranges and labels, and byte-stable output."""

from __future__ import annotations

import pandas as pd

from newscoder import figures
from newscoder.events import merge_events


def statement(sid, doc, source, target, plover, date, precision, stance=1, mode="verbal"):
    return dict(statement_id=sid, doc_id=doc, source_actor=source, target_actor=target, plover=plover, event_date=date,
                date_precision=precision, stance=stance, issue="", trigger="met", mode=mode)


def crowded_events() -> pd.DataFrame:
    rows = []
    for i in range(12):  # twelve events within four days on two lanes: labels must dodge each other
        day = f"2024-03-{10 + i % 4:02d}"
        plover = ["CONSULT", "ACCUSE", "REQUEST"][i % 3]
        rows += [statement(f"d{i}-{k}", f"d{i}-{k}", "DNK", "CHL" if i % 2 else "PER", plover, day, "day", stance=1 - 2 * (i % 2)) for k in range(1 + i % 3)]
    rows.append(statement("m-1", "m", "DNK", "CHL", "CONSULT", "2024-02", "month"))
    rows.append(statement("y-1", "y", "DNK", "CHL", "SUPPORT", "2019", "year"))
    return merge_events(pd.DataFrame(rows))


def test_date_span_covers_the_whole_day_month_or_year():
    assert figures.date_span("2024-03-05") == (pd.Timestamp("2024-03-05"), pd.Timestamp("2024-03-05"))
    assert figures.date_span("2024-02") == (pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))
    assert figures.date_span("2019") == (pd.Timestamp("2019-01-01"), pd.Timestamp("2019-12-31"))


def test_date_range_leaves_out_whole_years_when_finer_dates_exist():
    lo, hi = figures.date_range([figures.date_span(d) for d in ("2019", "2024-02", "2024-03-13")])
    assert pd.Timestamp("2024-02-01") > lo > pd.Timestamp("2024-01-20")
    assert pd.Timestamp("2024-03-13") < hi < pd.Timestamp("2024-03-25")


def test_timeline_labels_do_not_overlap_and_stay_inside_the_axes():
    fig = figures.timeline(crowded_events(), annotate=8)
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(boxes) >= 4  # crowded, but most labels find a free level
    frame = ax.get_window_extent(renderer)
    for i, box in enumerate(boxes):
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1
        for other in boxes[i + 1:]:
            assert not box.overlaps(other)
    assert "1 event outside the dates shown" in ax.get_title(loc="left")


def test_timeline_has_one_lane_per_dyad_most_reported_first():
    fig = figures.timeline(crowded_events())
    lanes = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert lanes == ["CHL – DNK", "DNK – PER"]


def test_saved_figures_are_byte_stable(tmp_path):
    for run in ("a", "b"):
        figures.save(figures.timeline(crowded_events()), tmp_path / run, "timeline")
        figures.save(figures.coverage(crowded_events(), pd.DataFrame({"doc_id": ["d0-0", "m"], "published": ["2024-03-14", ""], "outlet": ["X", ""], "status": ["ok", "ok"]})), tmp_path / run, "coverage")
    for name in ("timeline.svg", "timeline.png", "coverage.svg", "coverage.png"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_a_few_statements_years_away_do_not_stretch_the_dyad_period_axis():
    busy = [{"dyad": "CHL-PER", "period": f"2025-{m:02d}", "n": 100, "net_goldstein": 1.0} for m in range(1, 7)]
    stray = [{"dyad": "CHL-PER", "period": "2003-05", "n": 2, "net_goldstein": -1.0}]
    table = pd.DataFrame(busy + stray)
    assert figures.period_window(table) == ("2025-01", "2025-06", 2)
    fig = figures.dyad_periods(table)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "2025-01"
    assert "2 statements outside the periods shown" in ax.get_title(loc="left")
    # a corpus without stragglers keeps every period, with no note
    assert figures.period_window(pd.DataFrame(busy)) == ("2025-01", "2025-06", 0)
    few = pd.DataFrame([{"dyad": "A-B", "period": "2003-05", "n": 1, "net_goldstein": 1.0}, {"dyad": "A-B", "period": "2025-01", "n": 3, "net_goldstein": 1.0}])
    assert figures.period_window(few) == ("2003-05", "2025-01", 0)  # one statement of four is no straggler
