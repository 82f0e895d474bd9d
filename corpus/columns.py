"""Reconstruct reading order from PDF text whose first pages were set in two columns.

A PDF extractor that reads straight across the page gives, on two-column pages, lines of
the form ``<piece of left column> <piece of right column>``. The reading order is the whole
left column, then the whole right column. Nothing here knows this particular review: the
column width is measured from the text itself, and each line is split at the space that
best leaves one side exactly one column wide (justified text fills its column; only the
last line of a paragraph is short, and then the other side is still full).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from corpus.text import display_width


@dataclass(frozen=True)
class ColumnLayout:
    """What the splitter measured, kept so a reviewer can see why lines were split."""

    column_width: float
    region: tuple[int, int] | None  # first and last line index (0-based, inclusive)
    splits: tuple[tuple[int, int], ...]  # (line index, character offset of the gap)


@dataclass(frozen=True)
class ColumnConfig:
    """Tolerances, in column widths, for recognising two-column lines."""

    full_min: float = 1.8  # a line holding two full columns is at least this wide …
    full_max: float = 2.25  # … and at most this wide (wider lines span the whole page)
    tolerance: float = 0.2  # how far a column piece may be from the column width
    min_full_lines: int = 4  # fewer full two-column lines than this is not a region
    max_gap: int = 3  # non-full lines allowed between two full ones inside a region


def column_width(lines: list[str]) -> float:
    """The typical width of a line: single-column body lines are the majority."""
    widths = [display_width(line.rstrip()) for line in lines if line.strip()]
    return float(statistics.median(widths)) if widths else 0.0


def best_split(line: str, width: float) -> tuple[int, float] | None:
    """The space that best separates two column pieces, with its cost in half-ems.

    The cost of a gap is how far the nearer-to-full side is from one column width.
    """
    text = line.rstrip()
    total = display_width(text)
    best: tuple[int, float] | None = None
    for i, ch in enumerate(text):
        if ch != " ":
            continue
        left = display_width(text[:i])
        right = total - left - 1
        cost = min(abs(left - width), abs(right - width))
        if best is None or cost < best[1]:
            best = (i, cost)
    return best


def _is_full(line: str, width: float, cfg: ColumnConfig) -> bool:
    total = display_width(line.rstrip())
    if not cfg.full_min * width <= total <= cfg.full_max * width:
        return False
    split = best_split(line, width)
    return split is not None and split[1] <= cfg.tolerance * width


def _right_only(lines: list[str]) -> bool:
    """True when the (at most one) line given has an empty left piece."""
    return bool(lines) and lines[0].startswith(" ") and bool(lines[0].strip())


def find_region(lines: list[str], width: float, cfg: ColumnConfig) -> tuple[int, int] | None:
    """The first run of two-column lines: full lines no more than ``max_gap`` apart."""
    full = [i for i, line in enumerate(lines) if line.strip() and _is_full(line, width, cfg)]
    runs: list[list[int]] = []
    for i in full:
        gap = sum(1 for j in range(runs[-1][-1] + 1, i) if lines[j].strip()) if runs else None
        if runs and gap is not None and gap <= cfg.max_gap:
            runs[-1].append(i)
        else:
            runs.append([i])
    runs = [run for run in runs if len(run) >= cfg.min_full_lines]
    if not runs:
        return None
    start, end = runs[0][0], runs[0][-1]
    # A left column that ends before the right one leaves lines with an empty left piece.
    while end + 1 < len(lines):
        blank_then_right = not lines[end + 1].strip() and _right_only(lines[end + 2 : end + 3])
        if not (_right_only(lines[end + 1 : end + 2]) or blank_then_right):
            break
        end += 1
    return start, end


def split_line(line: str, width: float, cfg: ColumnConfig) -> tuple[str, str, int | None]:
    """Left piece, right piece and the gap's offset (None when the line is one piece)."""
    text = line.rstrip()
    if text.startswith(" "):
        return "", text.strip(), 0
    split = best_split(text, width)
    if split is None or split[1] > cfg.tolerance * width:
        return text, "", None
    i = split[0]
    return text[:i], text[i + 1 :], i


def reading_order(
    lines: list[str], cfg: ColumnConfig | None = None
) -> tuple[list[str], ColumnLayout]:
    """Lines in reading order: before the region, its left column, its right column, after."""
    cfg = cfg or ColumnConfig()
    width = column_width(lines)
    region = find_region(lines, width, cfg)
    if region is None:
        return list(lines), ColumnLayout(width, None, ())
    start, end = region
    left: list[str] = []
    right: list[str] = []
    splits: list[tuple[int, int]] = []
    for i in range(start, end + 1):
        if not lines[i].strip():
            continue
        lpiece, rpiece, gap = split_line(lines[i], width, cfg)
        if gap is not None:
            splits.append((i, gap))
        if lpiece.strip():
            left.append(lpiece)
        if rpiece.strip():
            right.append(rpiece)
    ordered = lines[:start] + left + right + lines[end + 1 :]
    return ordered, ColumnLayout(width, region, tuple(splits))
