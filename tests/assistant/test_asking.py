"""Which sentences of a question ask, and which set the scene."""

from __future__ import annotations

import pytest

from assistant.asking import asking, label, scene, sentences
from assistant.quantity import asked_kind

CASE_ZH = "我手上有个MM病人，换了几个方案都耐药。综述里有没有把XPO-1和耐药联系起来？"
CASE_EN = "A patient on XVd has platelets of 18 and gum bleeding. Was bleeding common? What helps"


def test_sentences_end_at_stops_question_marks_and_capitalised_english() -> None:
    assert sentences(CASE_ZH) == [
        "我手上有个MM病人，换了几个方案都耐药。",
        "综述里有没有把XPO-1和耐药联系起来？",
    ]
    assert sentences(CASE_EN) == [
        "A patient on XVd has platelets of 18 and gum bleeding.",
        "Was bleeding common?",
        "What helps",
    ]
    # a decimal point, an abbreviation, a semicolon inside a name: one sentence
    for one in (
        "Was the 1.5 mg/m2 dose, e.g. in XKd, tolerated?",
        "What was the ORR vs. Vd in BOSTON?",
        "What was the ORR of STORM patients with t(4;14)?",
        "STORM中t(4;14)病人的ORR是多少？",
    ):
        assert sentences(one) == [one]
    # an acronym ends a sentence too; a dotted abbreviation does not
    assert sentences("It gave 26% in STORM. In double-refractory patients, how high?") == [
        "It gave 26% in STORM.",
        "In double-refractory patients, how high?",
    ]
    assert sentences("Approved by the U.S. FDA in 2019?") == ["Approved by the U.S. FDA in 2019?"]


@pytest.mark.parametrize(
    ("question", "asks", "staged"),
    [
        (CASE_ZH, "综述里有没有把XPO-1和耐药联系起来？", "我手上有个MM病人，换了几个方案都耐药。"),
        # the last sentence asks, with or without its question mark
        (
            CASE_EN,
            "Was bleeding common? What helps",
            "A patient on XVd has platelets of 18 and gum bleeding.",
        ),
        ("STORM ORR?", "STORM ORR?", ""),
        # no question mark anywhere: all of it asks
        ("请告诉我STORM研究的ORR是多少。谢谢！", "请告诉我STORM研究的ORR是多少。谢谢！", ""),
        ("Tell me the ORR in STORM. Thanks!", "Tell me the ORR in STORM. Thanks!", ""),
        ("入组例数为多少？其中中位PFS为多少？", "入组例数为多少？其中中位PFS为多少？", ""),
    ],
)
def test_asking_and_scene(question: str, asks: str, staged: str) -> None:
    assert asking(question) == asks
    assert scene(question) == staged


@pytest.mark.parametrize(
    ("question", "tag", "rest"),
    [
        ("Pharmacist: what is the starting dose?", "Pharmacist", "what is the starting dose?"),
        ("家属：我爸要吃多少？", "家属", "我爸要吃多少？"),
        ("STOMP XVd cohort: n enrolled, ORR?", "STOMP XVd cohort", "n enrolled, ORR?"),
        # not a label: a time, a colon after a question, none at all
        ("Taken at 7:30 am, when is the peak?", "", "Taken at 7:30 am, when is the peak?"),
        ("按1：1随机分组，每组多少例？", "", "按1：1随机分组，每组多少例？"),
        ("早上7：30吃药，几点达峰？", "", "早上7：30吃药，几点达峰？"),
        ("Is it true? Answer: yes or no", "", "Is it true? Answer: yes or no"),
        ("STORM ORR?", "", "STORM ORR?"),
        ("Case 1: a refractory patient, ORR?", "Case 1", "a refractory patient, ORR?"),
    ],
)
def test_a_leading_label(question: str, tag: str, rest: str) -> None:
    assert label(question) == (tag, rest)


def test_a_number_in_the_scene_is_not_asked_for() -> None:
    assert asked_kind(CASE_ZH) == "number"  # 几个方案, read as a question
    assert asked_kind(asking(CASE_ZH)) is None  # ... is "several" in a statement


def test_the_separate_things_a_question_asks() -> None:
    from assistant.asking import asks_apart

    assert asks_apart("Which residue does it bind, and which pathway does it restrain?") == [
        "Which residue does it bind",
        "which pathway does it restrain?",
    ]
    assert asks_apart("终末半衰期多长？反复服用会不会蓄积？") == [
        "终末半衰期多长？",
        "反复服用会不会蓄积？",
    ]
    assert (
        asks_apart("骨髓瘤依赖微环境吗？另外还提到了基因组的什么特点？")[1]
        == "另外还提到了基因组的什么特点？"
    )
    assert asks_apart("What were the ORR and PFS?") == ["What were the ORR and PFS?"]  # one thing
    # the scene asks nothing
    assert asks_apart("He has gum bleeding. What can be done?") == ["What can be done?"]


@pytest.mark.parametrize(
    ("question", "described"),
    [
        ("68岁男性，STORM里的ORR是多少？", True),
        ("女，70岁，XVd的剂量？", True),
        ("A 72-year-old woman on Xd: ORR in STORM?", True),
        ("My patient is a 65 yo male. Dose?", True),
        # men, women or an age group asked about: the question narrows to them
        ("STORM里男性病人的ORR是多少？", False),
        ("65岁女性患者的ORR是多少？", False),
        ("中位年龄65岁的女性病人ORR是多少？", False),
        ("What was the ORR in 70-year-old female patients in STORM?", False),
        ("How many 70-year-old women were in STORM?", False),
        ("Median age 65 years in STORM?", False),
    ],
)
def test_a_patient_described_by_age_and_sex(question: str, described: bool) -> None:
    from assistant.asking import without_patient

    assert (without_patient(question) != question) is described


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("Apart from thrombocytopenia, which blood counts fall?", "thrombocytopenia"),
        ("Besides neuropathy, which adverse event was rarer?", "neuropathy"),
        ("除了血小板减少，还有哪些常见不良反应？", "血小板减少"),
        ("除贫血外，还有什么？", "贫血"),
        # 缓解 as relief, not a remission
        ("一直没劲儿，有什么办法缓解？", "缓解"),
        ("吃什么能缓解恶心？", "缓解"),
    ],
)
def test_what_a_question_sets_aside(question: str, aside: str) -> None:
    from assistant.asking import without_aside

    assert aside in question and aside not in without_aside(question)


def test_nothing_set_aside_or_described_leaves_the_question_whole() -> None:
    from assistant.asking import without_aside

    for question in (
        "切除后还能用吗？",
        "What was the ORR in STORM?",
        "STORM的ORR？",
        "STORM里有几例达到缓解？",
    ):
        assert without_aside(question) == question
