"""Matplotlib set-up and saving that give the same bytes on every run."""

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


def setup() -> None:
    """Fix the settings that would otherwise make figures differ between runs or machines."""
    matplotlib.rcParams.update(STYLE)


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


def heatmap(matrix: pd.DataFrame, *, title: str, cmap: str = "Blues", label: str = "", diverging: bool = False) -> plt.Figure:
    """Draw a labelled matrix with its values written in the cells.

    diverging (bool): centre the colours on zero (red negative, blue positive), for net stance.
    """
    setup()
    n = max(len(matrix.index), len(matrix.columns), 1)
    fig, ax = plt.subplots(figsize=(1.2 + 0.55 * n, 1.0 + 0.5 * n))
    values = matrix.to_numpy(dtype=float)
    if diverging:
        bound = max(1.0, float(np.nanmax(np.abs(values))) if values.size else 1.0)
        image = ax.imshow(values, cmap="RdBu", vmin=-bound, vmax=bound)
    else:
        image = ax.imshow(values, cmap=cmap)
    ax.set_xticks(range(len(matrix.columns)), labels=matrix.columns, rotation=90)
    ax.set_yticks(range(len(matrix.index)), labels=matrix.index)
    top = np.nanmax(np.abs(values)) if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        if v:
            ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="white" if abs(v) > top / 2 else "black")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, shrink=0.7, label=label)
    fig.tight_layout()
    return fig
