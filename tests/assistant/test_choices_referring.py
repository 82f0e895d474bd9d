"""Multiple-choice options and trials named by description (no model)."""

from __future__ import annotations

from assistant.absence import mentions
from assistant.choices import (
    bears_a_figure,
    negated,
    options,
    spared_options,
    spared_words,
    unchosen,
)
from assistant.referring import TrialDescriptors, trial_sections
from index.segment import normalize

INTRO = normalize("主要临床表现为骨痛、贫血、肾功能损伤、高钙血症和感染等")
INFECTION = ("infection", "感染")
SPLEEN = ("splenomegaly", "脾大")
RASH = ("rash", "皮疹")


def test_options_are_read_lettered_in_order() -> None:
    stem, opts = options("Which is listed? (A) splenomegaly (B) infection (C) skin rash")
    assert stem == "Which is listed? "
    assert opts == ("splenomegaly", "infection", "skin rash")
    assert options("下列哪项是MM的主要表现？A. 脾大 B. 感染 C. 皮疹")[1] == ("脾大", "感染", "皮疹")
    assert options("塞利尼索的作用靶点是（ ）A、CD38 B、XPO-1")[1] == ("CD38", "XPO-1")
    # lower-case letters in brackets, as English exam questions write them
    assert options("most common is (a) nausea (b) fatigue (c) thrombocytopenia")[1] == (
        "nausea",
        "fatigue",
        "thrombocytopenia",
    )
    # no options: a regimen list, a single letter, letters out of order, an article, cases mixed
    for plain in (
        "XVd、XPd和XKd哪个ORR最高？",
        "Is it plan A?",
        "B. first A. second",
        "is it a. b. c.",
        "is it (a) or (B) here",
        "Give (a) the ORR in STORM and (b) the CR rate.",  # parts of one question
        "请回答：(a) BOSTON纳入了多少病人；(b) OS的风险比是多少？",
    ):
        assert options(plain)[1] == (), plain


def test_options_the_text_does_not_bear_out_are_distractors() -> None:
    question = "主要表现是？A. 脾大 B. 感染 C. 皮疹"
    concepts = [SPLEEN, INFECTION, RASH]
    assert unchosen(question, concepts, mentions, INTRO) == ("脾大", "皮疹")
    rejected = unchosen(question, concepts, mentions, INTRO)
    assert spared_options(question, concepts, mentions, rejected) == [SPLEEN, RASH]
    # a text bearing out no option spares none: the question stays unanswered
    neither = "主要表现是？A. 脾大 B. 皮疹"
    assert unchosen(neither, concepts, mentions, INTRO) == ()
    assert spared_options(neither, concepts, mentions, ()) == []
    # the stem's own concepts are never spared, even when a wrong option repeats them
    stem_too = "感染以外的主要表现是？A. 感染 B. 脾大"
    rejected = unchosen(stem_too, concepts, mentions, INTRO)
    assert INFECTION not in spared_options(stem_too, concepts, mentions, rejected)


def test_options_are_read_in_a_students_spelling() -> None:
    """ "heat-shock proteins", "tumour suppressors": the glossary's variants are "heat shock
    protein", "tumor suppressor protein"; an option written either way names them."""
    heat_shock = ("heat shock protein", "热休克蛋白")
    anti_inflammatory = ("anti-inflammatory protein", "抗炎蛋白")
    question = (
        "Selinexor blocks nuclear export of (A) anti‐inflammatory proteins (B) heat-shock "
        "proteins only"
    )
    review = "阻断肿瘤抑制因子、生长调节蛋白、抗炎蛋白的核输出"
    rejected = unchosen(question, [heat_shock, anti_inflammatory], mentions, review)
    assert rejected == ("heat-shock proteins only",)
    assert spared_options(question, [heat_shock, anti_inflammatory], mentions, rejected) == [
        heat_shock
    ]


def test_codes_only_wrong_options_use_are_spared() -> None:
    question = "作用靶点是（ ）A、CD38 B、XPO-1 C、BCMA"
    rejected = unchosen(question, [("xpo-1",)], mentions, normalize("阻断XPO-1的核输出功能"))
    assert spared_words(question, ["CD38", "BCMA"], rejected) == ["CD38", "BCMA"]
    assert spared_words("BCMA靶点是？A、CD38 B、XPO-1", ["BCMA"], rejected) == []


TRIALS = {
    "STORM": normalize("STORM试验是一项全球、多中心、开放标签的2b期研究，实验共纳入122例病人"),
    "BOSTON": normalize("BOSTON试验是一项3期、随机、对照、开放标签研究，共纳入402名病人"),
}
REST = normalize("综上所述，塞利尼索具有较好的抗骨髓瘤活性，推荐Ⅱ期给药剂量")
DESIGN = [
    ("phase 2b", "2b期"),
    ("phase 3", "3期"),
    ("randomized", "随机"),
    ("open-label", "开放标签"),
    ("phase 2", "Ⅱ期"),
]


def test_a_descriptor_of_one_trial_names_it_in_a_phrase_referring_to_a_study() -> None:
    described = TrialDescriptors.of(TRIALS, REST, DESIGN)
    assert described.described("In the randomized phase 3 study, how many per arm?") == ["BOSTON"]
    assert described.described("那项纳入122人的研究里，中位OS是多少？") == ["STORM"]
    assert described.described("那个2b期单臂研究的ORR是多少？") == ["STORM"]
    # shared by both (open-label), outside a referring phrase, or a trial named: nothing
    assert described.described("In the open-label study, what ORR?") == []
    assert described.described("Is a phase 3 trial of XPd planned?") == []
    assert described.described("In the phase 3 BOSTON trial, what PFS?") == []
    # the phrase is what identifies, not what is asked
    assert described.phrases("那个2b期单臂研究的ORR是多少？") == ["那个2b期单臂研究"]
    # ... pointed at by 一个/一项, or by a count or a phase alone
    assert described.described("医生提到一个单臂2b期试验，有效率是多少？") == ["STORM"]
    assert described.described("在122人单臂研究和多队列研究里，出血多吗？") == ["STORM"]
    assert described.described("3期研究的PFS是多少？") == ["BOSTON"]
    # ... or opening a terse question, its size after it; not a question's own words
    assert described.described("Phase 2b single-arm Xd study in 122 pts — ORR?") == ["STORM"]
    assert described.described("Randomized phase 3 trial: median PFS HR?") == ["BOSTON"]
    assert described.described("Any phase 3 trial of XPd?") == []
    assert described.described("Xd单臂2b期那个研究的入组人群？") == ["STORM"]


def test_a_trial_described_as_another_is_a_premise_the_review_contradicts() -> None:
    described = TrialDescriptors.of(TRIALS, REST, DESIGN)
    assert described.misattributed("STORM那个随机研究里，对照组用的什么方案？") == [
        "randomized (STORM)"
    ]
    assert described.misattributed("What was the ORR in the 402-patient STORM trial?") == [
        "402 patients (STORM)"
    ]
    # its own descriptors; a design asked, not described; two trials named; none named
    assert described.misattributed("In the 122-patient phase 2b STORM study, what ORR?") == []
    assert described.misattributed("Is STORM a randomized trial?") == []
    assert described.misattributed("STORM是一项随机研究吗？") == []  # what it is, asked
    assert described.misattributed("In the randomized STORM trial, what ORR?") == [
        "randomized (STORM)"
    ]
    assert described.misattributed("STORM和BOSTON那个随机研究哪个大？") == []
    assert described.misattributed("In the randomized trial, what ORR?") == []


def test_a_design_word_inside_a_longer_term_states_no_design() -> None:
    stomp = {"STOMP": normalize("最终确定推荐Ⅱ期给药剂量（RP2D）"), **TRIALS}
    described = TrialDescriptors.of(stomp, "", DESIGN, longer=["推荐Ⅱ期给药剂量"]).described(
        "the phase 2 study"
    )
    assert described == []
    assert TrialDescriptors.of(stomp, "", DESIGN).described("the phase 2 study") == ["STOMP"]


def test_trial_sections_are_those_titled_by_one_trial() -> None:
    titles = [
        ("3.1", "STORM试验 STORM trial"),
        ("3.2.1", "塞利尼索+硼替佐米 (XVd)"),
        ("4", "安全性"),
    ]
    assert trial_sections(titles) == {"STORM": "3.1"}


def test_options_that_are_figures_need_one_the_text_states() -> None:
    pk = normalize("其终末半衰期约为6 h，全身清除率可达18 L/h")
    assert bears_a_figure("终末半衰期约为？A. 3 h B. 6 h C. 12 h", pk) is True
    assert bears_a_figure("中位病程？A. 2.1 y B. 3.8 y C. 4.5 y", pk) is False
    assert bears_a_figure("终末半衰期约为？A. 1.8 h B. 60 h", pk) is False  # 18 and 6 are others
    assert bears_a_figure("主要表现是？A. 脾大 B. 感染", pk) is None  # no figures offered
    assert bears_a_figure("半衰期多长？", pk) is None
    # a figure in a unit is that unit's: 5 mg is not the 5 of 5-羟色胺3
    gi = normalize("可通过给予类固醇或5-羟色胺3受体拮抗剂来缓解")
    assert bears_a_figure("Olanzapine dose? (A) 2.5 mg (B) 5 mg (C) 10 mg", gi) is False
    assert bears_a_figure("How long? (A) 3 hours (B) 6 hours", pk) is True  # 6 h
    # thousands are written as the review writes them (100 000, normalized 100000)
    rate = normalize("我国MM发病率约为每年1~2.5/100 000")
    assert bears_a_figure("Incidence? (A) 0.1–0.5 per 100,000 (B) 1–2.5 per 100,000", rate)
    assert not bears_a_figure("Incidence? (A) 5–8 per 100,000 (B) 10–15 per 100,000", rate)


def test_an_option_typed_with_a_dash_is_the_glossary_term() -> None:
    question = "Which pathway? (A) JAK–STAT (B) NF-κB (C) Hedgehog"
    concepts = [("JAK/STAT", "JAK-STAT"), ("NF-κB", "核因子κB")]
    text = normalize("限制核因子κB信号通路的转录活性")
    rejected = unchosen(question, concepts, mentions, text)
    assert rejected == ("jak-stat", "hedgehog")
    assert spared_options(question, concepts, mentions, rejected) == [("JAK/STAT", "JAK-STAT")]


def test_a_negated_stem_spares_only_the_one_option_the_text_does_not_bear_out() -> None:
    gi = normalize(
        "可通过给予类固醇或5-羟色胺3受体拮抗剂来缓解，建议使用奥氮平或神经激肽-1受体拮抗剂"
    )
    concepts = [
        ("olanzapine", "奥氮平"),
        ("5-HT3", "5-羟色胺3受体拮抗剂"),
        ("methylphenidate", "哌醋甲酯"),
    ]
    except_one = "All of these relieve nausea EXCEPT: A. 5-HT3 B. olanzapine C. methylphenidate"
    assert unchosen(except_one, concepts, mentions, gi) == ("methylphenidate",)
    # two options unborne: the text cannot tell which one is "not"
    two = "Which is NOT used for nausea? A. olanzapine B. methylphenidate C. 5-HT3 D. loperamide"
    lop = [*concepts, ("loperamide", "洛哌丁胺")]
    assert unchosen(two, lop, mentions, gi) == ()
    # "could not tolerate" in a stem negates nothing
    plain = "Patients could not tolerate which? A. olanzapine B. methylphenidate"
    assert unchosen(plain, concepts, mentions, gi) == ("methylphenidate",)


def test_a_stem_is_negated_only_where_it_asks_which_does_not_hold() -> None:
    assert negated("Which of the following is NOT listed? A. x B. y")
    assert negated("All of these relieve nausea except: A. x B. y")
    assert negated("以下哪项不是常见不良反应？A. 恶心 B. 乏力")
    # a negation inside what the stem describes asks nothing of the options
    assert not negated("Which is suggested when nausea is not relieved by steroids? A. x B. y")
    assert not negated("恶心不是很严重时可用哪种？A. 类固醇 B. 奥氮平")


def test_a_count_option_in_例_is_the_reviews_名() -> None:
    boston = normalize("共纳入402名病人")
    assert bears_a_figure("BOSTON纳入了多少例病人？A. 402例 B. 195例", boston) is True
    assert bears_a_figure("BOSTON纳入了多少例病人？A. 400例 B. 195例", boston) is False


def test_a_particle_or_mark_before_an_ending_names_no_drug_or_disease() -> None:
    from assistant.absence import unknown_drugs

    corpus = "塞利尼索 达雷妥尤单抗 多发性骨髓瘤"
    assert unknown_drugs("医生说是血液里第二常见的癌。", corpus) == []
    assert unknown_drugs("中文关键词里，和单抗相关的那个词", corpus) == []
    assert unknown_drugs("贝兰妥单抗能用吗", corpus) == ["兰妥单抗"]
    assert unknown_drugs("肺癌病人能用吗", corpus) == ["癌病人"]


def test_options_numbered_in_circles_or_listed_after_which_of_these() -> None:
    """①②③ number options as letters do; "Which of these …: a, b, c, or d?" lists them
    after a colon or a dash. A stem naming one thing after a colon lists none."""
    stem, opts = options(
        "以下哪一项是综述提到的控制血小板减少的手段：①脾切除 ②输注血小板 ③血浆置换？"
    )
    assert stem.endswith("手段：") and opts == ("脾切除", "输注血小板", "血浆置换")
    stem, opts = options(
        "Which of these does the introduction list as a main manifestation: hyperkalemia, "
        "hypercalcemia, venous thrombosis, or jaundice?"
    )
    assert opts == ("hyperkalemia", "hypercalcemia", "venous thrombosis", "jaundice")
    _, opts = options("Which of these does it say the review covers — cost, mechanism, or dosing?")
    assert opts == ("cost", "mechanism", "dosing")
    assert options("Which of these is true: the ORR was 26%?")[1] == ()
    # numbered questions, each to be answered, and a list with "all of the above" are no options
    assert options("请回答：①STORM的ORR是多少？②STORM的3级以上低钠发生率是多少？")[1] == ()
    assert options("以下哪项正确：①脾切除 ②输注血小板 ③以上都是")[1] == ()
    assert options("①XKd的ORR ②XKd的CR率 ③XKd的OS")[1] == ()
    assert options("哪一个队列ORR最高？")[1] == ()
    # the distractors of such a list are spared as lettered ones are
    listed = "Which of these is a main manifestation: splenomegaly, infection, or a rash?"
    rejected = unchosen(listed, [INFECTION, SPLEEN, RASH], mentions, INTRO)
    assert set(rejected) == {"splenomegaly", "a rash"}


def test_options_after_a_colon_for_any_which_question_ending_in_or() -> None:
    stem, opts = options(
        "Which is the most frequent adverse event: nausea, fatigue, or grade 3-4 thrombocytopenia?"
    )
    assert opts == ("nausea", "fatigue", "grade 3-4 thrombocytopenia")
    assert stem.startswith("Which is the most frequent adverse event")
    # a translocation's semicolon separates no options
    _, opts = options("Which of these does the review name: t(11;14), t(4;14), t(14;16)?")
    assert opts == ("t(11;14)", "t(4;14)", "t(14;16)")
    # a colon with no "or" list: no options
    assert options("Which cohort: the one with 21 patients?")[1] == ()


def test_a_descriptor_inside_a_longer_term_names_no_trial() -> None:
    described = TrialDescriptors.of(
        {**TRIALS, "STOMP": normalize("国际骨髓瘤工作组进行的一项研究")},
        REST,
        [*DESIGN, ("international", "国际"), ("IMWG", "国际骨髓瘤工作组")],
    )
    # 国际 is STORM's only inside 国际骨髓瘤工作组, whose study is no STORM
    assert described.described("国际骨髓瘤工作组那项研究里，ORR是多少？") == ["STOMP"]
