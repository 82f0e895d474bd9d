"""Line joining, de-hyphenation, space normalization and paragraph breaks."""

from __future__ import annotations

import pytest

from corpus.lines import join_pair, paragraphs
from corpus.text import normalize_spaces


@pytest.mark.parametrize(
    ("prev", "nxt", "joined"),
    [
        ("Se\u2010", "linexor, an oral", "Selinexor, an oral"),  # PDF hyphen inside a word
        ("of autolo\u2010", "gous stem cells", "of autologous stem cells"),
        ("塞利尼索是一种选择性", "XPO-1抑制剂", "塞利尼索是一种选择性XPO-1抑制剂"),
        ("与XPO-", "1的半胱氨酸", "与XPO-1的半胱氨酸"),  # a real hyphen stays
        (
            "the second most common tumor",
            "in the blood system.",
            "the second most common tumor in the blood system.",
        ),
        ("和地塞米松（20 ", "mg，第1、3天）", "和地塞米松（20 mg，第1、3天）"),
        ("硼替佐米（1.3 mg/ ", "m2，1次/周", "硼替佐米（1.3 mg/m2，1次/周"),
        ("地塞米松（20 mg，2 ", " 次/周）", "地塞米松（20 mg，2次/周）"),
        ("病人最终", "会发展为", "病人最终会发展为"),
    ],
)
def test_join_pair(prev: str, nxt: str, joined: str) -> None:
    assert join_pair(prev, nxt) == joined


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ORR达 26%，中位 PFS达 3.7个月", "ORR达26%，中位PFS达3.7个月"),
        ("STOMP 试 验（临 床 编 号", "STOMP试验（临床编号"),
        ("P=0.001 2）", "P=0.001 2）"),  # digit groups keep their thin space
        ("全身清除率可达 18 L/h", "全身清除率可达18 L/h"),
        ("3.1\u3000 STORM试验\u3000 STORM", "3.1\u3000STORM试验\u3000STORM"),
        ("in  combination   with", "in combination with"),
        ("自体干细胞移植（ ASCT）", "自体干细胞移植（ASCT）"),
    ],
)
def test_normalize_spaces(raw: str, clean: str) -> None:
    assert normalize_spaces(raw) == clean


def test_paragraph_breaks_at_headings_labels_and_short_final_lines() -> None:
    lines = [
        "摘要： 甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午",
        "未申酉戌亥。",
        "1\u3000第一节",
        "正文甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未",
        "",  # blank lines in a PDF extraction are noise, not breaks
        "申酉戌亥甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳",
        "结束。",
        "下一段甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未",
    ]
    got = paragraphs(lines, width=40)
    assert got == [
        "摘要：甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥。",
        "1\u3000第一节",
        "正文甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳结束。",
        "下一段甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未",
    ]
