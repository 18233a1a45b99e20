"""Matplotlib set-up and saving that give the same bytes on every run.

Every figure stays readable from 5 to 100,000 articles: matrices show at most the top-N actors
(the rest summed as 'other', see `exports.top_matrix`), the timeline at most `max_lanes` dyads,
the coverage view at most `max_rows` articles, and no figure is taller than a page (PAGE_HEIGHT).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from IPython.display import SVG  # noqa: E402

STYLE = {
    "svg.hashsalt": "newscoder",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "figure.dpi": 100,
    "savefig.dpi": 150,
}


# Inches: no figure is taller than a printed page.
PAGE_HEIGHT = 10.0
# Above this many cells a row or column, values are no longer written into a matrix's cells.
ANNOTATE_UP_TO = 30


def page(height: float) -> float:
    """A figure height, capped at a page."""
    return min(height, PAGE_HEIGHT)


def setup() -> None:
    """Fix the settings that would otherwise make figures differ between runs or machines."""
    matplotlib.rcParams.update(STYLE)


def nothing_to_show(message: str) -> plt.Figure:
    """A small figure that says, in words, why a view has nothing to draw."""
    fig, ax = plt.subplots(figsize=(8, 1.5))
    ax.text(0.5, 0.5, message, ha="center", va="center")
    ax.set_axis_off()
    return fig


def save(fig: plt.Figure, folder: str | Path, name: str) -> SVG:
    """Save a figure as SVG and PNG without date metadata; return the SVG for display.

    fig (Figure): the figure.
    folder (str | Path): the figures folder.
    name (str): file name without extension.
    RETURNS (SVG): the SVG, to show in the notebook (embedded as text, byte-stable).
    """
    setup()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    svg_path = folder / f"{name}.svg"
    fig.savefig(svg_path, format="svg", metadata={"Date": None}, bbox_inches="tight")
    fig.savefig(folder / f"{name}.png", format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return SVG(svg_path.read_text(encoding="utf-8"))


def publish(fig: plt.Figure, output: str, name: str) -> SVG:
    """Save a figure under `<output>/figures/` and return it for display; with an empty `output`
    only return it (nothing is written, as for a notebook run with its defaults)."""
    if output:
        from .paths import resolve_path

        return save(fig, resolve_path(output, name="output") / "figures", name)
    import io

    setup()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    plt.close(fig)
    return SVG(buffer.getvalue())


def heatmap(matrix: pd.DataFrame, *, title: str, cmap: str = "Blues", label: str = "", diverging: bool = False) -> plt.Figure:
    """Draw a labelled matrix with its values written in the cells.

    diverging (bool): centre the colours on zero (red negative, blue positive), for net stance.
    """
    setup()
    n = max(len(matrix.index), len(matrix.columns), 1)
    fig, ax = plt.subplots(figsize=(min(1.2 + 0.55 * n, 12.0), page(1.0 + 0.5 * n)))
    values = matrix.to_numpy(dtype=float)
    if diverging:
        bound = max(1.0, float(np.nanmax(np.abs(values))) if values.size else 1.0)
        image = ax.imshow(values, cmap="RdBu", vmin=-bound, vmax=bound)
    else:
        image = ax.imshow(values, cmap=cmap)
    ax.set_xticks(range(len(matrix.columns)), labels=matrix.columns, rotation=90)
    ax.set_yticks(range(len(matrix.index)), labels=matrix.index)
    top = np.nanmax(np.abs(values)) if values.size else 0
    for (i, j), v in (np.ndenumerate(values) if n <= ANNOTATE_UP_TO else ()):
        if v:
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if abs(v) > top / 2 else "black")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, shrink=0.7, label=label)
    fig.tight_layout()
    return fig


STANCE_COLOURS = {1: "#2166ac", 0: "#7f7f7f", -1: "#b2182b"}
STANCE_NAMES = {1: "cooperative (+1)", 0: "neutral (0)", -1: "conflictual (−1)"}
MODE_MARKERS = {"verbal": "o", "material": "s"}


def date_span(date: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day that a day, month or year date covers."""
    start = pd.Timestamp(date if len(date) == 10 else date + ("-01" if len(date) == 7 else "-01-01"))
    if len(date) == 10:
        return start, start
    end = start + (pd.offsets.MonthEnd(0) if len(date) == 7 else pd.offsets.YearEnd(0))
    return start, end


def date_range(spans: list[tuple[pd.Timestamp, pd.Timestamp]], extra: list[pd.Timestamp] = ()) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The dates a figure shows: every day and month event (and the `extra` days), not whole years."""
    short = [(s, e) for s, e in spans if e - s < pd.Timedelta(days=40)] or spans
    starts = [s for s, _ in short] + list(extra)
    ends = [e for _, e in short] + list(extra)
    return min(starts) - pd.Timedelta(days=3), max(ends) + pd.Timedelta(days=4)


def date_axis(ax: plt.Axes, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    """An x axis of dates from lo to hi with concise labels and light vertical grid lines."""
    import matplotlib.dates as mdates

    ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)


def lane_name(actors: str) -> str:
    return " – ".join(actors.split(";"))


def timeline(events: pd.DataFrame, *, title: str = "", annotate: int = 6, max_lanes: int = 12) -> plt.Figure:
    """Events as swimlanes, one per dyad: colour is stance, marker is verbal or material.

    At most `max_lanes` lanes are drawn, the most reported first; the title says how many dyads
    were left out (choose them with the `dyads` parameter, or see the dyad x time view).

    A day-precision event is a point; a month or year event is a bar over its span (clipped to
    the days and months shown). Marker size grows with the number of reports. Events that share
    a lane and a day, or overlapping spans, are set slightly apart so that none hides another.
    The `annotate` most-reported events are labelled; a label that would overlap another moves
    up or down a level and is dropped if no level is free.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    setup()
    if events.empty:
        return nothing_to_show("No dated events match the selection.")
    counts = events.groupby("actors")["n_reports"].sum()
    lanes = sorted(counts.index, key=lambda a: (-counts[a], a))
    left_out = len(lanes) - max_lanes
    if left_out > 0:
        lanes = lanes[:max_lanes]
        events = events[events["actors"].isin(lanes)].reset_index(drop=True)
        title = f"{title or 'Events by dyad'}: the {max_lanes} most reported of {max_lanes + left_out} dyads"
    row = {a: i for i, a in enumerate(lanes)}
    spans = [date_span(d) for d in events["date"]]
    lo, hi = date_range(spans)
    fig, ax = plt.subplots(figsize=(11, page(1.6 + 0.75 * len(lanes))))
    taken: dict[tuple, int] = {}
    sizes = []
    positions = []
    for (start, end), event in zip(spans, events.itertuples()):
        lane = row[event.actors]
        key = (lane, start, end) if end == start else (lane, "span", start.year, start.month if end - start < pd.Timedelta(days=40) else 0)
        k = taken[key] = taken.get(key, -1) + 1
        y = lane + (0.19 * ((k + 1) // 2) * (1 if k % 2 else -1))
        colour = STANCE_COLOURS.get(int(event.stance), "#7f7f7f")
        size = 5 + 2.5 * min(int(event.n_reports), 6)
        marker = MODE_MARKERS.get(event.mode, "o")
        if end > start:
            left, right = max(start, lo), min(end + pd.Timedelta(days=1), hi)
            x = left + (right - left) / 2
            if right > left:
                ax.barh(y, (right - left).days, left=left, height=0.14, color=colour, alpha=0.3, edgecolor=colour, linewidth=0.6)
                ax.plot([x], [y], marker=marker, ms=size * 0.8, color=colour, markerfacecolor="white", markeredgewidth=1.4, linestyle="none")
        else:
            x = start
            ax.plot([x], [y], marker=marker, ms=size, color=colour, markeredgecolor="black", markeredgewidth=0.5, linestyle="none")
        positions.append((x, y))
        sizes.append(size)
    ax.set_yticks(range(len(lanes)), labels=[lane_name(a) if ";" in a else f"{a} (toward an issue)" for a in lanes])
    ax.set_ylim(len(lanes) - 0.5, -0.9)
    date_axis(ax, lo, hi)
    for y in range(len(lanes)):
        ax.axhline(y, color="#f0f0f0", linewidth=0.8, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    _annotate(fig, ax, events, positions, sizes, annotate)
    handles = [Patch(color=STANCE_COLOURS[s], label=STANCE_NAMES[s]) for s in (1, 0, -1)]
    handles += [Line2D([], [], marker=m, color="black", linestyle="none", markerfacecolor="white", label=mode) for mode, m in MODE_MARKERS.items()]
    handles.append(Patch(facecolor="#999999", alpha=0.3, edgecolor="#999999", label="bar: dated to a month or year only"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=6, frameon=False, fontsize=8)
    outside = sum(1 for s, e in spans if e < lo or s > hi)
    note = f" ({outside} event{'s' if outside != 1 else ''} outside the dates shown)" if outside else ""
    ax.set_title((title or "Events by dyad") + note, loc="left")
    fig.tight_layout()
    return fig


def _annotate(fig, ax, events: pd.DataFrame, positions: list, sizes: list, n: int) -> None:
    """Label the n most-reported events where the label covers no marker and no other label.

    Each label tries the right of its marker, then the left, then levels above and below; a
    label that finds no free place is left out rather than drawn over something.
    """
    from matplotlib.transforms import Bbox

    if n <= 0:
        return
    ranked = sorted(range(len(events)), key=lambda i: (-int(events.iloc[i]["n_reports"]), -int(events.iloc[i]["n_statements"]), events.iloc[i]["event_id"]))[:n]
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed = []
    for (x, y), size in zip(positions, sizes):
        cx, cy = ax.transData.transform((mdates_num(x), y))
        r = size * fig.dpi / 72 / 2
        placed.append(Bbox([[cx - r, cy - r], [cx + r, cy + r]]))
    for i in sorted(ranked, key=lambda i: (positions[i][0], events.iloc[i]["event_id"])):
        event = events.iloc[i]
        x, y = positions[i]
        gap = sizes[i] / 2 + 3
        trigger = str(event["label"]).split(": ", 1)[-1]
        when = pd.Timestamp(x).strftime("%-d %b") if event["date_precision"] == "day" else event["date"]
        text = f"{when}: {trigger} ({event['n_reports']})"
        places = [((gap, 0), "left", "center"), ((-gap, 0), "right", "center")]
        places += [((0, sign * (gap + 11 * step)), "center", "bottom" if sign < 0 else "top") for step in range(3) for sign in (-1, 1)]
        for offset, ha, va in places:
            label = ax.annotate(text, (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=7, color="#222222",
                                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85))
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            label.remove()


def mdates_num(x) -> float:
    """A date as matplotlib's number, for transforms."""
    import matplotlib.dates as mdates

    return mdates.date2num(pd.Timestamp(x).to_pydatetime())


def coverage(events: pd.DataFrame, documents: pd.DataFrame, *, max_rows: int = 40) -> plt.Figure:
    """When each article was published (diamond) and the dated events it reports (dots), joined by lines.

    Events dated only to a year are left out of the view when day or month events exist; the title
    says how many. At most `max_rows` articles are drawn: those that report the most events.
    """
    setup()
    docs = documents[documents["status"] == "ok"].copy()
    shown_of = ""
    if len(docs) > max_rows:
        reports = pd.Series([d for ids in events["doc_ids"] for d in ids.split(";")], dtype=object).value_counts()
        docs["_n"] = docs["doc_id"].map(reports).fillna(0)
        docs = docs.sort_values(["_n", "doc_id"], ascending=[False, True], kind="mergesort").head(max_rows).drop(columns="_n")
        shown_of = f" — the {max_rows} of {int((documents['status'] == 'ok').sum())} articles reporting most events"
        events = events[events["doc_ids"].map(lambda ids: bool(set(ids.split(";")) & set(docs["doc_id"])))]
    docs = docs.sort_values(["published", "doc_id"], kind="mergesort").reset_index(drop=True)
    published = {d.doc_id: pd.Timestamp(d.published) for d in docs.itertuples() if isinstance(d.published, str) and d.published}
    spans = [date_span(d) for d in events["date"]]
    if not spans and not published:
        return nothing_to_show("No dated events and no publication dates to show.")
    lo, hi = date_range(spans, list(published.values())) if spans else (min(published.values()) - pd.Timedelta(days=3), max(published.values()) + pd.Timedelta(days=4))
    fig, ax = plt.subplots(figsize=(11, page(1.2 + 0.45 * max(len(docs), 1))))
    hidden = set()
    for y, doc in enumerate(docs.itertuples()):
        day = published.get(doc.doc_id)
        for (start, end), event in zip(spans, events.itertuples()):
            if doc.doc_id not in event.doc_ids.split(";"):
                continue
            if end < lo or start > hi:
                hidden.add(event.event_id)
                continue
            start, end = max(start, lo), min(end, hi)
            middle = start + (end - start) / 2
            colour = STANCE_COLOURS.get(int(event.stance), "#7f7f7f")
            if end > start:
                ax.plot([start, end], [y, y], color=colour, alpha=0.35, linewidth=4, solid_capstyle="butt")
            ax.plot([middle], [y], marker="o", ms=4, color=colour, linestyle="none")
            if day is not None:
                ax.plot([middle, day], [y, y], color="#bbbbbb", linewidth=0.6, zorder=0)
        if day is not None:
            ax.plot([day], [y], marker="D", ms=7, color="black", linestyle="none")
    labels = [f"{d.outlet if isinstance(d.outlet, str) and d.outlet else d.doc_id} · {d.published or 'date unknown'}" for d in docs.itertuples()]
    ax.set_yticks(range(len(docs)), labels=labels, fontsize=8)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    date_axis(ax, lo, hi)
    note = f"; {len(hidden)} event{'s' if len(hidden) != 1 else ''} outside the dates shown" if hidden else ""
    ax.set_title(f"Coverage: publication (◆) and the dated events each article reports (●){note}{shown_of}", loc="left")
    fig.tight_layout()
    return fig


def dyad_periods(table: pd.DataFrame, *, value: str = "net_goldstein", title: str = "") -> plt.Figure:
    """Dyads (rows, largest first, 'other' last) x periods (columns), coloured by net cooperation.

    table (DataFrame): `exports.top_dyads` output (dyad, period, n, ..., net_stance, net_goldstein).
    value (str): the column that colours the cells; the cells show the number of statements.
    RETURNS (Figure): at most a page tall; one column per period, however many.
    """
    setup()
    if table.empty:
        return nothing_to_show("No dyadic statements dated precisely enough for this view.")
    dyads = list(dict.fromkeys(table["dyad"]))
    first, last, outside = period_window(table)
    table = table[(table["period"] >= first) & (table["period"] <= last)]
    periods = period_range([first, last])
    grid = table.pivot_table(index="dyad", columns="period", values=value, aggfunc="sum").reindex(index=dyads, columns=periods)
    counts = table.pivot_table(index="dyad", columns="period", values="n", aggfunc="sum").reindex(index=dyads, columns=periods)
    values = grid.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(11, page(1.6 + 0.42 * len(dyads))))
    bound = max(1.0, float(np.nanmax(np.abs(values))))
    image = ax.imshow(values, cmap="RdBu", vmin=-bound, vmax=bound, aspect="auto", interpolation="nearest")
    step = max(1, len(periods) // 24)
    ax.set_xticks(range(0, len(periods), step), labels=periods[::step], rotation=90, fontsize=8)
    ax.set_yticks(range(len(dyads)), labels=[d.replace("-", " – ") for d in dyads], fontsize=9)
    if len(periods) <= ANNOTATE_UP_TO:
        for (i, j), n in np.ndenumerate(counts.to_numpy(dtype=float)):
            if n == n and n:
                dark = abs(values[i, j]) > bound / 2
                ax.text(j, i, f"{int(n)}", ha="center", va="center", fontsize=7, color="white" if dark else "black")
    note = f" — {outside} statement{'s' if outside != 1 else ''} outside the periods shown" if outside else ""
    ax.set_title((title or "Net cooperation per dyad and period (cells: number of statements)") + note, loc="left")
    fig.colorbar(image, ax=ax, shrink=0.8, label=value.replace("_", " "))
    fig.tight_layout()
    return fig


def period_window(table: pd.DataFrame, tail: float = 0.01) -> tuple[str, str, int]:
    """The periods a dyad x period view shows: from the first to the last, less the stragglers.

    A handful of statements dated years away from the rest (a historical act, a misread date)
    would stretch the axis over decades and squeeze the bulk into a few columns. Periods are cut
    from each end while together they hold at most `tail` of the statements (half at each end).
    table (DataFrame): rows with `period` and `n`.
    RETURNS (tuple[str, str, int]): first and last period shown, and the statements left outside.
    """
    per = table.groupby("period")["n"].sum().sort_index()
    total, allowed = int(per.sum()), float(per.sum()) * tail / 2
    lo, hi, cut = 0, len(per) - 1, 0
    while lo < hi and cut + per.iloc[lo] <= allowed:
        cut += int(per.iloc[lo])
        lo += 1
    cut_end = 0
    while hi > lo and cut_end + per.iloc[hi] <= allowed:
        cut_end += int(per.iloc[hi])
        hi -= 1
    return str(per.index[lo]), str(per.index[hi]), cut + cut_end if total else 0


def period_range(periods: list[str]) -> list[str]:
    """Every period from the first to the last, empty ones included: months 'YYYY-MM' or weeks by their Monday."""
    if not periods:
        return []
    if len(periods[0]) == 7:
        return [str(p) for p in pd.period_range(periods[0], periods[-1], freq="M")]
    return [d.strftime("%Y-%m-%d") for d in pd.date_range(periods[0], periods[-1], freq="7D")]
