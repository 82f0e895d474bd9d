"""The kind of value a question asks for, and whether a sentence of the review gives it."""

from __future__ import annotations

import re

import pytest

from assistant.absence import mentions, unknown_drugs
from assistant.quantity import (
    asked_kind,
    gives,
    gives_value_of,
    lacks_value,
    measures,
    part_kinds,
    quoted,
    unquoted,
)
from assistant.subgroup import gives_value_for, subgroup
from index.segment import normalize

STORM = normalize(
    "实验共纳入122例RRMM病人，每周给予2次塞利尼索（80 mg，第1、3天），结果显示，"
    "客观缓解率（ORR）达26%，中位PFS达3.7个月，中位OS达8.6个月。"
)
BOSTON = normalize(
    "XVd组中位随访13.2个月，Vd组16.5个月，结果显示，XVd组在ORR、中位PFS、中位DOR方面均高于Vd组。"
)
PFS = ("pfs", "无进展生存期")
ORR = ("orr", "客观缓解率")
OS = ("os", "总生存期")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("STORM试验一共入组了多少例RRMM病人？", "count"),
        ("How many patients in the STOMP bortezomib cohort were evaluable?", "count"),
        ("STORM试验中塞利尼索和地塞米松各给多少剂量？", "dose"),
        ("What dose of olanzapine is recommended?", "dose"),
        ("STORM试验的客观缓解率是多少？", "percent"),
        ("What proportion of patients needed a dose reduction?", "percent"),
        ("What overall response rate did Xd achieve?", "percent"),
        ("口服塞利尼索后大概多久血药浓度达到峰值？", "time"),
        ("How long does it take to reach peak plasma levels?", "time"),
        ("STORM试验中塞利尼索每周给几次？", "frequency"),
        ("How often was bortezomib given in the Vd arm?", "frequency"),
        ("XPO-1参与多少种蛋白的核输出？", "number"),
        ("Roughly how many distinct proteins depend on XPO-1?", "number"),
        # people, with no noun between: a count
        ("XKd cohort: of the 21 pts enrolled, how many were evaluable?", "count"),
        ("How many pts were enrolled?", "count"),
        ("How many cycles were given?", "cycles"),
        ("STORM penta-refractory subgroup: exact ORR?", "percent"),
        ("再用一次硼替佐米有多大希望？", None),  # a chance hoped for, no number
        # whether more had it, not how many more
        ("Which trials saw an increased rate of bleeding: STORM or BOSTON?", None),
        ("Was there an increased rate of bleeding in BOSTON?", None),
        ("How should loperamide be dosed: starting dose and maximum per day?", "dose"),
        # 清除率 is a clearance (L/h), not a share of patients
        ("塞利尼索的终末半衰期和全身清除率各是多少？", "number"),
        ("What is the clearance rate of selinexor?", None),
        ("周围神经病变发生率有什么不同？", None),  # a comparison, not a figure
        ("塞利尼索的AUC是否随剂量按比例增加？", None),  # proportionality, not a share
        ("Is the heart rate affected by selinexor?", None),
        ("What was the rate of treatment discontinuation?", "percent"),
        ("STORM试验中位治疗了几周期？", "cycles"),  # cycles, not weeks
        ("How often does nausea occur with selinexor?", "rate"),  # how common
        ("How often was selinexor given in STORM?", "frequency"),
        ("我国多发性骨髓瘤每年的发病率估计有多高？", "percent"),
        # frequency of a disease, not of dosing
        ("Where does myeloma rank in frequency among blood cancers?", None),
        # No value asked: a mechanism, a yes/no, "in proportion to".
        ("Do AUC and Cmax of selinexor rise in proportion to the dose?", None),
        ("塞利尼索为什么适合与地塞米松联用？", None),
        ("Is STOMP a completed randomized trial?", None),
        ("Which journal published STORM, and in what year?", "year"),
        ("塞利尼索是哪一年获批的？", "year"),
        ("What grade is selinexor-associated hyponatremia usually?", "grade"),
        ("What grade 3 or 4 events occurred in BOSTON?", None),  # grades named, not asked
        ("哪一年龄段的病人更多？", None),  # an age group, not a year
        ("What yearly incidence does the review quote?", None),  # yearly, not a year
        ("地塞米松每周2次，具体是每周哪两天吃？", "days"),
        ("STORM是国内的单中心研究吗？是几期的？", "phase"),
        ("How many of the 122 STORM patients reached a minimal response?", "count"),
        ("“57%”对应的是什么疗效？是几个人？", "count"),
        ("What share of BOSTON patients were PI-refractory?", "percent"),
        ("What median PFS did XDd give?", "number"),
        ("By roughly what factor does the AUC rise?", "number"),
        ("AUC增加了几倍？", "number"),
        ("What phase was BOSTON?", "phase"),
        ("什么期间可以停用塞利尼索？", None),  # a time, not a trial's phase
        ("Which phase of the cycle is dexamethasone given in?", None),
        ("What factor increases the risk of hyponatremia?", None),  # a cause, not a ratio
        ("On which days of the cycle was pomalidomide given?", "days"),
        ("STORM's response rate?", "percent"),
        ("XVd ORR vs Vd?", "percent"),  # a keyword query for a rate
        ("血小板降到多少就要暂停塞利尼索？", "number"),
        ("Response rate of XKd?", "percent"),
        ("STORM grade 3 thrombocytopenia rate?", "percent"),
        ("Selinexor clearance rate?", None),
        # a rate that is the subject, not what is asked
        ("Which drug classes drove the recent gains in myeloma response rates?", None),
        ("常和PI搭配的激素有哪些？举几个例子", None),  # a few examples, not a number
        ("STOMP硼替佐米队列分成了哪几个组？", None),  # which groups, not how many
        ("和地塞米松要隔开几个小时吃？", "hours"),  # hours: a follow-up in months is no answer
        ("How many hours after a dose is the peak reached?", "hours"),
        ("卡非佐米队列的病人既往中位接受过几线治疗？", "lines"),
        ("How many prior lines had they received?", "lines"),
        ("STORM mPFS in t(4;14) patients?", "number"),  # a keyword query for a time endpoint
        ("Did XVd improve PFS?", None),  # a yes/no question, not a keyword query
        ("Why is PFS shorter?", None),
        # which trial or cohort is asked for, not the dose or rate it is named by
        ("Which of the trials was designed to find the maximum tolerated dose?", None),
        ("哪个研究是为了找最大耐受剂量？", None),
        ("哪项研究的样本量是多少？", "count"),  # but a number of the trial is asked
        # telegraphic questions, as typed into a chat box
        ("STORM用的什么剂量？", "dose"),
        ("奥氮平止吐一次吃多少？", "dose"),
        ("吃多少天？", "time"),  # days, not a dose
        ("Ondansetron dose for selinexor nausea?", "dose"),
        ("XVd selinexor dose?", "dose"),
        # where a figure comes from: a study named
        ("Which trial did those doublet figures come from?", "source"),
        ("泊马度胺+地塞米松二联的数据来自哪项研究？", "source"),
        ("Which trial had the higher ORR?", None),
        # when a study ends: a year or a date
        ("STOMP试验目前还在进行，预计什么时候完成？", "year"),
        ("When is the XDd study expected to finish?", "year"),
        ("When does hyponatremia usually occur?", None),  # a stage of treatment, no year
        # a threshold asked
        ("Below what serum sodium level should selinexor be held?", "number"),
        ("At what platelet count should selinexor be held?", "number"),
        ("What cut-off defines grade 3 thrombocytopenia?", "number"),
        # search-box queries, typed without a question mark
        ("rolapitant dose for sel nausea", "dose"),
        ("罗拉匹坦剂量", "dose"),
        ("要不要减剂量", None),  # a dose change, no dose
        ("XKd因不良反应停药率", "percent"),
        ("BOSTON 肺炎 发生率", "percent"),
        ("塞利尼索清除率", None),  # a clearance, 18 L/h, is no share of patients
        ("STORM mPFS", "number"),
        ("XKd ORR", "percent"),
        ("Dose modifications needed for low sodium?", None),  # a dose change, no dose
        ("My dose was cut, is that normal?", None),
        ("Dose-limiting toxicities of XKd?", None),
        ("What if I miss a dose of selinexor?", "dose"),
        ("Does the dose matter?", None),  # a yes/no question names a dose, asks none
        ("Median age of BOSTON patients?", "number"),
        ("STOMP卡非佐米队列的中位年龄？", "number"),
        ("XVd中位PFS更长吗？", None),  # a yes/no question
        ("What is the XPd cycle length?", "schedule"),
        # a dose the time is counted from is not asked for
        ("After an oral dose of it, how many hours until the concentration peaks?", "hours"),
        ("After a dose of selinexor how long until the peak?", "time"),
        ("What oral dose of selinexor was used?", "dose"),
        ("An oral dose of what size was given?", "dose"),
        # session 21: a figure asked "as a number", a count of "病人有几个", new cases
        ("ORR in the carfilzomib-refractory patients, as a number?", "number"),
        ("ORR in quad- versus penta-refractory patients: what were the two numbers?", "number"),
        ("硼替佐米队列里每周只吃1次的病人有几个？", "count"),
        ("How many new myeloma cases per 100,000 people a year in China?", "incidence"),
        ("How often was the figure reported?", "percent"),  # nothing happening to patients
        # session 23: a terse phase; when a study began enrolling; a depth of response is
        # no grade; a terse ORR query running on; a treatment stage is no phase
        ("How many patients were enrolled?", "count"),
        ("STOMP phase?", "phase"),
        ("Hyponatremia onset phase?", None),
        ("什么时候开始出现低钠血症？", None),
        ("BOSTON是几期", "phase"),
        ("STORM什么时候开始入组的？", "year"),
        ("When did BOSTON start enrolling?", "year"),
        ("XKd里三级难治的病人到了哪一级缓解？", None),
        ("低钠血症一般是几级？", "grade"),
        ("XKd ORR in carfilzomib-refractory pts specifically?", "percent"),
    ],
)
def test_asked_kind(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


def test_a_cycle_length_stands_beside_a_cycle() -> None:
    from assistant.quantity import lacks_value

    assert gives(normalize("28 d为1个疗程"), "schedule")  # d before Chinese is a unit
    assert not gives(normalize("泊马度胺（4 mg，第1~21天）"), "schedule")  # days of a cycle
    assert lacks_value(normalize("中位PFS长达12.2个月"), "schedule", [])
    assert not lacks_value(normalize("21或35 d为1个周期"), "schedule", [])
    assert asked_kind("STOMP泊马度胺队列一个疗程是多少天？") == "schedule"
    assert asked_kind("How long after the last dose is it gone?") == "time"  # not a cycle


def test_a_series_split_between_treatments() -> None:
    from assistant.subgroup import split_treatments

    series = normalize(
        "Chari等报道了7例病人接受Xd+PI治疗，其中1例给予Xd，1例给予XVd，5例给予XKd，结果："
    )
    assert split_treatments(series) == {
        "xd": "其中1例给予xd",
        "xvd": "1例给予xvd",
        "xkd": "5例给予xkd",
    }
    assert split_treatments(normalize("共纳入42名病人，给予塞利尼索治疗")) == {}  # one treatment
    halves = split_treatments(normalize("其中1例给予Xd，1例给予XVd，结果："))
    assert set(halves) == {"xd", "xvd"}  # equal halves are both parts


def test_relapsed_refractory_is_the_disease_not_a_group() -> None:
    from assistant.subgroup import subgroup

    assert subgroup("what did boston show in relapsed-refractory patients?") is None
    assert subgroup("what was the orr in pi-refractory patients?") is not None


def test_gives_before_a_word() -> None:
    from assistant.quantity import gives_before

    cohort = re.compile("队列")
    assert not gives_before(normalize("在硼替佐米队列中，共纳入42名病人"), "count", cohort)
    assert gives_before(normalize("共纳入402例病人，随机分为两个队列"), "count", cohort)


def test_gives_each_kind() -> None:
    assert gives(STORM, "count") and gives(STORM, "dose") and gives(STORM, "percent")
    assert gives(STORM, "time") and gives(STORM, "number")
    assert not gives(BOSTON, "percent") and not gives(BOSTON, "dose")
    assert not gives(BOSTON, "count")
    assert gives(normalize("发病率约为每年1~2.5/100 000"), "percent")
    assert gives(normalize("给药后3~4 h，血药浓度达到峰值"), "time")
    assert gives(STORM, "frequency")  # 每周给予2次
    assert not gives(normalize("STORM试验（临床编号NCT02336815）是一项2b期研究"), "frequency")


def test_a_dosing_duration_is_no_answer_to_how_long() -> None:
    xkd = normalize(
        "起始剂量为塞利尼索（30 mg/m2 2次/周，共3周）、地塞米松（20 mg，2次/周），28 d为1个疗程。"
    )
    assert asked_kind("How long did responses last in the carfilzomib cohort?") == "time"
    assert not gives(xkd, "time")  # 共3周 and 28 d为1个疗程 are the schedule
    assert asked_kind("How long was each cycle in the carfilzomib cohort?") == "schedule"
    assert gives(xkd, "schedule")
    assert gives(normalize("中位随访6.1个月"), "time")
    assert gives(normalize("给药后3~4 h，血药浓度达到峰值"), "time")


def test_a_value_must_sit_beside_its_measure() -> None:
    assert gives_value_of(STORM, PFS, "time")
    # BOSTON names PFS, and a follow-up time two clauses away is not PFS's value.
    assert not gives_value_of(BOSTON, PFS, "time")
    assert lacks_value(BOSTON, "time", [PFS])
    assert not lacks_value(STORM, "time", [PFS])
    assert not lacks_value(STORM, "percent", [ORR])
    assert lacks_value(BOSTON, "percent", [ORR])
    # The value must belong to the measure asked about, not to whatever else has one.
    assert lacks_value(STORM, "time", [("dor", "缓解持续时间")])
    assert not lacks_value(STORM, "count", [])  # no measure named: any count will do
    # "how many were penta-refractory": 122 counts the whole trial, not them
    penta = normalize("实验共纳入122例RRMM病人，……对于四重、五重难治病人均观察到了一定的疾病缓解。")
    assert lacks_value(penta, "count", [("penta-refractory", "五重难治")])
    cart = normalize("1例（14%）达MR，2例（29%）达PR，4例（57%）达VGPR以上的临床疗效")
    assert not lacks_value(cart, "count", [("vgpr", "非常好的部分缓解")])
    # a dose belongs to the drug, not to the adverse event it treats
    fatigue = normalize("对于顽固性病人，可给予兴奋剂，如哌醋甲酯，推荐给药剂量为每天10 mg。")
    assert not lacks_value(fatigue, "dose", [("fatigue", "乏力")])


def test_unknown_drugs_by_their_inn_ending() -> None:
    corpus = normalize("在达雷妥尤单抗队列中……硼替佐米（1.3 mg/m2）……泊马度胺、dexamethasone")
    assert unknown_drugs("塞利尼索和贝兰妥单抗相比，哪个疗效更好？", corpus) == ["兰妥单抗"]
    assert unknown_drugs("塞利尼索与伊沙佐米联合的疗效如何？", corpus) == ["伊沙佐米"]
    assert unknown_drugs("达雷妥尤单抗初治病人的PFS？", corpus) == []
    assert unknown_drugs("硼替佐米和泊马度胺呢？", corpus) == []
    assert unknown_drugs("What dose of eltrombopag is advised?", corpus) == ["eltrombopag"]
    assert unknown_drugs("What about ixazomib?", corpus, known=["ixazomib"]) == []
    assert unknown_drugs("How does bortezomib compare?", corpus, known=["bortezomib"]) == []
    # other INN stems: a coxib, a profen, a statin
    assert unknown_drugs("塞来昔布治疗关节炎一天吃几次？", corpus) == ["塞来昔布"]
    assert unknown_drugs("Can he take ibuprofen or atorvastatin?", corpus) == [
        "ibuprofen",
        "atorvastatin",
    ]
    # peptides: octreotide for diarrhoea the review treats with loperamide only
    (octreotide,) = unknown_drugs("综述有没有提到奥曲肽？", corpus)
    assert octreotide.endswith("奥曲肽")
    for peptide in ("兰瑞肽", "利拉鲁肽", "亮丙瑞林", "戈舍瑞林"):
        assert unknown_drugs(f"能用{peptide}吗？", corpus), peptide
    assert unknown_drugs("Is octreotide an option?", corpus) == ["octreotide"]
    # diseases by their ending too
    myeloma = normalize("多发性骨髓瘤（MM）……低钠血症……淋巴瘤及其他实体瘤")
    assert unknown_drugs("塞利尼索在华氏巨球蛋白血症中的疗效如何？", myeloma) == ["蛋白血症"]
    assert unknown_drugs("低钠血症和淋巴瘤呢？多发性骨髓瘤？", myeloma) == []
    assert unknown_drugs("Does it work in amyloidosis or mesothelioma?", myeloma) == [
        "mesothelioma"
    ]
    review = normalize("导致癌细胞生长受限从而诱导其凋亡")
    assert unknown_drugs("塞利尼索如何诱导癌细胞凋亡？", review) == []
    assert unknown_drugs("塞利尼索能治疗肺癌吗？", review) == ["疗肺癌"]
    # a word inside a glossary term the question matched is judged by that term
    known = ["plasma cell leukaemia"]
    assert unknown_drugs("Is selinexor used in plasma cell leukaemia?", review, known) == []
    assert unknown_drugs("Does bone marrow stroma matter?", review) == []


def test_a_combination_is_not_mentioned_by_one_of_its_drugs() -> None:
    corpus = normalize("塞利尼索+硼替佐米+地塞米松……血液系统肿瘤")
    assert not mentions(corpus, "塞利尼索+卡非佐米+地塞米松")
    assert mentions(corpus, "塞利尼索+硼替佐米+地塞米松")
    assert mentions(corpus, "血液系统恶性肿瘤")  # worded a little differently


def test_a_term_mixing_in_latin_letters_is_not_mentioned_by_its_latin_piece() -> None:
    corpus = normalize("中位PFS达3.7个月，核因子κB蛋白")
    assert not mentions(corpus, "年pfs")  # a landmark PFS (6-month, 1-year) is not PFS
    assert not mentions(corpus, "iκb蛋白")  # IκB is not NF-κB
    assert mentions(corpus, "pfs")


def test_a_term_is_mentioned_through_a_coordination_sharing_its_head() -> None:
    corpus = normalize("四重、五重难治病人也观察到了缓解")
    assert mentions(corpus, "四重难治") and mentions(corpus, "五重难治")
    assert not mentions(corpus, "双重难治")


def test_hours_are_given_in_hours() -> None:
    assert gives(normalize("给药后3~4 h，血药浓度达到峰值"), "hours")
    assert not gives(normalize("中位随访6.1个月"), "hours")


def test_a_year_is_a_calendar_year() -> None:
    assert gives(normalize("于2019年7月3日被美国食品药品管理局（FDA）批准"), "year")
    assert not gives(STORM, "year") and not gives(normalize("随访3年"), "year")


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("What ORR did XDd achieve in daratumumab-naive patients?", "treatment-naive patients"),
        ("XPd方案中泊马度胺难治病人的ORR是多少？", "refractory patients"),
        ("STOMP硼替佐米队列中PI非难治组的ORR是多少？", "non-refractory patients"),
        ("What was the ORR in high-risk patients?", "high-risk patients"),
        ("泊马度胺队列里有多少例之前没用过泊马度胺？", "treatment-naive patients"),
        ("ORR in patients who had never received daratumumab?", "treatment-naive patients"),
        ("What share of patients never had nausea?", None),  # no treatment named
        # high-risk cytogenetics named by their abnormality
        ("STORM ORR in del(17p) subset?", "high-risk patients"),
        ("17p缺失病人的ORR是多少？", "high-risk patients"),
        ("What ORR in patients with standard-risk cytogenetics?", None),
        ("What was the ORR in patients with t(4;14)?", "high-risk patients"),
        # the disease, not a group of patients
        ("What was the ORR of selinexor in relapsed/refractory myeloma?", None),
        ("塞利尼索治疗复发难治性多发性骨髓瘤的ORR是多少？", None),
        ("What was the ORR in relapsed or refractory myeloma?", None),
        ("塞利尼索治疗复发或难治MM的ORR是多少？", None),
        ("ORR in non refractory patients?", "non-refractory patients"),
        ("What was the OS of patients who did not reach a minimal response?", "non-responders"),
        ("未达到缓解的病人中位OS是多少？", "non-responders"),
        ("老年病人的ORR是多少？", "older patients"),
        ("What ORR did patients aged 75 or older reach?", "older patients"),
        # not a response missed: a drug not received, a disease resisting a drug
        ("ORR in STORM patients who did not have a prior transplant?", None),
        ("ORR in patients who did not respond to pomalidomide?", None),
        # refractory patients of a multiplicity are that group, however written
        ("How many double-refractory patients were in the cohort?", "double-refractory patients"),
        ("双难治病人有效率多高？", "double-refractory patients"),
        ("Responses in quad- and penta-refractory patients?", "quad/penta-refractory patients"),
        # "有没有缓解" asks whether they responded: no group of non-responders
        ("四重、五重难治病人有没有缓解？", "quad/penta-refractory patients"),
        ("ORR in triple-class refractory myeloma?", "triple-refractory patients"),
        ("对三类药物均难治的病人ORR？", "triple-refractory patients"),
        ("四重、五重难治病人有无缓解？", "quad/penta-refractory patients"),
        ("四重或五重难治病人的ORR？", "quad/penta-refractory patients"),
        ("所有无缓解病人的中位OS？", "non-responders"),
        # a fortnightly schedule and grade 3 events are no multiplicity
        ("双周给药和对硼替佐米难治的病人ORR多少？", "refractory patients"),
        ("三级及以上AE在难治病人中的发生率是多少？", "refractory patients"),
        # patients who had a drug before, and patients who reached a response
        (
            "What ORR did patients already exposed to daratumumab achieve?",
            "previously exposed patients",
        ),
        ("dara-exposed patients: what ORR?", "previously exposed patients"),
        # a drug's exposure, a trial's patients given it, patients treated: no group
        ("塞利尼索的暴露量与剂量呈正相关吗？", None),
        ("经治疗后出现低钠血症该如何处理？", None),
        ("How many patients in BOSTON were exposed to selinexor?", None),
        ("ORR in patients who were not exposed to pomalidomide before?", None),
        ("CAR-T治疗失败后再次用塞利尼索方案，达到PR的有几例？", None),
        ("Did patients who had MR imaging respond?", None),
        (
            "What was the OS of patients who achieved a partial response?",
            "patients reaching a partial response",
        ),
        ("达到非常好的部分缓解的病人中位PFS？", "patients reaching a VGPR"),
        ("未达到最小反应的病人中位OS是多少？", "non-responders"),
        ("How many patients achieved PR?", None),  # a count of responses, no group
        # how hard the disease is to treat, compared: no group
        ("are relapsed pts more aggressive / refractory than newly diagnosed ones?", None),
        ("What was the ORR among the most refractory patients in STORM?", "refractory patients"),
        ("In the IMWG retreatment study, how many patients were there?", "retreated patients"),
        ("硼替佐米再治疗研究的中位PFS是多少？", "retreated patients"),
        # patients of one dose or schedule of a cohort; not an arm named by its schedule
        (
            "STOMP SVd: what ORR was seen specifically in pts treated at the once-weekly RP2D?",
            "patients on one dose or schedule",
        ),
        ("what ORR in patients on the 100 mg dose?", "patients on one dose or schedule"),
        ("每周1次给药的病人ORR是多少？", "patients on one dose or schedule"),
        (
            "In the XPd cohort, how many pts were actually dosed at pomalidomide 4 mg?",
            "patients on one dose or schedule",
        ),
        ("泊马度胺队列里用4 mg的病人有几例？", "patients on one dose or schedule"),
        ("What ORR did patients on once-weekly XVd get in BOSTON?", None),
        # a group of those above first: the triple-refractory patient who reached a VGPR
        ("那例三级难治、达到非常好的部分缓解的病人缓解维持了多久？", "triple-refractory patients"),
        # the group of the clause that asks; the other's figure is quoted
        (
            "达到最小反应的病人中位OS是15.6个月，那达到部分缓解及以上的病人中位OS是多少？",
            "patients reaching a partial response",
        ),
        # two groups: a comparison
        ("ORR in PI-refractory or non-refractory patients: which was higher?", None),
        ("ORR of double-refractory patients, compared with daratumumab-naive ones?", None),
        ("What ORR in PI-refractory patients, and how about non-refractory ones?", None),
        # a symptom that persists, not patients whose disease resists
        ("For refractory fatigue on selinexor, which stimulant?", None),
        # session 23: the one group a last clause picks from those set out before it
        (
            "硼替佐米队列分了PI难治组和非难治组，难治组单独的中位PFS是几个月？",
            "refractory patients",
        ),
        ("达到最小反应的那部分病人，中位PFS有多长？", "patients reaching a minimal response"),
        # ... unless a count is asked for each (see test_a_count_for_each_group)
    ],
)
def test_subgroup_asked_about(question: str, group: str | None) -> None:
    found = subgroup(question.lower())
    assert (found[0] if found else None) == group


def test_a_figure_for_a_group_must_be_stated_for_that_group() -> None:
    xdd = normalize(
        "在达雷妥尤单抗队列中，双重难治病人的ORR达73%，达雷妥尤单抗初治病人中位PFS可达12.5个月。"
    )
    xpd = normalize("泊马度胺及来那度胺难治病人的病情也得到了一定缓解，中位PFS达4.2个月。")
    naive = subgroup("daratumumab-naive")
    refractory = subgroup("难治病人")
    assert naive and refractory
    assert not gives_value_for(xdd, "percent", [ORR], naive[1])  # 73% is the refractory's
    assert gives_value_for(xdd, "time", [PFS], naive[1])
    assert gives_value_for(xdd, "percent", [ORR], refractory[1])
    assert gives_value_for(xpd, "time", [PFS], refractory[1])  # the clause after the group
    # ... unless that clause names a group of its own: 12.5 months is the naive patients'
    assert not gives_value_for(xdd, "time", [PFS], refractory[1])
    assert not gives_value_for(STORM, "percent", [ORR], refractory[1])  # RRMM is the disease


def test_a_figure_after_a_comparison_of_groups_is_neither_groups() -> None:
    # STOMP's XVd cohort: 9.0 months is the cohort's PFS, after "non-refractory beat refractory"
    xvd = normalize("ORR达63%，非难治组高于难治组，中位PFS达9.0个月，同样非难治组高于难治组。")
    refractory, non_refractory = subgroup("pi-refractory"), subgroup("non-refractory")
    assert refractory and non_refractory
    assert not gives_value_for(xvd, "time", [PFS], refractory[1])
    assert not gives_value_for(xvd, "time", [PFS], non_refractory[1])


def test_a_figure_after_a_clause_about_one_patient_is_the_cohorts() -> None:
    xkd = normalize("其中1例三级难治病人也得到了非常好的部分缓解，中位PFS达3.7个月。")
    xpd = normalize("泊马度胺及来那度胺难治病人的病情也得到了一定缓解，中位PFS达4.2个月。")
    refractory = subgroup("carfilzomib-refractory")
    assert refractory
    assert not gives_value_for(xkd, "time", [PFS], refractory[1])
    assert gives_value_for(xpd, "time", [PFS], refractory[1])


def test_a_figure_for_refractory_patients_of_one_multiplicity_is_not_anothers() -> None:
    xkd = normalize(
        "对于双重难治病人及对卡非佐米难治的病人均观察到了较好的疾病缓解，其中1例三级难治病人也得到了非常好的部分缓解"
    )
    xdd = normalize("在达雷妥尤单抗队列中，双重难治病人的ORR达73%")
    double, triple = subgroup("double-refractory"), subgroup("三级难治")
    assert double and triple
    assert not gives_value_for(xkd, "count", [], double[1])  # the one patient was triple's
    assert gives_value_for(xkd, "count", [], triple[1])
    assert gives_value_for(xdd, "percent", [ORR], double[1])
    assert not gives_value_for(xdd, "percent", [ORR], triple[1])
    # the clause after the group's is the group's: naming "难治" there names no other group
    after = normalize("双重难治病人的病情也得到了一定缓解，中位PFS达4.2个月")
    assert gives_value_for(after, "time", [PFS], double[1])


def test_a_figure_for_responders_is_not_the_non_responders() -> None:
    storm = normalize("中位OS达8.6个月，在达到最小反应的病人中，中位OS可达15.6个月。")
    group = subgroup("patients who did not reach a minimal response")
    assert group and group[0] == "non-responders"
    assert not gives_value_for(storm, "time", [OS], group[1])


def test_a_figure_for_retreated_patients_is_stated_for_them() -> None:
    xvd = normalize(
        "共纳入42名RRMM病人，中位PFS达9.0个月，在国际骨髓瘤工作组进行的一项关于硼替佐米再治疗的"
        "研究中显示，对硼替佐米治疗后病情进展的病人再次给予硼替佐米治疗的ORR仅有22%，而该方案则可达43%。"
    )
    retreated = subgroup("imwg retreatment study")
    assert retreated
    assert gives_value_for(xvd, "percent", [ORR], retreated[1])
    assert not gives_value_for(xvd, "count", [], retreated[1])  # 42 is STOMP's cohort
    assert not gives_value_for(xvd, "time", [PFS], retreated[1])


def test_a_figure_for_one_response_is_not_anothers() -> None:
    storm = normalize("中位OS达8.6个月，在达到最小反应的病人中，中位OS可达15.6个月。")
    mr, pr = subgroup("达到最小反应的病人"), subgroup("patients who reached a partial response")
    assert mr and pr
    assert gives_value_for(storm, "time", [OS], mr[1])
    assert not gives_value_for(storm, "time", [OS], pr[1])


def test_a_figure_for_a_cytogenetic_group_is_stated_for_it() -> None:
    # STORM names its high-risk patients, then reports the ORR of all of them
    storm = normalize(
        "部分病人具有高危细胞遗传学特征，如t（4；14）、t（14；16）和del（17p），年龄中位数为65岁，"
        "结果显示，客观缓解率（ORR）达26%。"
    )
    del17p = subgroup("storm orr in del(17p) subset?")
    assert del17p
    assert not gives_value_for(storm, "percent", [ORR], del17p[1])
    assert gives_value_for(normalize("del（17p）病人的ORR达20%"), "percent", [ORR], del17p[1])


def test_a_grade_or_a_name_is_no_number() -> None:
    assert gives(normalize("最常见的不良反应为3~4级血小板减少"), "grade")
    assert not gives(normalize("最常见的不良反应为3~4级血小板减少"), "number")
    assert not gives(normalize("塞利尼索是一种选择性XPO-1抑制剂"), "number")
    assert not gives(normalize("STORM是一项2b期研究，第1、3天给药"), "number")
    assert gives(normalize("XPO-1参与200多种不同蛋白的核输出"), "number")


def test_a_count_of_patients_who_stopped_is_not_the_cohort_size() -> None:
    from assistant.glossary import load_glossary

    question = "卡非佐米队列有几例病人因为不良反应停药？"
    expansion = load_glossary().expand(question)
    stopped = measures(expansion, asked_kind(question))
    cohort = normalize("共纳入21例RRMM病人，采用剂量递增的给药方式，直至因不良反应无法耐受停止")
    assert lacks_value(cohort, "count", stopped)
    assert not lacks_value(normalize("共3例病人因不良反应停药"), "count", stopped)


def test_an_age_is_the_patients_age_not_any_number() -> None:
    from assistant.glossary import load_glossary

    question = "What is the median age of patients in BOSTON?"
    age = measures(load_glossary().expand(question), asked_kind(question))
    boston = normalize("共纳入402名病人，随机分配到XVd（n=195）组和Vd（n=207）组")
    assert lacks_value(boston, "number", age)
    assert not lacks_value(normalize("实验共纳入122例RRMM病人，年龄中位数为65岁"), "number", age)


def test_each_part_of_a_question_has_its_kind() -> None:
    question = "STOMP泊马度胺队列的入组例数为多少？其中既往未接受泊马度胺者的中位PFS为多少？"
    assert [k for k, _ in part_kinds(question)] == ["count", "number"]
    assert [k for k, _ in part_kinds("What was the ORR?")] == ["percent"]
    assert part_kinds("Why was it dropped?") == []


def test_figures_a_question_may_quote() -> None:
    from assistant.quantity import figures

    text = normalize("ORR达63%，中位PFS达9.0个月（P=0.001 2），NCT02199665，第3个疗程，86 %")
    assert figures(text) == {"63%", "9.0", "0.0012", "02199665", "86%"}
    # a bare number may be the patient's age or platelet count, not a result quoted
    assert figures(normalize("我母亲65岁，血小板降到25以下，纳入42例，随访21个月")) == {"42", "21"}


def test_a_total_over_two_groups_is_one_count() -> None:
    from assistant.asked import EACH

    assert EACH.search("pi难治组和非难治组各有多少例？")
    assert not EACH.search("在stomp中，pi难治和非难治病人一共多少例？")


def test_a_count_for_each_group_needs_the_first_groups_own() -> None:
    question = "STOMP硼替佐米队列里，PI难治组和非难治组各有多少例？"
    assert subgroup(question.lower()) is None  # two groups: a comparison
    first = subgroup(question.lower(), each=True)
    assert first and first[0] in {"refractory patients", "non-refractory patients"}
    cohort = normalize("共纳入42名RRMM病人，最终可评估疗效的病人40例，分为PI难治组和PI非难治组")
    assert not gives_value_for(cohort, "count", [], first[1])  # 40 counts the whole cohort


def test_the_days_of_a_schedule() -> None:
    assert gives(normalize("每周给予2次塞利尼索（80 mg，第1、3天）"), "days")
    assert gives(normalize("泊马度胺（4 mg，第1~21天）"), "days")
    assert not gives(normalize("地塞米松（20 mg，2次/周），5周为1个疗程"), "days")


def test_a_phase_is_a_kind_of_value() -> None:
    assert gives(normalize("是一项全球、多中心、开放标签的2b期研究"), "phase")
    # a recommended phase 2 dose is no trial's phase (Ⅱ is ii once normalized)
    assert not gives(normalize("并最终确定推荐Ⅱ期给药剂量"), "phase")
    assert gives(normalize("一项Ⅱ期研究"), "phase")
    assert not gives(normalize("实验共纳入122例RRMM病人"), "phase")


def test_a_range_or_the_oldest_patient_is_not_a_median() -> None:
    from assistant.quantity import lacks_statistic

    storm = normalize("实验共纳入122例RRMM病人，年龄中位数为65岁")
    incidence = normalize("据估计我国MM发病率约为每年1~2.5/100 000")
    assert lacks_statistic("storm入组病人的年龄范围是多少？", storm) == "range"
    assert lacks_statistic("how old was the oldest patient in storm?", storm) == (
        "oldest or youngest"
    )
    assert lacks_statistic("我国mm发病率的范围是多少？", incidence) is None  # 1~2.5 is one
    assert lacks_statistic("storm病人的年龄中位数是多少？", storm) is None
    # a scope is no range; grades and the days of a schedule give none
    assert lacks_statistic("塞利尼索的适用范围是什么？", storm) is None
    assert lacks_statistic("storm入组病人最小年龄和最大年龄分别是多少？", storm) == "range"
    ages = normalize("中位年龄65岁，年龄40至86岁")
    assert lacks_statistic("storm入组病人的年龄范围是多少？", ages) is None
    grades = normalize("最常见的不良反应为3~4级血小板减少，来那度胺（25 mg，第1~21天）")
    assert lacks_statistic("storm入组病人的年龄范围是多少？", grades) == "range"


def test_a_calendar_date_is_not_a_day_of_a_schedule() -> None:
    from assistant.quantity import asked_kind, lacks_value

    assert asked_kind("fda批准的具体日期是哪一天？") == "date"
    assert asked_kind("fda批准塞利尼索联合地塞米松治疗rrmm的具体日期是哪一天？") == "date"
    assert asked_kind("给药日期是每周哪两天？") == "days"
    assert asked_kind("on what date was selinexor approved?") == "date"
    assert asked_kind("每周哪两天吃？") == "days"
    assert asked_kind("塞利尼索是哪一天获批的？") == "date"
    assert asked_kind("fda哪天批准的？") == "date"
    assert asked_kind("on which day was selinexor approved by the fda?") == "date"
    assert asked_kind("storm试验中塞利尼索的给药日期是每周哪两天？") == "days"
    assert asked_kind("on what day of the cycle is selinexor given?") == "days"
    assert asked_kind("批准的用法是每周哪一天服用？") == "days"  # an approved schedule's day
    assert asked_kind("which day of the week was the approved dose given?") == "days"
    approval = normalize("于2019年7月3日被美国食品药品管理局（FDA）批准")
    assert not lacks_value(approval, "date", [])
    assert not lacks_value("approved by fda on july 3, 2019", "date", [])
    assert lacks_value(normalize("每周给予2次塞利尼索（80 mg，第1、3天）"), "date", [])


def test_a_chain_of_multiplicities_is_read_in_linear_time() -> None:
    import time

    started = time.perf_counter()
    subgroup("orr in " + "double and " * 200 + "x refractory patients?")
    assert time.perf_counter() - started < 1.0  # exponential backtracking took minutes


def test_a_combination_is_named_by_its_drugs_listed_together() -> None:
    from assistant.absence import uncovered

    stomp = normalize("旨在评估塞利尼索、地塞米松与FDA批准的治疗MM药物联合用于治疗的安全性。")
    xd = [("regimen", ("Xd", "塞利尼索+地塞米松"))]
    assert uncovered(xd, stomp) == []
    # each named apart, in another order or far from each other, is no combination
    assert uncovered(xd, normalize("地塞米松和塞利尼索")) == ["Xd"]
    assert uncovered(xd, normalize("塞利尼索有效。此外，地塞米松可以")) == ["Xd"]


def test_a_number_of_cycles_is_asked_and_never_a_cycles_length() -> None:
    for asks in (
        "how many cycles did STORM patients get on average?",
        "What was the median number of cycles given?",
        "病人一般要吃几个疗程？",
    ):
        assert asked_kind(asks) == "cycles", asks
    assert asked_kind("XVd几周为一个疗程") == "schedule"
    assert asked_kind("How long is each cycle?") == "schedule"
    assert asked_kind("地塞米松从第几个疗程开始减量？") == "number"  # which one, not how many
    # 28 d为1个疗程 defines a cycle; 第2个疗程 is one of them
    for schedule in ("28 d为1个疗程", "从第2个疗程开始"):
        assert not gives(normalize(schedule), "cycles"), schedule
    for count in ("中位接受4个疗程", "前8个疗程2次/周"):
        assert gives(normalize(count), "cycles"), count


def test_a_list_of_days_checked_asks_the_days() -> None:
    for asks in (
        "具体是在第1、8、15、22天打，还是5周每周都打？",
        "Is bortezomib given on days 1, 8, 15 and 22?",
    ):
        assert asked_kind(asks) == "days", asks
    assert not gives(normalize("硼替佐米（1.3 mg/m2，1次/周）"), "days")
    assert gives(normalize("塞利尼索（80 mg，第1、3天）"), "days")


def test_a_p_value_belongs_to_the_comparison_of_its_measure() -> None:
    assert asked_kind("这个差异的P值是多少，算显著吗？") == "p value"
    assert asked_kind("What was the p-value for OS?") == "p value"
    boston = normalize(
        "XVd组在ORR、中位PFS、中位DOR方面均高于Vd组，XVd组病人出现首次反应的中位时间较Vd组"
        "更快（1.1个月比1.4个月）且进行下一次骨髓瘤治疗的时间较Vd组有所延长（16.1个月比"
        "10.8个月，P=0.001 2）。未达到中位OS（风险比HR=0.84，P=0.185 2）"
    )
    assert lacks_value(boston, "p value", [("pfs", "无进展生存期")])  # P=0.001 2 is TTNT's
    assert not lacks_value(boston, "p value", [("os", "总生存期")])


def test_several_things_among_which_one_is_asked_is_no_number() -> None:
    for which in (
        "几个试验里，哪个因血小板减少出现严重出血的概率有所上升？",
        "综述里讲到的几个塞利尼索临床试验中，哪一个是2b期研究？",
    ):
        assert asked_kind(which) is None, which
    assert asked_kind("STOMP有几个队列？") == "number"


def test_a_median_after_a_label_asks_a_number() -> None:
    for asks in ("sel + Mel200 study — median age of the pts?", "STORM: median age?"):
        assert asked_kind(asks) == "number", asks


def test_how_much_a_day_asks_a_dose() -> None:
    for asks in ("Which stimulant, and how much per day?", "哌醋甲酯一天吃多少？"):
        assert asked_kind(asks) == "dose", asks
    assert asked_kind("一天吃多少钱") != "dose"


def test_a_count_may_stand_before_the_clause_describing_the_patients() -> None:
    chari = normalize("Chari等报道了7例在接受CAR-T治疗后病情进展的病人接受Xd+PI治疗的相关数据")
    progression = ("进展", "病情进展", "progression")
    assert not lacks_value(chari, "count", [progression])
    # a count that is not of those patients does not do
    other = normalize("共纳入42名病人，其中多数病人在第3个疗程后才出现病情进展")
    assert lacks_value(other, "count", [progression])


def test_how_many_people_fall_ill_is_answered_by_a_rate_per_population() -> None:
    intro = normalize("据估计我国MM发病率约为每年1~2.5/100 000，且发病率在逐年升高")
    assert not lacks_value(intro, "incidence", [("mm", "多发性骨髓瘤")])
    assert lacks_value(intro, "incidence", [("hyponatremia", "低钠血症")])
    assert lacks_value(intro, "count", [("mm", "多发性骨髓瘤")])  # a rate counts nobody


def test_a_registration_number_is_an_identifier_not_a_figure() -> None:
    for asks in ("STOMP试验的临床编号是多少？", "What is STOMP's NCT number?", "BOSTON的注册号？"):
        assert asked_kind(asks) == "identifier", asks
    assert gives(normalize("STOMP试验（临床编号NCT02343042）"), "identifier")
    assert not gives(normalize("ORR达48%，临床收益率（CRB）达71%"), "identifier")


def test_a_blank_to_fill_asks_the_kind_of_its_unit() -> None:
    assert asked_kind("填空：STORM试验中，t（4；14）病人的中位PFS为___个月。") == "time"
    assert asked_kind("STORM的ORR为___%") == "percent"
    assert asked_kind("BOSTON enrolled ___ patients") == "count"
    assert asked_kind("塞利尼索终末半衰期约为（ ）h") == "hours"
    assert asked_kind("下列哪项正确（ ）A. 口服 B. 静脉") is None  # the option's letter


def test_cytogenetics_are_a_group_in_full_width_brackets_too() -> None:
    assert subgroup("storm试验中，t（4；14）病人的中位pfs是多少个月？")[0] == "high-risk patients"


def test_a_blank_before_what_it_counts_and_a_share_who_ask_numbers() -> None:
    assert asked_kind("The closing section says ___ further phase 3 trials are recruiting.") == (
        "number"
    )
    assert asked_kind("中文关键词共有___个") == "number"
    assert asked_kind("Fill in: selinexor is an ___ drug") is None
    assert asked_kind("Among STORM's patients, the share who needed a transfusion was?") == (
        "percent"
    )
    assert asked_kind("Name the adverse events that led to holds, and give their rates.") == (
        "percent"
    )


def test_how_many_fall_ill_is_an_incidence_and_how_many_die_is_not() -> None:
    for asks in (
        "咱们国家每年大概多少人得骨髓瘤？",
        "How many people in China get myeloma each year?",
    ):
        assert asked_kind(asks) == "incidence", asks
    assert asked_kind("How many people die of myeloma in China each year?") == "count"
    assert gives(normalize("我国MM发病率约为每年1~2.5/100 000"), "incidence")
    assert not gives(normalize("实验共纳入122例RRMM病人"), "incidence")


def test_a_measure_quoted_with_its_figure_is_known_not_asked() -> None:
    english = normalize(
        "storm reported a 15.6-month median os for patients reaching a minimal response — "
        "what was the median pfs in that same group?"
    )
    assert quoted(english, OS) and not quoted(english, PFS)
    chinese = normalize("达到最小反应的病人中位os是15.6个月，那他们的中位pfs是多少？")
    assert quoted(chinese, OS) and not quoted(chinese, PFS)
    # a grade or a phase is no figure quoted; a measure never mentioned is not quoted
    assert not quoted(normalize("grade 3 thrombocytopenia: what was the orr?"), ORR)


def test_clauses_quoting_a_figure_are_not_what_is_asked() -> None:
    assert unquoted("STORM's ORR was 26%; what was its median DOR?") == " what was its median DOR?"
    assert asked_kind(unquoted("STORM's ORR was 26%; what was its median DOR?")) == "number"
    assert (
        unquoted("卡非佐米队列临床收益率71%，那泊马度胺队列的是多少？")
        == "那泊马度胺队列的是多少？"
    )
    # unchanged when nothing earlier is quoted, or only the last clause quotes
    for same in (
        "sel + Mel200 study — median age of the pts?",
        "Was the ORR 26% or 29%?",
        # the clause quoting a figure is the one that asks; the last asks nothing
        "How many of the 21 patients in the carfilzomib cohort stopped treatment, overall?",
    ):
        assert unquoted(same) == same


def test_a_share_of_patients_who_stopped_is_theirs() -> None:
    """ "XKd discontinuation rate": the cohort's ORR of 48% is no share of those who stopped."""
    from assistant.glossary import load_glossary
    from assistant.quantity import measures

    glossary = load_glossary()
    asked = measures(glossary.expand("XKd discontinuation rate due to AEs"), "percent")
    assert any("discontinuation" in m for m in asked)
    xkd = normalize("直至因不良反应无法耐受停止……ORR达48%，临床收益率（CRB）达71%")
    assert lacks_value(xkd, "percent", asked)
    # a dose asked takes no measure: a drug's dose is its own
    assert not measures(glossary.expand("discontinuation dose of selinexor"), "dose")


def test_hours_asked_of_a_cell_event_belong_to_it() -> None:
    """ "多少小时开始凋亡": the 3~4 h of the blood peak are not apoptosis's."""
    from assistant.glossary import load_glossary
    from assistant.quantity import measures

    asked = measures(load_glossary().expand("用药后多少小时开始凋亡？"), "hours")
    assert any("凋亡" in m for m in asked)
    pk = normalize("给药后3~4 h，血药浓度达到峰值，重复给药不会导致药物在血液中明显蓄积")
    assert lacks_value(pk, "hours", asked)
    assert not lacks_value(pk, "hours", [])


def test_alternatives_are_the_concepts_around_or() -> None:
    from assistant.absence import alternatives

    elt, rom, tpo = ("eltrombopag", "艾曲泊帕"), ("romiplostim", "罗米司亭"), ("TPO-RA",)
    pairs = alternatives("Which TPO-RA, eltrombopag or romiplostim, is preferred?", [tpo, elt, rom])
    assert pairs == [(elt, rom)]
    assert alternatives("艾曲泊帕还是罗米司亭？", [elt, rom]) == [(elt, rom)]
    assert alternatives("eltrombopag dose?", [elt, rom]) == []


def test_a_group_named_between_two_trials_is_one_trials() -> None:
    """group_owner: a group between two named trials belongs to the one a preposition leads
    to, else to the one before it; named before or after them all, it is every trial's."""
    from assistant.subgroup import group_owner

    def owner(question: str, trials: dict[str, str]) -> str | None:
        group = subgroup(question)
        where = [(question.index(name), hit) for name, hit in trials.items()]
        return group_owner(question, group, list(trials.values()), where)

    both = {"lenalidomide": "len", "daratumumab": "dara"}
    q = "the lenalidomide cohort or the double-refractory patients in the daratumumab cohort?"
    assert owner(q, both) == "dara"
    q = "达雷妥尤单抗队列中双重难治病人的orr和来那度胺队列的orr"
    assert owner(q, {"达雷妥尤单抗": "dara", "来那度胺": "len"}) == "dara"
    q = "among pi-refractory patients, the bortezomib or the carfilzomib cohort?"
    assert owner(q, {"bortezomib": "bor", "carfilzomib": "car"}) is None
    assert group_owner("the orr of storm and boston?", None, ["a", "b"], [(8, "a")]) is None
    # the group inside the last cohort named ("…队列里的双重难治病人"), or led into the first
    q = "来那度胺队列，与达雷妥尤单抗队列里的双重难治病人相比，哪个缓解率更高？"
    assert owner(q, {"来那度胺": "len", "达雷妥尤单抗": "dara"}) == "dara"
    # "A与B…相比" sets A beside B: the group inside B is B's
    q = "来那度胺队列的orr与达雷妥尤单抗队列中的双重难治病人相比哪个高？"
    assert owner(q, {"来那度胺": "len", "达雷妥尤单抗": "dara"}) == "dara"
    # ... joined to the one before, it is both's
    q = "来那度胺队列和达雷妥尤单抗队列中双重难治病人的orr，哪个更高？"
    assert owner(q, {"来那度胺": "len", "达雷妥尤单抗": "dara"}) is None
    q = "the double-refractory patients in the daratumumab cohort or the lenalidomide cohort?"
    assert owner(q, {"daratumumab": "dara", "lenalidomide": "len"}) == "dara"


def test_kinds_worded_another_way() -> None:
    """A registration number given names the trial, it is not asked; figures asked in a unit
    of time are times; "what number achieved" counts patients; "day-to-day" asks no day;
    周几 asks the days of a week, 一周几次 how often."""
    assert (
        asked_kind("注册号为nct02336815的那项2b期研究，入组病人的年龄中位数是多少？")
        != "identifier"
    )
    assert (
        asked_kind("for the trial with registration number nct03110562, how many were enrolled?")
        != "identifier"
    )
    assert asked_kind("storm的注册号是多少？") == "identifier"
    assert asked_kind("what is the registration number of boston?") == "identifier"
    figures = "boston's xvd arm had a longer median dor — what were the actual figures for each, in months?"
    assert asked_kind(figures) == "time"
    assert asked_kind("xvd had a longer pfs. what were the actual figures?") == "number"
    assert asked_kind("of the 122 enrolled in storm, what number achieved mr or better?") == "count"
    assert asked_kind("which day-to-day measures does the article recommend?") is None
    assert asked_kind("xvd组每周两次的地塞米松，是在周几服？") == "days"
    assert asked_kind("前8个疗程硼替佐米一周几次？") == "frequency"


def test_a_combination_is_named_with_words_between_its_drugs() -> None:
    """ "塞利尼索、地塞米松与…联合" names 塞利尼索+地塞米松; drugs apart in a dosing list do not."""
    assert mentions(
        normalize("旨在评估塞利尼索、地塞米松与fda批准的治疗mm药物联合"), "塞利尼索+地塞米松"
    )
    assert mentions(normalize("selinexor与地塞米松联合或单独使用"), "selinexor+地塞米松")
    assert not mentions(
        normalize("塞利尼索（60 mg，1次/周），地塞米松（40 mg）"), "塞利尼索+地塞米松"
    )


def test_a_dose_asked_in_milligrams() -> None:
    assert asked_kind("每次给药剂量：塞利尼索几mg？") == "dose"
    assert asked_kind("地塞米松吃几毫克？") == "dose"


def test_several_is_no_question_word() -> None:
    """好几次 says "several times": the question asks no frequency."""
    assert asked_kind("一周吃好几次会不会在身体里越积越多？") is None
    assert asked_kind("一周吃几次？") == "frequency"


def test_how_often_something_happens_is_answered_in_words_or_figures() -> None:
    """How often neuropathy happens is answered by "发生率极低" as by a percent."""
    assert gives(normalize("值得庆幸的是，周围神经病变发生率极低。"), "rate")
    assert gives(normalize("3级血小板减少发生率为25%"), "rate")
    # a change against a comparator is no level: "发生率明显降低" says less than Vd
    assert not gives(normalize("周围神经病变发生率明显降低"), "rate")
    assert not gives(normalize("给药后3~4 h，血药浓度达到峰值"), "rate")


def test_patients_of_one_schedule_are_a_group() -> None:
    """Patients of one schedule ("每周只吃1次的病人", "patients dosed on the twice-weekly schedule": a group whose count
    the review never gives apart from its cohort's."""
    from assistant.subgroup import DOSE_GROUP

    for question in (
        "硼替佐米队列里塞利尼索每周只吃1次的病人有几个？",
        "how many patients in the arm had been dosed on the twice-weekly schedule?",
    ):
        group = subgroup(question.lower())
        assert group is not None and group[0] == DOSE_GROUP, question


def test_a_combination_worded_in_english_is_mentioned() -> None:
    """A patient who "takes selinexor with bortezomib" is named as on selinexor + bortezomib; "selinexor, then
    bortezomib" and a drug named alone do not."""
    text = normalize("my husband takes selinexor with bortezomib and has diarrhoea")
    assert mentions(text, "selinexor + bortezomib")
    assert mentions(normalize("selinexor plus dexamethasone"), "selinexor + dexamethasone")
    assert not mentions(normalize("selinexor, then bortezomib"), "selinexor + bortezomib")
    assert not mentions(text, "selinexor + dexamethasone")


def test_a_share_asked_by_its_sign_or_by_zhan() -> None:
    """A percent sign standing for the number ("grade 3+ thrombocytopenia %") and 占多少 ask a
    percent; a figure the question quotes ("ORR 26%") is no percent sign standing alone."""
    assert asked_kind("boston xvd grade 3+ thrombocytopenia %") == "percent"
    assert asked_kind("what % had grade 3 nausea?") == "percent"
    assert asked_kind("xvd方案里需要把塞利尼索减量的病人占多少？") == "percent"
    assert asked_kind("高危病人占了几成？") == "percent"
    assert asked_kind("boston的402人中xvd组占多少？") is None  # 195 of them: a count answers too
    assert asked_kind("does adding selinexor give a better orr in boston?") is None
    assert asked_kind("give the exact response rate for the double-refractory patients.") == (
        "percent"
    )
    assert asked_kind("storm纳入了多少病人？") == "count"


def test_progression_that_says_who_the_patients_are_is_no_measure() -> None:
    """ "CAR-T后进展的病人…占几成" measures their responses, not progression; "进展率" does."""
    from assistant.glossary import load_glossary

    glossary = load_glossary()

    def measured(question: str) -> list[str]:
        return [m[0] for m in measures(glossary.expand(question), asked_kind(question))]

    assert "pd" not in measured("Chari那7例CAR-T后进展的病人里，疗效最差的是什么反应？占几成？")
    assert "pd" not in measured("Of the patients who progressed after CAR-T, what % reached PR?")
    assert "pd" in measured("CAR-T后进展的病人里，再次疾病进展的比例是多少？")


def test_numbers_asked_in_words_and_statistics_of_a_maximum() -> None:
    """ "Numerically", "in per cent" and 百分点 ask figures; the most a dose may be raised to is
    a maximum, which a recommended dose does not give."""
    assert asked_kind("numerically, how did the response rate compare?") == "number"
    assert asked_kind("how common is fatigue, in per cent?") == "percent"
    assert asked_kind("非难治组的orr比难治组高出几个百分点？") == "percent"
    assert asked_kind("was there an increase in numbers of lytic lesions?") is None
    from assistant.quantity import lacks_statistic

    assert (
        lacks_statistic("哌醋甲酯最多可以加到每天多少毫克？", "推荐给药剂量为每天10 mg")
        == "maximum"
    )
    assert lacks_statistic("the maximum daily dose of methylphenidate?", "每天10 mg") == "maximum"
    assert lacks_statistic("哌醋甲酯推荐每天多少？", "推荐给药剂量为每天10 mg") is None
    # the highest of the doses a trial gave is among them: no cap asked
    assert lacks_statistic("泊马度胺最大剂量是多少？", "2 mg、3 mg或4 mg") is None


def test_a_share_among_evaluable_patients_measures_the_responders() -> None:
    """The evaluable patients a share is taken among are its denominator, not its measure:
    86% in "可评估疗效的病人7例，ORR达86%" answers "what percentage of the evaluable patients
    responded?"; "what share were evaluable?" still measures them."""
    from assistant.quantity import _AMONG_EVALUABLE

    assert _AMONG_EVALUABLE.search("what percentage of the evaluable patients responded?")
    assert _AMONG_EVALUABLE.search("可评估的病人中，有效的比例是多少？")
    assert not _AMONG_EVALUABLE.search("what percentage of patients were evaluable?")


def test_an_english_full_stop_ends_a_quoted_clause() -> None:
    """ "the ORR was 63%. What median PFS…?" quotes the ORR and asks the PFS, a time; a decimal
    point ends nothing."""
    from assistant.quantity import quoted, unquoted

    question = "In that cohort the ORR was 63%. What median PFS did it report?"
    assert unquoted(question) == " What median PFS did it report?"
    flat = normalize("The ORR came out at 48%. What were the CBR and the OS?").lower()
    assert quoted(flat, ("orr",)) and not quoted(flat, ("cbr",))
    assert quoted(normalize("a 15.6-month median OS").lower(), ("os",))


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Was grade 3–4 thrombocytopenia seen in more than half of STORM patients?", "percent"),
        ("STORM里是不是有超过四分之一的病人因为副作用退出了治疗？", "percent"),
        ("For pomalidomide-exposed patients, did XPd still give an ORR above 50%?", "percent"),
        ("XKd队列中双重难治病人的ORR是不是也在48%左右？", "percent"),
        ("听说加了塞利尼索后有效率能到七成六，是这个数吗？", "percent"),
        ("Did responses in Chari's series last longer than six months?", "time"),
        ("从CAR-T失败到开始Xd+PI，中间是不是隔了半年以上？", "time"),
        ("Were about 30 patients treated in STOMP's daratumumab cohort?", "count"),
        ("STORM里塞利尼索每次给药超过100 mg吗？", "dose"),
    ],
)
def test_a_figure_put_up_to_be_checked_asks_its_kind(question: str, kind: str) -> None:
    """A yes-or-no question setting a figure against a measure ("more than half", "超过一半",
    "左右") asks the measure's value: only a passage giving one can settle it."""
    assert asked_kind(question.lower()) == kind


@pytest.mark.parametrize(
    "question",
    [
        "Did patients with more than 3 prior lines respond?",  # the figure says who, no unit
        "Is selinexor better than bortezomib?",
        "STORM's ORR was 26%",  # a statement, no question
        "BOSTON是3期试验吗？",  # a phase, not a figure of a kind asked
    ],
)
def test_no_figure_checked(question: str) -> None:
    """A figure with no unit of a kind, a comparison of drugs, a statement, a phase: nothing
    put up against a measure's value."""
    from assistant.quantity import checked_kind

    assert checked_kind(question.lower()) is None


def test_a_rank_asks_a_place_and_pills_a_dose_and_age_a_number() -> None:
    """ "Where does myeloma rank in how often it occurs?" is answered by 居第2位, no rate;
    "一天最多吃几粒" asks a dose; "how old" asks a number (an age)."""
    assert (
        asked_kind("among blood cancers, where does myeloma rank in how often it occurs?") is None
    )
    assert asked_kind("mm在血液肿瘤里排第几？") is None
    assert asked_kind("医生让备点洛哌丁胺，一天最多可以吃几粒？") == "dose"
    assert asked_kind("how old were boston participants at the median?") == "number"


def test_an_ending_inside_a_known_term_names_nothing() -> None:
    """The 癌 of 抗癌 in "起到抗癌效果" belongs to the glossary term the question matched; the
    单抗 a name ends with (贝兰妥单抗) is still a name."""
    corpus = "塞利尼索通过诱导恶性肿瘤细胞的凋亡而发挥抗肿瘤作用"
    assert unknown_drugs("从而起到抗癌效果的？", corpus, ["抗癌"]) == []
    assert unknown_drugs("贝兰妥单抗有效吗？", corpus, ["单抗"]) == ["兰妥单抗"]


@pytest.mark.parametrize(
    "question",
    [
        "Is selinexor's half-life about 6 hours?",
        "Was the STORM median OS more than half a year?",
        "Was the Vd arm's median OS above two and a half years?",
        "Was the STORM median DOR more than a third of a year?",
        "Does it take about 6 hours for half of the drug to be gone?",
        "药物在体内减少一半是不是大约需要6小时？",
        "Were STORM patients about 65 years old at the median?",
        "In the RP2D of the bortezomib cohort, was selinexor taken more than once a week?",
    ],
)
def test_halves_ages_and_schedules_are_no_figures_checked(question: str) -> None:
    """A half-life, half a year, an age in years or "more than once a week" is no share, time
    or figure put up against a measure (a helper's review of the rule found each refused)."""
    from assistant.quantity import checked_kind

    assert checked_kind(question.lower()) is None


def test_an_age_said_in_passing_asks_nothing() -> None:
    """ "我爸七十几岁了" tells the patient's age; "几岁" alone asks one."""
    assert asked_kind("我爸七十几岁了，塞利尼索的药代动力学会不会因为年龄不同而不同？") is None
    assert asked_kind("storm研究里的病人几岁？") == "number"
    assert asked_kind("塞利尼索吃几片，什么时候达峰？") != "dose"
