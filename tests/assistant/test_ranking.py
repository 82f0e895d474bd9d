"""Questions ranking groups the review reports one by one: each group's figure is cited."""

from __future__ import annotations

import pytest

from assistant.ranking import asks_ranking, ranked_kind, ranked_scope

SECTIONS = ["abstract-zh", "1", "2", "3", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.3", "3.3", "4.1"]


@pytest.mark.parametrize(
    ("question", "ranks"),
    [
        ("Which STOMP cohort had the highest ORR?", True),
        ("哪种联合方案的中位PFS最长？", True),
        ("Rank the STOMP cohorts by ORR.", True),
        # a keyword query naming no group: every trial's
        ("Highest ORR?", True),
        ("ORR最高？", True),
        ("最长的中位PFS？", True),
        ("What was the highest ORR reported for patients with del(17p) in STORM?", False),
        # a superlative the review states in one sentence, or of no group
        ("What is the most common adverse event of selinexor?", False),
        ("最常见的不良反应是什么？", False),
        ("What was the highest dose of selinexor given?", False),
        ("What was the ORR in STORM?", False),
    ],
)
def test_asks_ranking(question: str, ranks: bool) -> None:
    assert asks_ranking(question) is ranks


def test_the_scope_is_the_trials_named_or_every_trials() -> None:
    # STOMP's cohorts, not its heading section
    assert ranked_scope(SECTIONS, ["3.2"]) == ["3.2.1", "3.2.2", "3.2.3"]
    # no trial named: every trial's section of section 3, the heading sections left out
    assert ranked_scope(SECTIONS, []) == ["3.1", "3.2.1", "3.2.2", "3.2.3", "3.3"]
    assert ranked_scope(SECTIONS, ["3.1"]) == ["3.1"]


def test_groups_ranked_by_size_are_counted() -> None:
    assert ranked_kind("Which STOMP cohort enrolled the most patients?", None) == "count"
    assert ranked_kind("STOMP哪个队列纳入的病人最少？", None) == "count"
    assert ranked_kind("Which was the largest trial?", None) == "count"
    assert ranked_kind("Which cohort had the highest ORR?", None) is None
    assert ranked_kind("Which cohort enrolled the most patients?", "percent") == "percent"


@pytest.mark.parametrize(
    ("question", "lists"),
    [
        ("Which STOMP cohorts used dose escalation?", True),
        ("List every trial registration number in the review.", True),
        ("哪些方案是每周一次给塞利尼索的？", True),
        ("哪几个队列纳入了NDMM病人？", True),
        # one group asked about, or a ranking
        ("Which cohort used dose escalation?", False),
        ("What dose was used in the carfilzomib cohort?", False),
        ("Which STOMP cohort had the highest ORR?", False),
    ],
)
def test_asks_listing(question: str, lists: bool) -> None:
    from assistant.ranking import asks_listing

    assert asks_listing(question) is lists


def test_what_a_list_is_of_and_the_figures_a_question_gives() -> None:
    from assistant.ranking import given_figures, is_group_word

    assert is_group_word(("cohort", "队列")) and is_group_word(("patient", "病人"))
    assert not is_group_word(("dose escalation", "剂量递增"))
    (day,) = given_figures("Which regimens used 28-day cycles?") or []
    assert day.search("28 d为1个疗程") and not day.search("共纳入28例")
    (count,) = given_figures("哪些研究纳入了42名病人？") or []
    assert count.search("共纳入42名RRMM病人") and not count.search("42 d")
    assert given_figures("Which cohorts had t(14;16)?") == []  # a name's numbers, no unit
    assert given_figures("Which cohorts used dose escalation?") == []
