"""Column splitting and reading order, table-driven on small synthetic pages."""

from __future__ import annotations

import pytest

from corpus.columns import ColumnConfig, best_split, reading_order, split_line
from corpus.text import display_width

CFG = ColumnConfig()


@pytest.mark.parametrize(
    ("line", "width", "left", "right"),
    [
        # both pieces full: the gap leaves 10 columns (20 half-ems) on each side
        (
            "甲乙丙丁戊己庚辛壬癸 子丑寅卯辰巳午未申酉",
            20,
            "甲乙丙丁戊己庚辛壬癸",
            "子丑寅卯辰巳午未申酉",
        ),
        # a space inside the left piece (第 2位) must not be taken for the gap
        (
            "第 2位乙丙丁戊己庚辛癸 子丑寅卯辰巳午未申酉",
            20,
            "第 2位乙丙丁戊己庚辛癸",
            "子丑寅卯辰巳午未申酉",
        ),
        # short left piece (last line of a paragraph): the full right piece decides
        ("甲乙。 子丑寅卯辰巳午未申酉", 20, "甲乙。", "子丑寅卯辰巳午未申酉"),
        # short right piece with its own inner space: the full left piece decides
        ("甲乙丙丁戊己庚辛壬癸 子丑 。", 20, "甲乙丙丁戊己庚辛壬癸", "子丑 。"),
        # an empty left piece: the line starts with the gap
        (" 子丑寅卯辰巳午未申酉", 20, "", "子丑寅卯辰巳午未申酉"),
        # no gap anywhere near a column width: one piece
        (
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉",
            20,
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉",
            "",
        ),
    ],
)
def test_split_line(line: str, width: float, left: str, right: str) -> None:
    got_left, got_right, _ = split_line(line, width, CFG)
    assert (got_left, got_right) == (left, right)


def test_best_split_prefers_the_gap_nearest_a_column_width() -> None:
    line = "甲乙丙丁 戊己庚辛壬癸 子丑寅卯辰巳午未申酉"
    index, cost = best_split(line, 20)
    assert line[:index] == "甲乙丙丁 戊己庚辛壬癸"
    assert cost == 0  # the right piece is exactly one column (20 half-ems) wide


def _page() -> list[str]:
    left = [f"左{i}甲乙丙丁戊己庚辛" for i in range(6)]
    right = [f"右{i}子丑寅卯辰巳午未" for i in range(7)]
    body = ["单栏甲乙丙丁戊己庚辛", "单栏子丑寅卯辰巳午未"]
    head = ["通栏标题行甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊"]
    lines = head + [""] + [f"{a} {b}" for a, b in zip(left, right, strict=False)]
    lines += [" " + right[6]] + body * 4
    return lines


def test_reading_order_reads_left_column_then_right_then_the_rest() -> None:
    lines = _page()
    ordered, layout = reading_order(lines)
    assert layout.region == (2, 8)
    left = [f"左{i}甲乙丙丁戊己庚辛" for i in range(6)]
    right = [f"右{i}子丑寅卯辰巳午未" for i in range(7)]
    assert ordered[2:15] == left + right
    assert ordered[15:] == lines[9:]
    assert ordered[:2] == lines[:2]


def test_single_column_text_is_left_alone() -> None:
    lines = ["单栏甲乙丙丁戊己庚辛", "单栏子丑寅卯 辰巳午未", "Some English words here."]
    ordered, layout = reading_order(lines)
    assert layout.region is None
    assert ordered == lines


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("塞利尼索") == 8
    assert display_width("XPO-1") == 5
    assert display_width("（ORR）") == 7
