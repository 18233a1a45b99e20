"""A precision audit a person runs on any corpus: a random sample of coded rows, judged by reading.

`draw_sample` picks N rows of a run's statements.csv at random (seeded) into a coding sheet: the
sentence with its trigger marked, who, toward whom or what, stance, PLOVER and an empty `verdict`.
A person fills `verdict` with one of `VERDICTS`; `score_sheet` then gives the precision with its
95% (Wilson) interval and the breakdown of the errors. This is how a user checks the coder on their
own corpus before they trust it (README, "Measuring accuracy").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import binomtest

from .errors import ParameterError
from .tables import read_table

VERDICTS = {
    "right": "the row is right: source, target or issue, stance and PLOVER category",
    "wrong source": "the source is not who acts or speaks",
    "wrong target": "the target or issue is not what the act is aimed at",
    "wrong stance": "cooperative and conflictual are swapped, or the stance should be neutral",
    "wrong type": "the PLOVER category is not the act's",
    "not an act": "the sentence states no act of the source (background, a topic, a name, a report)",
    "negated or hypothetical": "the act is denied, conditional, planned or possible, and the row says it was done",
    "wrong modality": "the row marks as negated, hypothetical or future an act that was done, or the wrong one of these",
}
SHEET_COLUMNS = [
    "audit_id", "doc_id", "statement_id", "start_char", "end_char", "sentence_sha256", "sentence_marked",
    "source", "target_or_issue", "stance", "plover", "mode", "modality", "confidence", "rule", "verdict", "comment",
]
TEXT_COLUMNS = ("sentence_marked",)


def mark_trigger(sentence: str, start: int, trigger_start: int, trigger_end: int) -> str:
    """The sentence with its trigger between [[ and ]] (offsets are into the document)."""
    a, b = trigger_start - start, trigger_end - start
    if not 0 <= a <= b <= len(sentence):
        return sentence
    return f"{sentence[:a]}[[{sentence[a:b]}]]{sentence[b:]}"


def _who(actor: str, person: str) -> str:
    return f"{actor} ({person})" if person else actor


def draw_sample(statements: pd.DataFrame, n: int = 50, seed: int = 1) -> pd.DataFrame:
    """A coding sheet of `n` rows drawn at random without replacement (all rows if fewer).

    statements (DataFrame): a run's statements.csv.
    n (int): the sample size.
    seed (int): the random seed, so that the same sheet can be drawn again.
    RETURNS (DataFrame): the sheet, in SHEET_COLUMNS, in the order drawn.
    """
    if n < 1:
        raise ParameterError(f"The audit sample size must be at least 1; got {n}.")
    if not len(statements):
        raise ParameterError("The run coded no statements, so there is nothing to audit.")
    ordered = statements.sort_values(["doc_id", "statement_id"], kind="mergesort").reset_index(drop=True)
    picks = np.random.default_rng(seed).permutation(len(ordered))[: min(n, len(ordered))]
    rows = []
    for k, i in enumerate(picks, 1):
        r = ordered.iloc[int(i)]
        start, end = int(r["start_char"]), int(r["end_char"])
        rows.append({
            "audit_id": k, "doc_id": r["doc_id"], "statement_id": r["statement_id"], "start_char": start, "end_char": end,
            "sentence_sha256": hashlib.sha256(str(r["sentence"]).encode("utf-8")).hexdigest()[:16],
            "sentence_marked": mark_trigger(str(r["sentence"]), start, int(r["trigger_start"]), int(r["trigger_end"])),
            "source": _who(r["source_actor"], r["source_person"]),
            "target_or_issue": _who(r["target_actor"], r["target_person"]) if r["target_actor"] else r["issue"],
            "stance": r["stance"], "plover": r["plover"], "mode": r["mode"], "modality": r.get("modality", ""),
            "confidence": r.get("confidence", ""), "rule": r["rule"], "verdict": "", "comment": "",
        })
    return pd.DataFrame(rows, columns=SHEET_COLUMNS)


@dataclass(frozen=True)
class AuditResult:
    """Precision of a judged sample, its 95% interval and what the wrong rows got wrong."""

    judged: int
    right: int
    low: float
    high: float
    errors: Counter
    unjudged: int
    by_confidence: dict = None  # level -> (right, judged), when the sheet has a confidence column

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else float("nan")

    def __str__(self) -> str:
        lines = [f"precision {self.precision:.3f} ({self.right} of {self.judged} rows right); "
                 f"95% interval {self.low:.3f}-{self.high:.3f} (Wilson)"]
        if self.unjudged:
            lines.append(f"not judged yet: {self.unjudged} rows (left out of the figures)")
        for verdict, count in sorted(self.errors.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  {verdict:<24} {count:>3}  {VERDICTS[verdict]}")
        for level, (right, judged) in sorted((self.by_confidence or {}).items()):
            lines.append(f"confidence {level}: precision {right / judged:.3f} ({right} of {judged})")
        return "\n".join(lines)


def read_sheet(path: str | Path) -> pd.DataFrame:
    """Read a coding sheet, checking its verdicts; names the row of any verdict it does not know."""
    path = Path(path)
    if not path.is_file():
        raise ParameterError(f"Audit sheet {path} does not exist.")
    sheet = read_table(path)
    if "verdict" not in sheet:
        raise ParameterError(f"Audit sheet {path} has no 'verdict' column; draw one with `newscoder audit draw`.")
    for k, value in enumerate(sheet["verdict"], 2):
        for part in _verdicts(value):
            if part not in VERDICTS:
                raise ParameterError(f"Audit sheet {path}, line {k}: unknown verdict {value!r}; "
                                     f"use one of: {', '.join(VERDICTS)} (several wrongs: separate with ';').")
    return sheet


def _verdicts(value: str) -> list[str]:
    return [p.strip().lower() for p in str(value).split(";") if p.strip()]


def score_sheet(sheet: pd.DataFrame) -> AuditResult:
    """Precision with a 95% Wilson interval and the count of each kind of error, over judged rows."""
    judged = [_verdicts(v) for v in sheet["verdict"] if _verdicts(v)]
    right = sum(v == ["right"] for v in judged)
    errors = Counter(p for v in judged if v != ["right"] for p in v if p != "right")
    if judged:
        ci = binomtest(right, len(judged)).proportion_ci(confidence_level=0.95, method="wilson")
        low, high = float(ci.low), float(ci.high)
    else:
        low = high = float("nan")
    levels: dict[str, tuple[int, int]] = {}
    if "confidence" in sheet:
        for level, verdict in zip(sheet["confidence"], sheet["verdict"]):
            parts = _verdicts(verdict)
            if parts and level:
                r, n = levels.get(level, (0, 0))
                levels[level] = (r + (parts == ["right"]), n + 1)
    return AuditResult(len(judged), right, low, high, errors, len(sheet) - len(judged), levels)


def redacted(sheet: pd.DataFrame) -> pd.DataFrame:
    """The sheet without the sentence text (offsets and hash stay), for corpora that may not be shared."""
    return sheet.assign(**{c: "" for c in TEXT_COLUMNS if c in sheet})
