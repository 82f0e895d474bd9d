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
