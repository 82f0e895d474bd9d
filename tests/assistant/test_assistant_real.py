"""The real assistant: real e5 model, real FAISS index, real answers and citations."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant import Answer, InvalidQuestion

pytestmark = pytest.mark.slow


def _assert_cited(assistant, cases) -> None:
    """Each question is answered, its first citation from the section given."""
    for question, section in cases:
        answer = assistant.ask(question)
        assert answer.answered and answer.citations[0].section == section, question


def _assert_refused(assistant, questions) -> None:
    """Each question is refused: the review does not answer it."""
    for question in questions:
        assert not assistant.ask(question).answered, question


def check_citations(answer: Answer, doc) -> None:
    """Each [n] maps to a citation whose sentence lies, exactly, in its passage and document."""
    from corpus.text import strip_ref_marks

    for cite in answer.citations:
        assert f"[{cite.marker}]" in answer.answer
        passage = doc.passage(cite.passage_id)
        assert cite.text in passage.text
        assert strip_ref_marks(doc.text[cite.start : cite.end]).strip() == cite.text
        assert cite.text in answer.answer  # quoted verbatim: numbers never rephrased


@pytest.mark.parametrize(
    ("question", "lang", "section", "fact"),
    [
        ("STORM试验中塞利尼索联合地塞米松的客观缓解率是多少？", "zh", "3.1", "26%"),
        (
            "What overall response rate did selinexor plus dexamethasone achieve in STORM?",
            "en",
            "3.1",
            "26%",
        ),
        ("What is the terminal half-life of selinexor?", "en", "2", "6 h"),
        ("What is the half-life of selinexor given with dexamethasone?", "en", "2", "6 h"),
        (
            "The XKd cohort reported an OS of 22.4 months. What was the median PFS of that cohort?",
            "en",
            "3.2.2",
            "3.7个月",
        ),
        ("塞利尼索最常见的3~4级不良反应是什么？", "zh", "4.1", "血小板减少"),
        # the kind of value asked (a dose) picks the dosing sentence over the design one
        ("Which doses of selinexor and dexamethasone did STORM use?", "en", "3.1", "80 mg"),
        ("How many patients did the STOMP carfilzomib cohort enroll?", "en", "3.2.2", "21例"),
        # a figure for a group, stated in the clause after the one naming it
        (
            "What median PFS did XPd give patients refractory to both pomalidomide and lenalidomide?",
            "en",
            "3.2.3",
            "4.2个月",
        ),
        # everyday words: a named side effect needs no "不良反应" in the cited passage
        ("塞利尼索会引起手脚发麻这种副作用吗？", "zh", "4.6", "周围神经病变"),
        ("STORM sample size?", "en", "3.1", "122例"),
        ("STORM mPFS?", "en", "3.1", "3.7个月"),
        ("Did XVd improve PFS over Vd?", "en", "3.3", "均高于Vd组"),
        ("Did quad-refractory patients respond in STORM?", "en", "3.1", "四重、五重难治"),
        # a supportive drug the review never names is covered by its class (5-HT3 antagonists)
        (
            "Can a patient with nausea on selinexor take ondansetron?",
            "en",
            "4.3",
            "5-羟色胺3受体拮抗剂",
        ),
        # a figure the question quotes picks the passage stating it
        ("Which STOMP cohort had a clinical benefit rate of 71%?", "en", "3.2.2", "71%"),
        ("哪个队列的中位PFS是12.5个月？", "zh", "3.2.5", "12.5个月"),
        # a trial's aim sentence answers its design
        ("BOSTON试验是几期研究？", "zh", "3.3", "3期"),
        # a class asked about is in the review when its members are
        (
            "Which anti-CD38 antibody was combined with selinexor in STOMP?",
            "en",
            "3.2.5",
            "达雷妥尤单抗",
        ),
        # a class asked about is named by its member (dexamethasone is a corticosteroid)
        ("Which steroid is selinexor given with in STORM?", "en", "3.1", "地塞米松"),
        # an endpoint is named by the passage's OS, subgroups by its two groups, hemoglobin
        # by its anemia
        ("Which endpoint does BOSTON's hazard ratio of 0.84 refer to?", "en", "3.3", "OS"),
        ("STOMP硼替佐米队列的病人分成了哪两个亚组？", "zh", "3.2.1", "非难治组"),
        # ... and a passage naming none of them (BOSTON's dosing) does not answer
        ("In BOSTON, which arm had more drops in hemoglobin, XVd or Vd?", "en", "4.2", "贫血"),
        ("BOSTON里XVd组和Vd组，谁的血红蛋白更低？", "zh", "4.2", "贫血"),
        # the scene (the regimen a patient is on) need not be named by the answer
        (
            "My patient on XPd keeps vomiting. What does the review recommend for severe vomiting?",
            "en",
            "4.3",
            "奥氮平",
        ),
        ("病人在用XKd，吐得很厉害。综述推荐用什么药止吐？", "zh", "4.3", "奥氮平"),
        # ... unless the question points back to it: "it" is the scene's vomiting
        (
            "A patient on selinexor has mild vomiting. Can steroids help with it?",
            "en",
            "4.3",
            "类固醇",
        ),
        # hours asked, hours given (Tmax worded as the review words it: 达到峰值)
        (
            "How many hours after a dose does selinexor reach its peak concentration?",
            "en",
            "2",
            "3~4 h",
        ),
        # not a landmark PFS rate, not an age group, not a proper name, not a scene's relative
        ("Which cohort reached a 12.5-month PFS?", "en", "3.2.5", "12.5个月"),
        ("Which adverse events of grade 3 or above were most common?", "en", "4.1", "血小板减少"),
        ("Is selinexor used With Daratumumab?", "en", "3.2.5", "达雷妥尤单抗"),
        (
            "My patient's hemoglobin is 7. What does the review recommend for severe vomiting?",
            "en",
            "4.3",
            "奥氮平",
        ),
        ("病人在用XKd，吐得很厉害。应该用什么药止吐？", "zh", "4.3", "奥氮平"),
        # a named adverse event: passages that never name it are passed over, however high
        # dense similarity ranks them for a colloquial question
        ("病人吃塞利尼索后拉肚子了，能给易蒙停吗？", "zh", "4.3", "洛哌丁胺"),
        ("药师：塞利尼索治疗中开奥氮平是为了什么？", "zh", "4.3", "奥氮平"),
        # significance is spoken of where a P value is given
        ("BOSTON中XVd组到下一次治疗的时间比Vd组长，差异有统计学意义吗？", "zh", "3.3", "P=0.001"),
        # a group named in a sentence asking no value is not whom the value is for
        ("STORM有没有纳入del(17p)的病人？整个研究的ORR是多少？", "zh", "3.1", "26%"),
        # which did better: a sentence comparing them answers
        ("在BOSTON研究中，XVd和Vd哪组PFS更长？", "zh", "3.3", "均高于Vd组"),
        # 几个 in the scene is "several": no number is asked
        ("我有个病人换了几个方案都耐药。塞利尼索是怎么阻断核输出的？", "zh", "2", "XPO-1"),
        # "response" is named by the passage's ORR (a kind of response)
        (
            "How many patients of the STOMP lenalidomide cohort were evaluable for response?",
            "en",
            "3.2.4",
            "7例",
        ),
        # an abbreviation's full name: the passage spelling it out, wherever it ranks
        ("What does NDMM stand for in this review?", "en", "1", "新诊断（NDMM）"),
        # how many of a series were given one treatment is stated in its own clause
        ("Chari系列中接受XKd的病人有几例？", "zh", "3.5", "5例给予XKd"),
        # the count before the clause describing whom it counts
        ("CAR-T后进展再用Xd+PI的一共几例？", "zh", "3.5", "7例在接受CAR-T治疗后"),
        # a registration number, not a figure of the cohort's results
        ("STOMP试验的临床编号是多少？", "zh", "3.2", "NCT02343042"),
        # a trial named by what only it is: its phase, its design, its size
        (
            "In the randomized phase 3 study that compared the once-weekly triplet with "
            "twice-weekly bortezomib and dexamethasone, how many patients were enrolled?",
            "en",
            "3.3",
            "402名",
        ),
        ("那项纳入122人的2b期研究里，中位OS是多少？", "zh", "3.1", "8.6个月"),
        # multiple choice: the options the review never names are distractors
        ("下列哪项是综述所述MM的主要临床表现？A. 脾大 B. 感染 C. 皮疹", "zh", "intro", "感染"),
        # ranked by the stem: a wrong option with a section of its own does not lead
        (
            "Which of these is a main clinical manifestation of myeloma? (A) splenomegaly "
            "(B) infection (C) peripheral neuropathy (D) skin rash",
            "en",
            "intro",
            "感染",
        ),
        (
            "Multiple choice: selinexor binds which residue of XPO-1? (A) serine 10 "
            "(B) cysteine 528 (C) lysine 48",
            "en",
            "2",
            "半胱氨酸528",
        ),
        ("填空：STORM试验的中位OS为___个月。", "zh", "3.1", "8.6个月"),
        # of two phases offered, the one the review states
        ("BOSTON算Ⅱ期还是Ⅲ期？", "zh", "3.3", "3期"),
        # lay words: red cells fall as anaemia; a salt problem is an electrolyte disturbance
        ("Will the pills lower his red blood cells?", "en", "4.2", "贫血"),
        ("Which salt problem in the blood is common on this pill?", "en", "4.4", "低钠血症"),
        # one route checked is answered by the route the review states
        ("塞利尼索是静脉给药的吗？", "zh", "2", "口服"),
        ("Is this medicine a drip, or something you take by mouth?", "en", "2", "口服"),
        # lay words: wiped out is fatigue
        ("I feel completely wiped out on this pill. What can help?", "en", "4.5", "加强锻炼"),
        # a blood level that tops out is a peak; 达雷妥尤单抗 is an antibody
        ("How many hours after a dose does the blood level top out?", "en", "2", "3~4 h"),
        (
            "What median PFS did antibody-naive patients reach with the CD38-targeting "
            "antibody arm?",
            "en",
            "3.2.5",
            "12.5个月",
        ),
        # kinetics that do not differ by age answer for the old
        ("老年人的塞利尼索半衰期会不一样吗？", "zh", "2", "年龄、性别和种族上差异无统计学意义"),
        (
            "According to the closing section, in which other tumours is selinexor being tested?",
            "en",
            "5",
            "淋巴瘤",
        ),
        # how many fall ill a year: the incidence per 100 000
        ("How many people in China get myeloma each year?", "en", "intro", "1~2.5/100 000"),
        # each thing asked is cited: the exposure sentence, and the pathway's
        (
            "Does selinexor AUC rise with the dose, and which signalling pathway does it restrain?",
            "en",
            "2",
            "核因子κB",
        ),
        # a claim is checked against what the review says, though it names a wrong figure
        ("同事说STORM里的中位DOR是8.6个月，对吗？", "zh", "3.1", "4.4个月"),
        # a claim adding what the review never says (routine prophylaxis) is still checked
        # against what it says of its subject
        ("听说吃塞利尼索周围神经病变很多见，还得常规预防，是这样吗？", "zh", "4.6", "周围神经病变"),
        # a reason for a change the review reports, which it gives (因…难以耐受)
        (
            "Why was the twice-weekly bortezomib schedule dropped in STOMP?",
            "en",
            "3.2.1",
            "周围神经病变",
        ),
        # the patients asked about are those the passage speaks of
        (
            "Did double-refractory patients respond to selinexor plus carfilzomib?",
            "en",
            "3.2.2",
            "双重难治",
        ),
        # an acronym asked about, unquoted beside Chinese: the passage spelling it out
        ("ORR是什么意思？", "zh", "3.1", "客观缓解率（ORR）"),
        # "in total" of a regimen is its cohort's count
        ("XPd方案一共入组了多少病人？", "zh", "3.2.3", "48例"),
        # a value to work out is answered by the figures it comes from
        ("STORM按122例、ORR 26%粗算，大概有多少人有效？", "zh", "3.1", "26%"),
        # a cause the review gives for an adverse event
        ("Why do patients feel so tired on selinexor?", "en", "4.5", "可能与药物本身有关"),
        # one of two alternatives is enough: the review never speaks of fixed doses
        (
            "Was the carfilzomib cohort given fixed doses or dose escalation?",
            "en",
            "3.2.2",
            "剂量递增",
        ),
        # a regimen may be one of two ways offered: single agent or in combination
        (
            "When the FDA approved selinexor, was it as a single agent or in combination?",
            "en",
            "abstract-en",
            "in combination with dexamethasone",
        ),
        # a calendar date asked for, not the days of a schedule
        ("塞利尼索在美国获批的日期是哪一天？", "zh", "abstract-zh", "2019年7月3日"),
        # one transplant of two offered: the review never speaks of allogeneic ones
        ("塞利尼索用于自体移植还是异基因移植的预处理？", "zh", "3.4", "ASCT前预处理"),
        # the cited passage names one of the two offered: tolerability, not response rates
        (
            "大剂量美法仑预处理的那项研究，综述给出的是缓解率还是只有耐受性？",
            "zh",
            "3.4",
            "良好的耐受性",
        ),
        # a race is named where the review speaks of race; the asker's setting is no subject
        (
            "Clinical pharmacist at a county hospital: my patient is Asian. Does selinexor "
            "clearance differ by race?",
            "en",
            "2",
            "种族",
        ),
        ("同事PPT上写STORM入组了100例，综述里是多少例？", "zh", "3.1", "122例"),
        # a best response is named by the response reached
        (
            "What best response did the STORM patients who relapsed after CAR-T reach?",
            "en",
            "3.1",
            "部分缓解",
        ),
        # what the review never names, named only by the scene or the asker's label, when the
        # question proper asks about something of its own
        (
            "Writing a guideline summary: what hazard ratio for overall survival did BOSTON "
            "report?",
            "en",
            "3.3",
            "HR=0.84",
        ),
        (
            "病人有糖尿病，血糖控制一般。塞利尼索三联方案最常见的不良反应是什么？",
            "zh",
            "4.1",
            "血小板减少",
        ),
        # the drugs of the patient's history are not what is asked, and a group named after the
        # cohort's ORR is asked how it did, not for an ORR of its own
        (
            "病人70岁，来那度胺和硼替佐米都用过了，现在考虑塞利尼索+卡非佐米+地塞米松。"
            "STOMP卡非佐米队列的ORR是多少？像他这样的双重难治病人效果怎么样？",
            "zh",
            "3.2.2",
            "48%",
        ),
        (
            "My patient progressed on lenalidomide and bortezomib. What ORR did the STOMP "
            "carfilzomib cohort reach, and how did double-refractory patients like him do?",
            "en",
            "3.2.2",
            "48%",
        ),
        # blinding is answered by "open-label", though the review never says "double-blind"
        ("Was the BOSTON trial double-blind?", "en", "3.3", "开放标签"),
        # a keyword list and an abstract named in the other language are what is asked
        ("英文关键词里有哪几个词？", "zh", "keywords-en", "Antibodies, monoclonal"),
        ("中文摘要说塞利尼索是和哪个药联用获批的？", "zh", "abstract-zh", "地塞米松"),
        # a section named by its number is searched first (XPO-1 is also in section 2)
        (
            "What does section 1 say XPO-1 overexpression may be associated with?",
            "en",
            "1",
            "溶骨性病变",
        ),
        # translocations are named by the ones the review lists
        (
            "Which translocations did some STORM patients carry?",
            "en",
            "3.1",
            "t（4；14）",
        ),
        # a figure quoted as a response's: the sentence stating it says whose it is
        (
            "Is the 15.6-month median OS in STORM that of patients reaching a partial response?",
            "en",
            "3.1",
            "15.6个月",
        ),
        # a newcomer's first questions, short as typed into a chat box
        ("What is selinexor?", "en", "abstract-en", "oral selective inhibitor"),
        ("塞利尼索是什么药？", "zh", "abstract-zh", "口服选择性核输出蛋白抑制剂"),
        ("How does selinexor work?", "en", "2", "阻断XPO-1的核输出功能"),
        ("塞利尼索的主要不良反应有哪些？", "zh", "4.1", "最常见的不良反应为3~4级血小板减少"),
        ("What are the main side effects of selinexor?", "en", "4.1", "血小板减少"),
        ("How should nausea be managed?", "en", "4.3", "5-羟色胺3受体拮抗剂"),
        ("恶心呕吐怎么处理？", "zh", "4.3", "5-羟色胺3受体拮抗剂"),
        ("What dose of selinexor was used in BOSTON?", "en", "3.3", "100 mg"),
        ("STORM用的什么剂量？", "zh", "3.1", "80 mg"),
        # the section titled by the adverse event asked about, over another's passing mention
        ("How are low platelets managed?", "en", "4.1", "输注血小板"),
        ("will it cause nerve damage in my feet?", "en", "4.6", "极低"),
        ("骨髓瘤有哪些症状？", "zh", "intro", "骨痛"),  # 临床表现 are its symptoms
        ("塞利尼索还在试别的癌吗", "zh", "5", "淋巴瘤"),
        # "what is" a trial: the sentence saying what it is, its aim included
        ("What is STORM?", "en", "3.1", "2b期研究"),
        ("BOSTON是什么研究？", "zh", "3.3", "3期、随机、对照"),
        ("How is selinexor taken?", "en", "5", "口服"),
        # a dose asked with no drug named is the review's drug's, not methylphenidate's
        ("顽固性乏力可以用什么药物？每天推荐剂量是多少？", "zh", "4.5", "10 mg"),
        ("塞利尼索加达雷 双难治的ORR", "zh", "3.2.5", "73%"),
        ("STOMP是什么试验？", "zh", "3.2", "开放标签试验"),  # "STOMP试验（…），是一项…"
        ("What's selinexor?", "en", "abstract-en", "oral selective inhibitor"),
        ("What's the dose for fatigue?", "en", "4.5", "10 mg"),  # the remedy's dose
        # a country asked about: the sentence naming it, or its institution (FDA: the US)
        ("How many Chinese patients were treated after CAR-T?", "en", "3.5", "我国报道了2例"),
        ("我国MM发病率是多少？", "zh", "intro", "1~2.5/100 000"),
        ("Is selinexor approved in the US?", "en", "abstract-en", "FDA"),
        ("塞利尼索是口服还是静脉给药？", "zh", "2", "口服给药"),  # the route asked, stated
        ("hypoNa on sel — mostly G1-2?", "en", "4.4", "1~2级"),  # clinicians' shorthand
        # who asks and on what occasion (a follow-up call) is no subject of the answer
        ("护士随访：病人总是没劲，有什么非药物的办法？", "zh", "4.5", "加强锻炼"),
        ("BOSTON的OS的P值是多少？", "zh", "3.3", "P=0.185 2"),
        ("Which stimulant helps fatigue, and how much per day?", "en", "4.5", "10 mg"),
        # a country that is only where the patient is; a dose checked against the review; a
        # count of cycles it gives; 比较 ("fairly") compares nothing
        ("国内病人吃塞利尼索恶心，怎么处理？", "zh", "4.3", "恶心"),
        ("Is the STORM selinexor dose 120 mg?", "en", "3.1", "80 mg"),
        (
            "For how many cycles was bortezomib given twice weekly in the Vd arm of BOSTON?",
            "en",
            "3.3",
            "前8个疗程",
        ),
        ("低钠血症比较严重吗？", "zh", "4.4", "症状较轻"),
        # a trial's own section before the summary naming every trial
        ("What kind of trial is STOMP?", "en", "3.2", "多中心"),
        ("What is the route of administration of selinexor?", "en", "2", "口服"),
        # white cells fall mostly as neutrophils; a lab test reported with its finding is
        # how the asker knows, not what is asked
        ("白细胞低了，还能继续吃塞利尼索吗？", "zh", "4.2", "中性粒"),
        ("化验单上白细胞低了，还能继续吃塞利尼索吗？", "zh", "4.2", "中性粒"),
        (
            "Could selinexor get a double-refractory patient back into remission?",
            "en",
            "5",
            "再次得到缓解",
        ),
        # capitals for emphasis name nothing; options the review names only through their
        # relatives (anti-CD38 antibodies) are distractors like any other
        (
            "Which of these is NOT named for severe vomiting on selinexor? "
            "(A) olanzapine (B) rolapitant (C) loperamide",
            "en",
            "4.3",
            "洛哌丁胺",
        ),
        (
            "Per the English abstract, selinexor is (A) an anti-CD38 monoclonal antibody "
            "(B) an oral selective inhibitor of nuclear export (C) an injectable PI",
            "en",
            "abstract-en",
            "inhibitor of nuclear export",
        ),
        # myeloma patients, as the title names them: the cohort's count is theirs
        ("How many myeloma patients did the STOMP bortezomib cohort enroll?", "en", "3.2.1", "42"),
        # RRMM patients are relapsed patients
        ("STOMP硼替佐米队列纳入了多少例复发病人？", "zh", "3.2.1", "42名RRMM病人"),
        # Chinese grammar around English terms: a Chinese answer
        (
            "BOSTON里XVd和Vd的median time to first response各是多少？",
            "zh",
            "3.3",
            "1.1个月比1.4个月",
        ),
        # a cytopenia is named by the low count of one kind
        (
            "塞利尼索方案中最常见的不良反应是哪一种血细胞减少？通常为几级？",
            "zh",
            "4.1",
            "3~4级血小板减少",
        ),
        # a route in one option of several is a claim to weigh, not the route asked
        (
            "Per the abstract written in English, selinexor is: A) a monoclonal antibody against "
            "CD38; B) an orally taken selective nuclear export inhibitor; C) an immunomodulator; "
            "D) a proteasome inhibitor given by injection. Which one?",
            "en",
            "abstract-en",
            "inhibitor of nuclear export",
        ),
        # bortezomib–dex is Vd
        (
            "Were anaemia and neutropenia commoner on the selinexor triplet or on bortezomib–dex "
            "alone in BOSTON?",
            "en",
            "4.2",
            "均高于Vd组",
        ),
        # day-to-day asks no day
        (
            "I've been exhausted since starting this pill. Besides more medicines, which "
            "day-to-day measures does the article recommend?",
            "en",
            "4.5",
            "加强锻炼",
        ),
        ("What kind of drug is selinexor?", "en", "abstract-en", "oral selective inhibitor"),
        ("What kind of drug is dexamethasone?", "en", "1", "皮质类固醇（如地塞米松"),
        # a registration number given names the trial: its patients' median age is asked
        ("注册号为NCT02336815的那项2b期研究，入组病人的年龄中位数是多少？", "zh", "3.1", "65岁"),
        # the series' scene before the regimens asked about
        ("Chari那7例CAR-T后进展病人里，Xd二联几例？XVd几例？", "zh", "3.5", "1例给予XVd"),
        # the dose the time is counted from is not what is asked
        ("How many hours after an oral dose does selinexor peak in the blood?", "en", "2", "3~4 h"),
    ],
)
def test_answers_cite_the_right_sentence(real_assistant, question, lang, section, fact) -> None:
    answer = real_assistant.ask(question)
    assert answer.answered and answer.language == lang
    assert answer.citations and answer.citations[0].section == section
    assert fact in answer.answer
    check_citations(answer, real_assistant.doc)
    frame = "According to the review" if lang == "en" else "根据综述"
    assert answer.answer.startswith(frame)


def test_a_dose_asked_without_a_drug_is_the_reviews_drugs(real_assistant) -> None:
    """'What is the usual dose?' names no drug: methylphenidate's 10 mg a day (4.5) is no
    answer; a sentence giving a dose of selinexor is."""
    answer = real_assistant.ask("What is the usual dose?")
    assert answer.answered and answer.citations[0].section != "4.5"
    assert "塞利尼索" in answer.citations[0].text and "mg" in answer.citations[0].text


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("How much does selinexor cost in China?", "The review does not address this."),
        ("儿童使用塞利尼索的推荐剂量是多少？", "综述中没有涉及这个问题。"),
        ("Does selinexor interact with CYP3A4 inhibitors?", "The review does not address this."),
        # every term exists in the review, but the cohort's passage never names OS
        (
            "What was the median overall survival in the STOMP selinexor + bortezomib cohort?",
            "The review does not address this.",
        ),
        # BOSTON names median PFS, but gives no figure for it
        ("BOSTON试验XVd组的中位PFS是几个月？", "综述中没有涉及这个问题。"),
        # the daratumumab cohort's size is never given: no other cohort's count will do
        (
            "How many patients were in the selinexor + daratumumab cohort?",
            "The review does not address this.",
        ),
        # 122 counts the whole trial, not the quad-refractory patients asked about
        ("How many STORM patients were quad-refractory?", "The review does not address this."),
        ("How many patients in STORM had del(17p)?", "The review does not address this."),
        # options the review names none of; a subgroup's figure asked with a blank to fill
        (
            "Which is a side effect of selinexor? (A) alopecia (B) cataract (C) hearing loss",
            "The review does not address this.",
        ),
        ("填空：STORM试验中，t（4；14）病人的中位PFS为___个月。", "综述中没有涉及这个问题。"),
        (
            "If he throws up within an hour of the dose, should it be repeated?",
            "The review does not address this.",
        ),
        # everyday activities and lay symptoms the review never speaks of
        (
            "Is swimming at the public pool okay while his counts are down?",
            "The review does not address this.",
        ),
        ("病人在吃这个药，周末想去泡温泉，血小板低能不能去？", "综述中没有涉及这个问题。"),
        ("Can this treatment cause an irregular heartbeat?", "The review does not address this."),
        # the part named must say it: the closing section gives no number of trials
        (
            "Fill in the blank: the closing section says ___ further phase 3 trials are "
            "recruiting.",
            "The review does not address this.",
        ),
        # options that are figures, none of them the review's
        (
            "Median time since diagnosis of BOSTON patients: A. 2.1 y B. 3.8 y C. 4.5 y D. 6.6 y",
            "The review does not address this.",
        ),
        # deaths are no incidence; a country in a multiple-choice stem is asked about
        ("How many people die of myeloma in China each year?", "The review does not address this."),
        (
            "塞利尼索在中国获批联合的药物是：A.地塞米松 B.硼替佐米 C.来那度胺",
            "综述中没有涉及这个问题。",
        ),
        # a description outside a phrase naming a study names no trial; 单臂 is not said
        ("那项2b期研究是单臂的吗？", "综述中没有涉及这个问题。"),
        # 73% is the double-refractory patients' ORR; for naive ones only PFS is given
        (
            "What was the ORR among daratumumab-naive patients in the XDd cohort?",
            "The review does not address this.",
        ),
        # a drug is asked about in its own right, not as one of two alternatives
        (
            "Can selinexor be taken with warfarin or dexamethasone?",
            "The review does not address this.",
        ),
        # a year is asked, and the review gives none for BOSTON
        ("In which year were the BOSTON results published?", "The review does not address this."),
        # a drug the review never names, known only by its INN ending
        ("塞利尼索和维奈克拉、贝兰妥单抗相比哪个好？", "综述中没有涉及这个问题。"),
        # the closest passages (a cohort's dosing, the English abstract) never name sodium
        ("吃塞利尼索的时候，血钠要每隔几天查一次？", "综述中没有涉及这个问题。"),
        (
            "My father's blood sodium came back low. Does he need to stop taking selinexor?",
            "The review does not address this.",
        ),
        # never for anti-myeloma drugs: daratumumab's figures are not isatuximab's
        ("What ORR did selinexor with isatuximab achieve?", "The review does not address this."),
        # 73% is the double-refractory patients' ORR; the 12.5 months PFS is the naive ones'
        (
            "What median PFS did XDd give patients refractory to two drug classes?",
            "The review does not address this.",
        ),
        # the ORR of all 122 STORM patients, not of those with del(17p)
        ("STORM ORR in the del(17p) subset?", "The review does not address this."),
        # 3.7 months follows a clause on one triple-refractory patient: it is the cohort's PFS
        (
            "What median PFS did XKd give carfilzomib-refractory patients?",
            "The review does not address this.",
        ),
        # 15.6 months is the OS of patients who reached a minimal response, not of the others
        ("STORM中未达到最小反应的病人中位OS是多少？", "综述中没有涉及这个问题。"),
        # Chari's series (section 3.5) gives no time from CAR-T to selinexor; STORM's times
        # are not Chari's
        (
            "How long after CAR-T failure did Chari's patients begin Xd+PI?",
            "The review does not address this.",
        ),
        # a landmark PFS rate is not PFS: the review reports none
        ("What was the 1-year PFS rate with XKd?", "The review does not address this."),
        # the review names lymphoma, but not T-cell lymphoma
        ("塞利尼索对外周T细胞淋巴瘤的疗效如何？", "综述中没有涉及这个问题。"),
        (
            "Is it safe to take selinexor before dental surgery?",
            "The review does not address this.",
        ),
        ("塞利尼索应该早上吃还是晚上吃？", "综述中没有涉及这个问题。"),
        # the XPd passage gives both schedules but compares neither
        (
            "In the XPd cohort, which selinexor schedule worked better, once or twice weekly?",
            "The review does not address this.",
        ),
        # a group named before the sentence asking the value is still whom it is for
        (
            "What about STORM patients with del(17p)? What was their ORR?",
            "The review does not address this.",
        ),
        ("What was the ORR of STORM patients with t(4;14)?", "The review does not address this."),
        # "he" points back to the scene: its hyponatremia is asked about
        ("我父亲有低钠血症。他能继续用塞利尼索加地塞米松吗？", "综述中没有涉及这个问题。"),
        # 无进展生存期 is not mentioned by 生存期, nor EFS by 无…生存期
        ("What was the event-free survival with selinexor?", "The review does not address this."),
        # everyday questions beyond the review: interactions, diet, heredity, repeat doses
        ("Can my mum take selinexor with her amlodipine?", "The review does not address this."),
        ("吃塞利尼索要忌口吗？", "综述中没有涉及这个问题。"),
        ("多发性骨髓瘤会遗传给孩子吗？", "综述中没有涉及这个问题。"),
        # the sex the review speaks of is the PK passage's: no share of men is given
        ("BOSTON入组病人里男性占多少？", "综述中没有涉及这个问题。"),
        # monitoring the review never describes (a lab test is a subject, not a way to one)
        ("Do I need regular blood tests while on selinexor?", "The review does not address this."),
        ("吃塞利尼索要定期化验吗？", "综述中没有涉及这个问题。"),
        # lines of prior therapy: the review gives none; a keyword query asking a group's PFS
        ("BOSTON的病人既往中位接受过几线治疗？", "综述中没有涉及这个问题。"),
        ("STORM mPFS in del(17p) patients?", "The review does not address this."),
        # a drug named as a comparison or a class is no subject to filter passages by: the
        # mechanism passage is not passed over (and the review compares nothing here)
        (
            "How does selinexor's mechanism differ from proteasome inhibitors like bortezomib?",
            "The review does not address this.",
        ),
        ("Are high-risk features like t(4;14) inherited?", "The review does not address this."),
        # hours asked: a follow-up of 6.1 months does not answer
        ("塞利尼索和地塞米松要间隔几个小时服用？", "综述中没有涉及这个问题。"),
        ("对于RRMM病人，CAR-T和塞利尼索哪个更适合？", "综述中没有涉及这个问题。"),
        # the scene's heart failure is still asked about, and the review never names it
        (
            "My father has heart failure. Can he take selinexor?",
            "The review does not address this.",
        ),
        # a figure for what the question names, not any figure of the passage: the intro's
        # incidence is no calcium or creatinine threshold
        ("血钙高于多少算高钙血症？", "综述中没有涉及这个问题。"),
        ("骨髓瘤病人血肌酐超过多少算肾损害？", "综述中没有涉及这个问题。"),
        # an English word inside a Chinese question that the review never uses
        ("塞利尼索会不会影响importin-β的功能？", "综述中没有涉及这个问题。"),
        # two regimens offered are both asked about: the review never reports DRd
        ("XVd还是DRd的PFS更长？", "综述中没有涉及这个问题。"),
        ("病人有淀粉样变性。塞利尼索的ORR是多少？", "综述中没有涉及这个问题。"),
        # a range, where the review gives a median
        (
            "What was the age range of patients enrolled in STORM?",
            "The review does not address this.",
        ),
        # ... or asks of nothing else: the scene is what is asked about; and a disease the
        # review never covers is whom the question is about, wherever it is named
        (
            "AL amyloidosis: what is the ORR of selinexor in STORM?",
            "The review does not address this.",
        ),
        ("病人有糖尿病。塞利尼索能用吗？", "综述中没有涉及这个问题。"),
        # a survival rate at a landmark and an age group: the review reports neither
        (
            "What was the 2-year overall survival with XVd in BOSTON?",
            "The review does not address this.",
        ),
        ("BOSTON研究中75岁以上病人的PFS获益如何？", "综述中没有涉及这个问题。"),
        # a definition asked, which naming the term is not; a whole trial's count, which one
        # cohort's is not; the outcome of one treatment of a series; a washout period
        (
            "How does the review define triple-class refractory?",
            "The review does not address this.",
        ),
        ("STOMP各队列加起来总共纳入了多少例病人？", "综述中没有涉及这个问题。"),
        (
            "In Chari's series, what response did the XVd patient reach?",
            "The review does not address this.",
        ),
        (
            "What washout period did BOSTON require before randomisation?",
            "The review does not address this.",
        ),
        # everyday side effects the review never mentions, asked or brought as a claim
        ("吃塞利尼索会掉头发吗？", "综述中没有涉及这个问题。"),
        (
            "My friend says selinexor makes your hair fall out. Is that true?",
            "The review does not address this.",
        ),
        # a claim about patients the review never speaks of
        ("同事说塞利尼索在儿童中的ORR是26%，对吗？", "综述中没有涉及这个问题。"),
        # patients the cited passage never speaks of (the XKd cohort's names no high risk)
        (
            "Did high-risk patients such as those with t(4;14) benefit from selinexor plus "
            "carfilzomib in STOMP?",
            "The review does not address this.",
        ),
        # general vocabulary the review never uses: a cytokine, an antidote
        (
            "Does selinexor lower IL-6 levels in the bone marrow?",
            "The review does not address this.",
        ),
        ("塞利尼索吃多了有没有解毒剂？", "综述中没有涉及这个问题。"),
        ("国内那2例CAR-T后的病例是哪家医院报道的？", "综述中没有涉及这个问题。"),
        # their ORR: the group's, which the carfilzomib cohort never reports
        (
            "What about patients with del(17p) in STOMP's carfilzomib cohort? What was their ORR?",
            "The review does not address this.",
        ),
        # how an adverse event comes about, where the review only says how to manage it
        ("How does selinexor cause diarrhoea?", "The review does not address this."),
        # a transplant is a treatment a passage must name: STORM's never does
        (
            "What share of STORM patients had a prior autologous transplant?",
            "The review does not address this.",
        ),
        # 9.0 months follows "non-refractory beat refractory": the cohort's, not the group's
        (
            "In STOMP's bortezomib cohort, what median PFS did the PI-refractory group reach?",
            "The review does not address this.",
        ),
        # groups by what they had or reached: none of them has a figure of its own
        (
            "What response rate did daratumumab-exposed patients reach with XDd?",
            "The review does not address this.",
        ),
        (
            "In STORM, what median OS did patients who reached a very good partial response have?",
            "The review does not address this.",
        ),
        # general vocabulary the review never uses (the glossary's second blind batch)
        (
            "Does the review say how to manage transfusional iron overload on selinexor?",
            "The review does not address this.",
        ),
        (
            "Does the review discuss capillary leak syndrome with selinexor?",
            "The review does not address this.",
        ),
        # the retreatment study the review cites for one ORR: no size of its own
        ("国际骨髓瘤工作组那项硼替佐米再治疗研究共有多少例病人？", "综述中没有涉及这个问题。"),
        # short practical questions: the review says nothing of these
        ("How should I store selinexor tablets?", "The review does not address this."),
        ("What if I miss a dose of selinexor?", "The review does not address this."),
        ("塞利尼索是哪家公司生产的？", "综述中没有涉及这个问题。"),
        ("塞利尼索一个月药费大概多少钱", "综述中没有涉及这个问题。"),
        ("塞利尼索伤肝吗？", "综述中没有涉及这个问题。"),
        ("XPd组3级以上粒缺占几成？", "综述中没有涉及这个问题。"),  # 粒缺: neutropenia
        ("STORM grade 3 thrombocytopenia rate?", "The review does not address this."),
        ("达雷妥尤单抗队列用的什么剂量？", "综述中没有涉及这个问题。"),  # no dose given
        ("Median age of BOSTON patients?", "The review does not address this."),
        # a country the answer would have to name: the FDA sentence is the US's, and the
        # review's Chinese case reports say nothing of approval
        ("Is selinexor approved in China?", "The review does not address this."),
        ("塞利尼索在中国上市了吗？", "综述中没有涉及这个问题。"),
        ("Myeloma incidence in the US?", "The review does not address this."),
        # a count of cycles given, a list of days, a route, a P value: never stated for these
        ("How many cycles did STORM patients receive?", "The review does not address this."),
        ("BOSTON里硼替佐米是在第1、8、15、22天打吗？", "综述中没有涉及这个问题。"),
        ("Is the dexamethasone in STORM given orally or IV?", "The review does not address this."),
        ("XVd组PFS比Vd组长，P值是多少？", "综述中没有涉及这个问题。"),
        # a yes/no comparison the review never makes
        (
            "Does olanzapine work better than rolapitant for nausea?",
            "The review does not address this.",
        ),
        (
            "Chari series: any patients stopped for side effects?",
            "The review does not address this.",
        ),
        # a dose the review never states: what is asked is about it
        ("XKd里卡非佐米改成每周一次70 mg/m2，效果会一样吗？", "综述中没有涉及这个问题。"),
        ("卡非佐米用70 mg/m2每周一次行不行？", "综述中没有涉及这个问题。"),
        # what tests to do: the review names none
        ("骨髓瘤确诊要做哪些化验？", "综述中没有涉及这个问题。"),
        ("Is there a blood test for XPO-1 expression?", "The review does not address this."),
        # dexamethasone's route: the review states only selinexor's
        ("地塞米松口服吗？", "综述中没有涉及这个问题。"),
        (
            "What blood tests should be done before starting selinexor?",
            "The review does not address this.",
        ),
        # a subgroup the review never reports; option figures in a unit none of them is in
        ("城市和农村的骨髓瘤发病率有差别吗？", "综述中没有涉及这个问题。"),
        (
            "Olanzapine for severe nausea: (A) 2.5 mg (B) 5 mg (C) 20 mg a day?",
            "The review does not address this.",
        ),
        # the pomalidomide cohort's passage names lenalidomide; its 48 are not this cohort's
        (
            "How many relapsed patients were in the lenalidomide cohort?",
            "The review does not address this.",
        ),
        ("rolapitant dose for sel nausea", "The review does not address this."),
        # a question pointing back at its scene asks of the scene's trial: BOSTON's
        # follow-up is not the XKd cohort's
        (
            "The XKd cohort reported an OS of 22.4 months. What was the median follow-up "
            "behind that figure?",
            "The review does not address this.",
        ),
        # two drugs the review names only through their class: it cannot say which
        (
            "Which thrombopoietin receptor agonist, eltrombopag or romiplostim, does the review "
            "prefer for low platelets on selinexor?",
            "The review does not address this.",
        ),
        # the review's kinetics are selinexor's, though its passage names dexamethasone
        ("What is the half-life of dexamethasone?", "The review does not address this."),
        ("地塞米松口服后几小时达到血药峰值？", "综述中没有涉及这个问题。"),
        # the review says only which arm's DOR was longer, never its figures
        (
            "BOSTON's XVd arm had a longer median duration of response than the Vd arm — what "
            "were the actual figures for each, in months?",
            "The review does not address this.",
        ),
        ("服这个药期间，偶尔喝一点啤酒可以吗？", "综述中没有涉及这个问题。"),
        ("XVd组（BOSTON）每周两次的地塞米松，是在周几服？", "综述中没有涉及这个问题。"),
        # everyday words a dictionary glosses name no subject of the review
        ("Can I dye my hair?", "The review does not address this."),
        ("Can I keep the tablets in my pocket?", "The review does not address this."),
        # a ranking within a group the review never breaks out
        (
            "Which cohort had the highest ORR in high-risk patients?",
            "The review does not address this.",
        ),
        # the series' responses are everyone's, not those given one regimen
        ("达到PR的病人中，有几例接受了XKd？", "综述中没有涉及这个问题。"),
    ],
)
def test_refuses_what_the_review_does_not_say(real_assistant, question, message) -> None:
    answer = real_assistant.ask(question)
    assert not answer.answered and answer.answer == message
    assert answer.citations == () and answer.nearest
    if "sodium" in question or "血钠" in question:
        assert "sodium" in answer.note  # what the closest passages never name


def test_keywords_are_retrieved_and_cited_only_when_asked_about(real_assistant) -> None:
    """The keyword lists match every question's main terms and answer none of them, but a
    question about them; a part named in the other language is what is asked for."""
    doc = real_assistant.doc
    keywords = {p.id for p in doc.passages if p.is_keywords}
    assert keywords == {"keywords-zh#p1", "keywords-en#p1"}
    for question in [
        "What are the main clinical manifestations of multiple myeloma?",
        "多发性骨髓瘤 塞利尼索 综述",
    ]:
        hits = real_assistant.retrieve(question, k=len(doc.passages))
        assert hits and not keywords & {h.passage_id for h in hits}
        answer = real_assistant.ask(question)
        assert not keywords & {c.passage_id for c in answer.citations}
    answer = real_assistant.ask("英文关键词里有哪几个词？")
    assert answer.answered and answer.answer.startswith("根据综述英文关键词部分")
    assert [c.passage_id for c in answer.citations] == ["keywords-en#p1"]
    assert "Antibodies, monoclonal" in answer.answer  # the list is cited whole
    answer = real_assistant.ask("What are the keywords of the Chinese abstract?")
    assert [c.passage_id for c in answer.citations] == ["keywords-zh#p1"]
    answer = real_assistant.ask("英文摘要里是怎样描述这个病在血液系统肿瘤中的排名的？")
    assert answer.citations[0].passage_id == "abstract-en#p1"
    assert "second most common tumor" in answer.answer
    check_citations(answer, doc)


def test_the_abstract_comes_in_the_question_language(real_assistant) -> None:
    n = len(real_assistant.doc.passages)
    en = {h.passage_id for h in real_assistant.retrieve("When was selinexor approved by FDA?", k=n)}
    zh = {h.passage_id for h in real_assistant.retrieve("塞利尼索何时获得FDA批准？", k=n)}
    assert "abstract-en#p1" in en and "abstract-zh#p1" not in en
    assert "abstract-zh#p1" in zh and "abstract-en#p1" not in zh
    both = real_assistant.with_retrieval(one_abstract=False)
    assert {"abstract-en#p1", "abstract-zh#p1"} <= {
        h.passage_id for h in both.retrieve("When was selinexor approved by FDA?", k=n)
    }


def test_nonsense_is_refused_not_an_error(real_assistant) -> None:
    for question in ["qwzx vbnm plok", "？？？", "<img src=x onerror=alert(1)>"]:
        assert not real_assistant.ask(question).answered


def test_bad_input_raises(real_assistant) -> None:
    with pytest.raises(InvalidQuestion):
        real_assistant.ask("   ")
    with pytest.raises(InvalidQuestion):
        real_assistant.retrieve("STORM", k=0)


def test_retrieve_english_finds_chinese_passages(real_assistant) -> None:
    hits = real_assistant.retrieve("hyponatremia grade and management", k=5)
    assert hits[0].section == "4.4" and [h.rank for h in hits] == [1, 2, 3, 4, 5]


def test_llama_index_retriever(real_assistant) -> None:
    from llama_index.core.schema import NodeWithScore

    from assistant.llama import as_llama_retriever

    nodes = as_llama_retriever(real_assistant, k=3).retrieve("BOSTON试验的总生存期")
    assert len(nodes) == 3 and all(isinstance(n, NodeWithScore) for n in nodes)
    assert nodes[0].node.metadata["section"] == "3.3"
    assert nodes[0].node.node_id == nodes[0].node.metadata["passage_id"]


def run_cli(*args: str, index_dir) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "assistant.cli", *args, "--index-dir", str(index_dir), "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)


def test_cli_json_and_exit_codes(real_assistant) -> None:
    index_dir = real_assistant.index_dir
    out = run_cli(
        "ask", "What is the terminal half-life of selinexor?", "--json", index_dir=index_dir
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["answered"] and "6 h" in data["answer"] and data["citations"][0]["passage_id"]
    out = run_cli("retrieve", "XPO-1 mechanism", "-k", "3", "--json", index_dir=index_dir)
    assert out.returncode == 0 and len(json.loads(out.stdout)) == 3
    out = run_cli("ask", "   ", index_dir=index_dir)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "error" in out.stderr


def test_naming_the_reviews_own_drug_makes_no_sentence_a_better_answer(real_assistant) -> None:
    """Selinexor is every sentence's context: of 4.6's two sentences on neuropathy, the one
    naming 塞利尼索 gains nothing lexically for "Does selinexor cause neuropathy?"."""
    from assistant.asked import Asked

    qa = real_assistant
    signals = qa.retriever.signals("Does selinexor cause neuropathy?")
    hit = next(
        h for h in qa.retrieve("Does selinexor cause neuropathy?", k=5) if h.section == "4.6"
    )
    cands = qa.evidence._candidates(signals, [hit], Asked.of(signals))
    by_text = {qa.doc.sentences[c.sentence_index].text[:6]: c.lexical for c in cands}
    assert by_text["值得庆幸的是"] == by_text["每周给予1次"] > 0


def test_cli_ask_prints_no_model_loading_bar(real_assistant) -> None:
    """transformers' "Loading weights" bar takes a fraction of a second and is only noise on
    the stderr of every `reviewqa ask`, even without --quiet."""
    cmd = [sys.executable, "-m", "assistant.cli", "ask", "What is selinexor?"]
    cmd += ["--index-dir", str(real_assistant.index_dir)]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert "Loading weights" not in out.stderr and "it/s" not in out.stderr


def test_questions_try_the_passage_with_the_closest_sentence_first(
    real_assistant, monkeypatch
) -> None:
    from dataclasses import replace

    from assistant.asked import Asked

    qa = real_assistant
    question = "塞利尼索为什么适合与地塞米松联用？在受体层面有什么作用？"
    signals = qa.retriever.signals(question)
    hits = qa.retriever.hits(signals, 5)
    asked = Asked.of(signals)
    reranked = qa.evidence.reranked(signals, hits)
    n = qa.evidence.config.rerank
    assert {h.passage_id for h in reranked[:n]} == {h.passage_id for h in hits[:n]}
    assert reranked[n:] == hits[n:] and [h.rank for h in reranked] == [1, 2, 3, 4, 5]

    def best(hit):  # the best sentence's score, without the prior of the passage's rank
        cands = qa.evidence._candidates(signals, [replace(hit, rank=1)], asked)
        return max(c.score for c in cands)

    assert [best(h) for h in reranked[:n]] == sorted((best(h) for h in reranked[:n]), reverse=True)
    # the fused ranks put the abstract first; its sentence on the approval answers nothing
    assert hits[0].section != "2" and reranked[0].section == "2"
    # retrieve() ranks the passages in the order ask() tries them
    assert [h.passage_id for h in qa.retrieve(question, k=5)] == [h.passage_id for h in reranked]
    answer = qa.ask(question)
    assert answer.answered and answer.citations[0].section == "2"
    assert "糖皮质激素受体" in answer.answer
    check_citations(answer, qa.doc)
    # English questions are reranked too, unless configured otherwise
    from assistant import Assistant

    config = replace(qa.config, answer=replace(qa.config.answer, rerank_languages=("zh",)))
    zh_only = Assistant(qa.index, qa.embedder, qa.glossary, config)
    monkeypatch.setattr(zh_only.evidence, "reranked", lambda *a: pytest.fail("reranked"))
    assert zh_only.ask("Why does selinexor combine well with dexamethasone?").language == "en"
    called = []
    monkeypatch.setattr(qa.evidence, "reranked", lambda s, h: called.append(1) or h)
    assert qa.ask("Why does selinexor combine well with dexamethasone?").language == "en"
    assert called  # by default, English questions are reranked too


def test_passages_not_naming_the_trial_asked_about_are_passed_over(real_assistant) -> None:
    from dataclasses import replace

    qa = real_assistant
    signals = qa.retriever.signals("In STORM, how many milligrams of dexamethasone per dose?")
    hits = qa.retriever.hits(signals, len(qa.doc.passages))
    # push STORM's passages below the fallback depth: only passages naming STORM may answer
    storm = [h for h in hits if h.section == "3.1"]
    others = [h for h in hits if h.section != "3.1"]
    demoted = [replace(h, rank=i) for i, h in enumerate(others + storm, start=1)]
    assert qa.evidence.config.fallback < len(others)
    chosen, best, gaps = qa.evidence.choose(signals, demoted)
    assert chosen and best and not gaps
    assert {qa.doc.sentences[c.sentence_index].passage_id for c in chosen} <= {
        h.passage_id for h in storm
    }


def test_the_english_abstract_gives_way_to_a_body_passage_covering_as_much(real_assistant) -> None:
    qa = real_assistant
    question = "selinexor peak blood level?"
    signals = qa.retriever.signals(question)
    fused = qa.retriever.hits(signals, 5)
    assert fused[0].section == "abstract-en"  # lifted by sharing the question's language
    ordered = qa.evidence.body_first(signals, fused)
    assert ordered[0].section == "2" and ordered[1].section == "abstract-en"
    assert [h.rank for h in ordered] == [1, 2, 3, 4, 5]
    answer = qa.ask(question)
    assert answer.answered and answer.citations[0].section == "2"
    assert "3~4 h" in answer.answer
    # a Chinese question's first passage is in the body's language: nothing changes
    zh = qa.retriever.signals("塞利尼索的作用机制是什么？")
    zh_hits = qa.retriever.hits(zh, 5)
    assert zh_hits[0].lang == "zh"
    assert qa.evidence.body_first(zh, zh_hits) == zh_hits


def test_a_trials_aim_sentence_ranks_lower_unless_its_design_is_asked(real_assistant) -> None:
    from dataclasses import replace

    from assistant.asked import AIM, Asked
    from assistant.evidence import Evidence

    qa = real_assistant
    plain = Evidence(
        qa.index,
        qa.embedder,
        qa.retriever,
        qa.glossary,
        replace(qa.evidence.config, aim_weight=0.0),
    )
    for question, design in (
        ("BOSTON对照组前8个疗程地塞米松每周给几次？", False),
        ("BOSTON试验是几期研究？", True),
    ):
        signals = qa.retriever.signals(question)
        hits = [h for h in qa.retriever.hits(signals, 5) if h.section == "3.3"]
        asked = Asked.of(signals)
        assert asked.design is design
        scored = qa.evidence._candidates(signals, hits, asked)
        unscored = plain._candidates(signals, hits, asked)
        for a, b in zip(scored, unscored, strict=True):
            aim = AIM.search(qa.evidence._sentence_texts[a.sentence_index]) is not None
            lowered = aim and not design
            assert a.score == pytest.approx(b.score - (0.03 if lowered else 0.0))
        assert any(AIM.search(qa.evidence._sentence_texts[a.sentence_index]) for a in scored)


def test_english_questions_weigh_dense_ranks_less(real_assistant) -> None:
    """``dense_weight_en`` weighs e5's ranks for English questions only: at zero an English
    question is ranked by BM25 over its glossary expansion alone, a Chinese one as before."""
    bm25_only = real_assistant.with_retrieval(dense_weight_en=0.0)
    en = "What was the median progression-free survival in the BOSTON trial?"
    signals = bm25_only.retriever.signals(en)
    assert signals.bm25 is not None and signals.dense is not None
    order = sorted(range(len(signals.bm25)), key=lambda i: -signals.bm25[i])
    fused = [i for i, _ in signals.fused]
    assert fused == [i for i in order if i in set(fused)]
    zh = "BOSTON试验的中位无进展生存期是多少？"
    assert bm25_only.retriever.signals(zh).fused == real_assistant.retriever.signals(zh).fused


@pytest.mark.parametrize(
    "question",
    [
        # everyday words that glossary rows of absent concepts must not claim (a guard against
        # generic variants: 双侧 of a two-sided test, 无效患者, dexa, substrates, a treatment
        # break, every other day, back pain and gum bleeding in a scene, 对照 as "compare")
        "出现双侧手脚麻木，是塞利尼索引起的周围神经病变吗？发生率高吗？",
        "硼替佐米治疗无效患者再用含硼替佐米的方案，ORR是多少？",
        "What dose of dexa is given with selinexor in STORM?",
        "What substrates does XPO-1 export that selinexor keeps inside the nucleus?",
        "Does hyponatremia on selinexor require a treatment break?",
        "In STORM, was selinexor taken every other day?",
        "Which cytotoxic drugs are usually combined with IMiDs and PIs in myeloma?",
        "My mother has back pain from myeloma. What are the main clinical features of MM?",
        "我爸吃塞利尼索后牙龈出血，血小板减少该怎么处理？",
        "At this stage I want to know: what was the ORR in STORM?",
        "老师在课堂上说塞利尼索能治愈骨髓瘤，对照英文摘要，哪里说得不对？",
        # Chinese variants inside other words: 续方 in 后续方案, 发药 in 引发药物, 当归 in 应当归因
        "CAR-T治疗失败后的后续方案有哪些？",
        "塞利尼索会引发药物相关的周围神经病变吗？",
        "乏力应当归因于药物本身还是疾病本身？",
        "PFS作为疗效指标价值如何？在STORM中中位PFS是多少？",
    ],
)
def test_everyday_words_are_no_concepts_the_review_lacks(real_assistant, question) -> None:
    answer = real_assistant.ask(question)
    assert answer.answered, answer.note


def test_a_normalized_variant_counts_only_outside_a_longer_term(real_assistant) -> None:
    """Ⅱ期 is in the review only inside 推荐Ⅱ期给药剂量 (the recommended phase 2 dose), which
    names no phase 2 study; STORM's 2b期 does, through the class table."""
    evidence = real_assistant.evidence
    assert not evidence._in_review("Ⅱ期")
    assert evidence._in_review("推荐Ⅱ期给药剂量")
    assert evidence._in_review("3期")
    answer = real_assistant.ask("In the phase II STORM trial, what was the ORR?")
    assert answer.answered and answer.citations[0].section == "3.1"


def test_trials_set_side_by_side_are_cited_each_to_its_own_passage(real_assistant) -> None:
    """No passage gives both figures: one sentence of each trial's passage, each cited."""
    answer = real_assistant.ask("STORM和BOSTON的临床编号分别是多少？")
    assert answer.answered
    assert {c.section for c in answer.citations} == {"3.1", "3.3"}
    assert "NCT02336815" in answer.answer and "NCT03110562" in answer.answer
    check_citations(answer, real_assistant.doc)
    longer = real_assistant.ask(
        "Which had the longer median OS, STORM or the STOMP carfilzomib cohort?"
    )
    assert longer.answered and {c.section for c in longer.citations} == {"3.1", "3.2.2"}
    assert "8.6个月" in longer.answer and "22.4个月" in longer.answer
    # each trial's figure is needed: one the review never gives refuses the pair
    _assert_refused(
        real_assistant,
        (
            "What was the median follow-up in STORM and in BOSTON, each?",
            "XPd和XKd队列的临床收益率分别是多少？",
            "STOMP达雷妥尤单抗队列和卡非佐米队列各纳入了多少例病人？",
        ),
    )
    # one trial asked about, another named as context: no pair
    assert not real_assistant.ask("卡非佐米队列报了临床收益率71%，那泊马度胺队列的呢？").answered
    # each trial's value must be stated for the group asked, and in the kind compared
    _assert_refused(
        real_assistant,
        (
            "Which had a higher ORR among PI-refractory patients, the bortezomib cohort or the "
            "carfilzomib cohort?",
            "Did the daratumumab and pomalidomide cohorts use the same dexamethasone dose?",
            "卡非佐米队列和来那度胺队列中可评估疗效的病人分别有多少例？",
            # STORM's 26% is everyone's, not its double-refractory patients'
            "Which had the higher ORR among double-refractory patients, STORM or the daratumumab "
            "cohort?",
        ),
    )
    # a measure (ORR) is no trial to find a passage for
    orr = real_assistant.ask("XPd和XKd队列的ORR分别是多少？")
    assert orr.answered and {c.section for c in orr.citations} == {"3.2.2", "3.2.3"}
    # a group of one trial only: that trial's figure for it, the other's for everyone
    one = real_assistant.ask(
        "Which posted the higher response rate, the STOMP lenalidomide cohort or the "
        "double-refractory patients in the daratumumab cohort?"
    )
    assert one.answered and {c.section for c in one.citations} == {"3.2.4", "3.2.5"}
    assert "86%" in one.answer and "73%" in one.answer
    naive = real_assistant.ask(
        "Which had the longer median PFS - the whole selinexor/bortezomib/dex cohort or the "
        "pomalidomide-naive patients on selinexor/pom/dex?"
    )
    assert naive.answered and "9.0个月" in naive.answer and "12.2个月" in naive.answer
    # ... named after both, it is both trials' (the lenalidomide cohort gives it none)
    assert not real_assistant.ask(
        "来那度胺队列和达雷妥尤单抗队列中双重难治病人的ORR，哪个更高？"
    ).answered


def test_session_15_review_probes(real_assistant) -> None:
    """Questions a review of session 15's change found refused or answered wrongly."""
    for question in (
        # a description in the scene (salvage therapy) is no regimen to name
        "STORM tested Xd as salvage therapy. What was the median OS in that trial?",
        # a yes/no question about two members of a class the review advises on
        "Can selinexor-induced thrombocytopenia be treated with eltrombopag or romiplostim?",
        # an arm is no cohort: BOSTON's Vd arm
        "What was the median follow-up in the bortezomib arm of BOSTON?",
        "How many relapsed and refractory patients did STORM enroll?",
    ):
        assert real_assistant.ask(question).answered, question
    _assert_refused(
        real_assistant,
        (
            "What was the ORR among the most refractory patients in STORM?",
            "Which thrombopoietin receptor agonist, eltrombopag or romiplostim, is preferred?",
        ),
    )
    # two edits apart is no slip: fluoxetine is not duloxetine
    assert "duloxetine" not in real_assistant.ask("Can selinexor be taken with fluoxetine?").note


def test_counts_quoted_figures_and_negated_options(real_assistant) -> None:
    """A count of myeloma patients is the trial's; of relapsed ones, only where it says so. A
    figure quoted is known, not asked. "Which is NOT…" needs every other option borne out."""
    boston = real_assistant.ask("How many myeloma patients were enrolled in BOSTON?")
    assert boston.answered and "402名病人" in boston.answer
    assert not real_assistant.ask(
        "How many relapsed patients were in the lenalidomide cohort?"
    ).answered
    dor = real_assistant.ask("STORM's ORR was 26%; what was its median DOR?")
    assert dor.answered and "4.4个月" in dor.answer
    storm = real_assistant.ask(
        "All of the following describe STORM EXCEPT: A. global B. multicenter C. open-label "
        "D. placebo-controlled"
    )
    assert storm.answered and storm.citations[0].section == "3.1"
    # one option borne out of four is no answer to "不包括"
    assert not real_assistant.ask(
        "STORM中3~4级不良反应不包括：A. 疲劳 B. 血小板减少 C. 低钠血症 D. 脓毒症"
    ).answered


# Questions ranking groups the review reports one by one (assistant.ranking)
@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("Which STOMP cohort had the highest ORR?", ("63%", "48%", "58%", "86%")),
        ("STOMP哪个队列的ORR最高？", ("63%", "48%", "58%", "86%")),
        ("Which STOMP cohort enrolled the most patients?", ("42名", "21例", "48例", "8例")),
        ("Highest ORR?", ("26%", "63%", "48%", "58%", "86%")),
        ("硼替佐米队列还是卡非佐米队列的ORR更高？", ("63%", "48%")),
        # two named: each one's figure side by side, the carfilzomib cohort's from its results
        ("Was the ORR higher in the bortezomib cohort or the carfilzomib cohort?", ("63%", "48%")),
    ],
)
def test_a_ranking_cites_every_groups_figure(real_assistant, question, figures) -> None:
    answer = real_assistant.ask(question)
    assert answer.answered
    assert len({c.section for c in answer.citations}) >= 2
    for figure in figures:
        assert figure in answer.answer, figure
    check_citations(answer, real_assistant.doc)


def test_a_superlative_the_review_states_is_one_sentence(real_assistant) -> None:
    answer = real_assistant.ask("What is the most common adverse event of selinexor?")
    assert answer.answered and [c.section for c in answer.citations] == ["4.1"]


def test_a_ranking_narrowed_by_a_drug_is_no_list_of_every_group(real_assistant) -> None:
    """ "Which pomalidomide-containing regimen…" asks of the pomalidomide cohort, not all."""
    answer = real_assistant.ask("Which pomalidomide-containing regimen had the highest ORR?")
    assert answer.answered and {c.section for c in answer.citations} == {"3.2.3"}


def test_a_patient_described_by_age_and_sex_is_who_asks(real_assistant) -> None:
    """ "68岁男性" says who the patient is; the review breaks no result out by sex."""
    answer = real_assistant.ask("68岁男性，STORM里的ORR是多少？")
    assert answer.answered and "26%" in answer.answer
    assert {c.section for c in answer.citations} == {"3.1"}
    assert real_assistant.ask("A 70-year-old man on Xd: what was the ORR in STORM?").answered
    # men, women or an age group asked about are what is asked: the review breaks out none
    _assert_refused(
        real_assistant,
        (
            "STORM里男性病人的ORR是多少？",
            "What was the ORR among male patients in STORM?",
            "65岁女性患者的ORR是多少？",
            "How many 70-year-old female patients were in STORM?",
        ),
    )


def test_each_regimens_dose_side_by_side(real_assistant) -> None:
    answer = real_assistant.ask(
        "72岁男性，之前按STORM的Xd方案吃，现在要换成BOSTON那种XVd。两个方案里塞利尼索每次各吃多少？"
    )
    assert answer.answered and {c.section for c in answer.citations} == {"3.1", "3.3"}
    assert "80 mg" in answer.answer and "100 mg" in answer.answer


def test_a_stem_naming_only_the_reviews_drug_is_answered_by_its_options(real_assistant) -> None:
    for question in (
        "Selinexor is: A) given intravenously B) taken orally C) given subcutaneously",
        "塞利尼索的给药途径是：A 静脉注射 B 口服 C 皮下注射",
    ):
        answer = real_assistant.ask(question)
        assert answer.answered and "口服" in answer.citations[0].text, question
    # options of other kinds would find passages of their own: the stem still ranks them
    approved = "Selinexor is: A) approved in China B) approved in Japan C) approved in Europe"
    assert not real_assistant.ask(approved).answered


def test_an_event_named_only_by_its_kind_is_a_side_effect(real_assistant) -> None:
    """骨髓抑制 is not in the review: its kinds are (贫血, 血小板减少), and the introduction's
    anaemia is a sign of the disease, not a side effect."""
    for question in ("骨髓抑制常见吗？", "Is myelosuppression common?"):
        answer = real_assistant.ask(question)
        assert answer.answered and answer.citations[0].section.startswith("4."), question
    # ... unless the disease's signs are asked
    answer = real_assistant.ask("骨髓抑制是多发性骨髓瘤的表现吗？")
    assert answer.answered and answer.citations[0].section == "intro"


def test_one_groups_figure_is_no_ranking(real_assistant) -> None:
    """Only 3.2.2 reports a STOMP cohort's OS: its 22.4 months would read as the longest."""
    assert not real_assistant.ask("Which STOMP cohort had the longest OS?").answered
    assert not real_assistant.ask(
        "Which STOMP cohort had the highest complete response rate?"
    ).answered


def test_what_a_question_sets_aside_is_not_its_answer(real_assistant) -> None:
    answer = real_assistant.ask("除了血小板减少，最常见的血液学不良反应还有哪些？")
    assert answer.answered and answer.citations[0].section == "4.2"
    assert "贫血" in answer.citations[0].text


@pytest.mark.parametrize(
    ("question", "sections"),
    [
        ("Which STOMP cohorts used dose escalation?", {"3.2.2", "3.2.3"}),
        ("Which regimens used 28-day cycles?", {"3.2.2", "3.2.4"}),
        ("List every trial registration number in the review.", {"3.1", "3.2.1", "3.2.2", "3.3"}),
    ],
)
def test_a_list_of_groups_cites_each_group_that_has_it(real_assistant, question, sections) -> None:
    answer = real_assistant.ask(question)
    assert answer.answered and {c.section for c in answer.citations} == sections
    check_citations(answer, real_assistant.doc)


def test_a_list_of_groups_none_has_is_refused(real_assistant) -> None:
    assert not real_assistant.ask("Which cohorts reported complete response rates?").answered
    assert not real_assistant.ask("Which trials enrolled patients with amyloidosis?").answered


def test_design_words_naming_a_trial_do_not_ask_its_design(real_assistant) -> None:
    """ "the global open-label phase 2b trial" is STORM: its aim sentence, which says all that,
    answers nothing else asked of it."""
    answer = real_assistant.ask(
        "Which high-risk cytogenetic abnormalities did some patients carry in the global "
        "open-label phase 2b trial of selinexor with low-dose dexamethasone?"
    )
    assert answer.answered and "del（17p）" in answer.citations[0].text
    answer = real_assistant.ask(
        "402 patients were randomised in the phase 3 trial — what was the split between XVd and Vd?"
    )
    assert answer.answered and "n=195" in answer.answer and "旨在" not in answer.answer
    # ... while a design asked of it still is
    answer = real_assistant.ask("What kind of study was the phase 3 trial of XVd, by design?")
    assert answer.answered and "随机" in answer.citations[0].text


@pytest.mark.parametrize(
    ("question", "section", "figure"),
    [
        # a blood draw is why the peak is asked, not what is asked
        ("塞利尼索口服后大概几个小时血药浓度到顶？想安排抽血时间。", "2", "3~4 h"),
        # Xd+PI is the whole series, not its one patient given Xd
        ("CAR-T后进展再用塞利尼索+地塞米松+PI，VGPR及以上占多少？", "3.5", "57%"),
        # a trial pointed at by 一个 and its design: STORM, whose single arm the review never says
        (
            "医生提到一个单臂2b期试验，只用塞利尼索加小剂量地塞米松，那个试验的有效率是多少？",
            "3.1",
            "26%",
        ),
        ("BOSTON里XVd和Vd到需要换下一线治疗的时间分别是多少？", "3.3", "16.1个月"),
    ],
)
def test_chinese_questions_worded_otherwise_are_answered(
    real_assistant, question, section, figure
) -> None:
    answer = real_assistant.ask(question)
    assert answer.answered and answer.citations[0].section == section
    assert figure in answer.answer


def test_a_test_asked_for_is_still_one_the_review_never_names(real_assistant) -> None:
    assert not real_assistant.ask("塞利尼索需要定期抽血化验吗？").answered


def test_relief_and_a_route_offered_are_not_asked_of_the_passage(real_assistant) -> None:
    # 缓解 is relief here: the fatigue section answers, though it states no remission
    answer = real_assistant.ask("我妈吃这个药以后一直没劲儿、累得不想动，有什么办法缓解？")
    assert answer.answered and answer.citations[0].section == "4.5"
    # the route offered (打针) need not be named by the passage stating the route (口服), and
    # the passages stating a route are tried first
    for question in (
        "塞利尼索这个药是打针还是在家吃就行？摘要开头介绍它的时候怎么说的？",
        "塞利尼索是打针还是吃的？",
    ):
        answer = real_assistant.ask(question)
        assert answer.answered and "口服" in answer.citations[0].text, question
    # ... while a route the review never states of a drug is still refused
    assert not real_assistant.ask("STORM里地塞米松是口服还是静脉？").answered


def test_the_diseases_signs_are_the_introductions_not_a_side_effects(real_assistant) -> None:
    answer = real_assistant.ask(
        "我爸这半年老说骨头疼，还贫血，医生怀疑是骨髓瘤。这个病一般会有哪些表现？"
    )
    assert answer.answered and answer.citations[0].section == "intro"
    assert "高钙血症" in answer.answer
    # anaemia asked as a side effect is still the side-effect section's, and an event's own
    # symptoms its own section's
    assert real_assistant.ask("贫血常见吗？").citations[0].section == "4.2"
    assert real_assistant.ask("低钠血症有什么症状？").citations[0].section == "4.4"


@pytest.mark.parametrize(
    "question",
    [
        # the next treatment itself, not the time to it; a stage, not a phase
        "塞利尼索失败后下一线治疗用什么？",
        # dextromethorphan, kanamycin: drugs the review never names
        "Is DXM (dextromethorphan) safe to combine with selinexor?",
        "卡那霉素能和塞利尼索一起用吗？",
        # a test asked for, not one named as the reason for asking
        "How often should I schedule blood tests to check platelets on selinexor?",
    ],
)
def test_session_17_review_probes_are_refused(real_assistant, question) -> None:
    assert not real_assistant.ask(question).answered, question


def test_session_17_review_probes_are_answered(real_assistant) -> None:
    answer = real_assistant.ask("How do myeloma cells build up drug resistance?")
    assert answer.answered and answer.citations[0].section == "1"
    answer = real_assistant.ask("How quickly does selinexor reach peak blood levels?")
    assert answer.answered and "3~4 h" in answer.answer
    answer = real_assistant.ask("III期试验纳入多少人？")
    assert answer.answered and "402" in answer.answer
    # a disease's stage is no trial's phase: not BOSTON's results
    answer = real_assistant.ask("3期骨髓瘤病人用塞利尼索的研究有哪些结果？")
    assert "3.3" not in {c.section for c in answer.citations}


def test_what_a_question_asks_is_read_once_per_question(real_assistant) -> None:
    """Ranking and choosing read the same signals: the second read is the first's."""
    evidence, retriever = real_assistant.evidence, real_assistant.retriever
    first = retriever.signals("What was the ORR in STORM?")
    asked = evidence._asked(first)
    assert evidence._asked(first) is asked
    required = evidence._required(first)
    assert evidence._required(first) is required
    other = evidence._asked(retriever.signals("BOSTON的中位PFS是多少？"))
    assert other is not asked and other.kind != asked.kind
    # a new question is read afresh
    assert evidence._required(retriever.signals("What was the ORR in STORM?")) == required
    assert evidence._required(retriever.signals("What was the ORR in BOSTON?")) != required


def test_kinetics_asked_of_another_drug_beside_selinexor_are_refused(real_assistant) -> None:
    # the half-life is asked of dexamethasone; selinexor is named only in the next sentence
    answer = real_assistant.ask("地塞米松的半衰期是多少？跟塞利尼索一起吃需要错开时间吗？")
    assert not answer.answered and "dexamethasone" in answer.note
    for question in (
        "塞利尼索和地塞米松的半衰期分别是多少？",
        "塞利尼索的半衰期是多少？地塞米松要一起吃吗？",
    ):
        answer = real_assistant.ask(question)
        assert answer.answered and "6 h" in answer.answer, question


def test_a_population_few_passages_name_is_looked_for_there(real_assistant) -> None:
    """NDMM is named in three passages: the one treating them with selinexor answers."""
    for question in (
        "Has selinexor been tried in newly diagnosed myeloma at all?",
        "塞利尼索用于新诊断的骨髓瘤吗？",
    ):
        answer = real_assistant.ask(question)
        assert answer.answered and answer.citations[0].section == "3.2.4", question
    # an approval is the approval's sentence, not a trial's in those patients
    answer = real_assistant.ask("Is selinexor approved for newly diagnosed myeloma?")
    assert answer.answered and answer.citations[0].section == "abstract-en"
    # offered as one of two, it narrows nothing: the cohort asked about answers
    answer = real_assistant.ask(
        "Did the selinexor–bortezomib–dexamethasone cohort of STOMP include any newly "
        "diagnosed patients, or only relapsed/refractory ones?"
    )
    assert answer.answered and answer.citations[0].section == "3.2.1"
    # cancer is no population: every passage speaks of it
    answer = real_assistant.ask(
        "In the main study of the pill given with just a steroid, how long on average did it "
        "keep the cancer from getting worse?"
    )
    assert answer.answered and "3.7" in answer.answer


def test_selinexor_in_transplant_is_its_section_s_not_the_abstract_s(real_assistant) -> None:
    answer = real_assistant.ask("Has selinexor been used around autologous transplant at all?")
    assert answer.answered and answer.citations[0].section == "3.4"
    # transplant alone: the English abstract's sentence on what it improved
    answer = real_assistant.ask("Has stem cell transplant made myeloma outcomes better?")
    assert answer.answered and answer.citations[0].section == "abstract-en"


def test_how_long_until_progression_is_pfs(real_assistant) -> None:
    answer = real_assistant.ask(
        "Xd in STORM: how long did responses last, and how long until progression, at the median?"
    )
    assert answer.answered and "4.4" in answer.answer and "3.7" in answer.answer
    # treatment given until progression is continuous therapy, which the review never names
    assert not real_assistant.ask("Do patients continue selinexor until progression?").answered


def test_a_lower_case_regimen_is_read_with_its_capitals(real_assistant) -> None:
    # XKd's passage counts the 21 enrolled, not those evaluable: not XVd's 40 either
    answer = real_assistant.ask(
        "xkd cohort — of the 21 pts enrolled, how many were actually evaluable for response?"
    )
    assert not answer.answered and "Read “xkd” as “XKd”." in answer.note
    answer = real_assistant.ask("In the xvd cohort of STOMP, how many were evaluable?")
    assert answer.answered and "40例" in answer.answer


def test_a_figure_asked_for_everyone_is_not_one_groups(real_assistant) -> None:
    """XPd's only ORR is that of the pomalidomide-naive patients."""
    for question in (
        "In the STOMP arm that paired selinexor with pomalidomide (48 patients), what was the "
        "response rate for the whole cohort, not just the pomalidomide-naive patients?",
        "XPd队列整体的ORR是多少？",
    ):
        answer = real_assistant.ask(question)
        assert not answer.answered and "for all the patients" in answer.note, question
    # "overall response rate" and "overall survival" name measures, not everyone
    answer = real_assistant.ask("What was the overall response rate in the XPd cohort?")
    assert answer.answered and "58%" in answer.answer
    answer = real_assistant.ask(
        "Evidence appraisal for a guideline panel: for BOSTON's overall-survival comparison, "
        "what HR and P value does the review give, and had the XVd arm reached median OS?"
    )
    assert answer.answered and "0.84" in answer.answer
    answer = real_assistant.ask("What was the ORR for all patients in the XVd cohort of STOMP?")
    assert answer.answered and "63%" in answer.answer


def test_a_sentence_giving_two_drugs_together_names_their_regimen(real_assistant) -> None:
    answer = real_assistant.ask(
        "On what exact date did the US regulator clear the selinexor-dexamethasone combination "
        "for relapsed/refractory myeloma, as stated in the English abstract?"
    )
    assert answer.answered and "July 3, 2019" in answer.answer
    answer = real_assistant.ask(
        "Is there a mechanistic reason for pairing selinexor with dexamethasone?"
    )
    assert answer.answered and "糖皮质激素受体" in answer.answer
    # a sentence naming bortezomib too gives XVd, not Xd
    assert not real_assistant.ask(
        "What was the ORR of selinexor plus dexamethasone in BOSTON?"
    ).answered


def test_what_a_b33_question_describes_is_not_what_it_asks(real_assistant) -> None:
    # BMT is a bone marrow transplant
    answer = real_assistant.ask(
        "BMT unit nurse: when selinexor was added to melphalan conditioning before ASCT, was it "
        "tolerated, and did it change engraftment?"
    )
    assert answer.answered and answer.citations[0].section == "3.4"
    # a persistent symptom, not refractory patients
    answer = real_assistant.ask(
        "For refractory fatigue on selinexor, which psychostimulant and what daily dose does the "
        "review recommend?"
    )
    assert answer.answered and "哌醋甲酯" in answer.answer
    # a trial by its phase, design and size, in a terse question
    answer = real_assistant.ask("Phase 2b single-arm Xd study in 122 pts — ORR and median DoR?")
    assert answer.answered and "26%" in answer.answer and "4.4" in answer.answer


def test_which_toxicity_is_answered_by_the_event_named(real_assistant) -> None:
    answer = real_assistant.ask(
        "Nurse here: in the STOMP bortezomib arm, what toxicity made the twice-weekly "
        "bortezomib, 3-week-cycle schedule intolerable?"
    )
    assert answer.answered and "周围神经病变" in answer.answer
    # not the side effects of a drug given for one, nor whether an event is one, nor which
    # events a treatment has ("What toxicity does CAR-T cause?" is no death after XPd)
    _assert_refused(
        real_assistant,
        (
            "What toxicity does CAR-T cause?",
            "What toxicity did XVd have more of than Vd?",
            "哌醋甲酯有什么副作用？",
            "病人吃塞利尼索后嘴里起了好几个溃疡，这是塞利尼索的副作用吗？发生率多高？",
        ),
    )


def test_thresholds_and_doses_the_review_never_gives_are_refused(real_assistant) -> None:
    _assert_refused(
        real_assistant,
        (
            "At what serum sodium level should selinexor be held, and how often should sodium be "
            "checked in the first month?",
            "How should loperamide be dosed for selinexor diarrhoea — starting dose and maximum per "
            "day?",
            "STORM penta-refractory subgroup: exact ORR?",
        ),
    )


def test_b34_chinese_questions_read_as_users_write_them(real_assistant) -> None:
    # 多少 is no comparison
    answer = real_assistant.ask(
        "移植科：RRMM病人做ASCT前用大剂量美法仑预处理，塞利尼索是在哪两天加、每次多少？美法仑剂量多大？"
    )
    assert answer.answered and "80 mg" in answer.answer
    # a label naming a condition is what is asked about: the review never covers dialysis
    assert not real_assistant.ask("给病人解释透析时的用法：塞利尼索需要调整剂量吗？").answered
    assert not real_assistant.ask(
        "Dialysis unit nurse: does selinexor need dose adjustment?"
    ).answered
    # patients resistant to both drugs are refractory to them; 也耐药了 of a regimen is not
    answer = real_assistant.ask(
        "68岁男性，泊马度胺和来那度胺都耐药了，想试XPd，综述里这类病人中位PFS多少？"
    )
    assert answer.answered and "4.2个月" in answer.answer
    assert not real_assistant.ask("如果塞利尼索方案也耐药了，下一步还有什么方案可以选？").answered
    # a trial described before 那个研究; "多大希望" asks no number
    answer = real_assistant.ask(
        "研究者：Xd单臂2b期那个研究的入组人群包不包括高危细胞遗传学？综述举了哪三种？"
    )
    assert answer.answered and "del（17p）" in answer.answer


def test_a_trial_described_by_another_trials_design_is_refused(real_assistant) -> None:
    for question in (
        "STORM那个随机对照研究里，对照组用的是什么方案？",
        "What was the ORR in the 402-patient STORM trial?",
    ):
        answer = real_assistant.ask(question)
        assert not answer.answered and "(STORM)" in answer.note, question
    # a design asked, or a claim about it, is answered by the design the review states
    for question in (
        "STORM是3期研究吗？",
        "STORM is a phase 3 trial, right?",
        "Is STOMP a completed randomized trial?",
        "进修医生在病例讨论时说：“STORM是一项3期、随机、双盲的研究。”这个说法对吗？综述里STORM是什么设计？",
    ):
        answer = real_assistant.ask(question)
        assert answer.answered and "开放标签" in answer.answer, question


def test_a_cohort_described_by_its_size_is_the_one_stating_it(real_assistant) -> None:
    answer = real_assistant.ask("42人那个研究的RP2D是多少？")
    assert answer.answered and answer.citations[0].section == "3.2.1"
    answer = real_assistant.ask("In the 21-patient cohort, what was the ORR?")
    assert answer.answered and answer.citations[0].section == "3.2.2"
    # an arm counted in a passage before its figures; a count of patients, not 42 mg or 42%
    answer = real_assistant.ask("207人那个组的中位OS是多少？")
    assert answer.answered and "25个月" in answer.answer
    answer = real_assistant.ask("42人那个研究的中位PFS是多少？")
    assert answer.answered and "9.0个月" in answer.answer
    assert not real_assistant.ask("What was the ORR in the 30-patient cohort?").answered
    # no study of that size; a cohort's size names no trial ("single-arm" is never said)
    assert not real_assistant.ask("300人那个研究的ORR是多少？").answered
    assert not real_assistant.ask("Single-arm study in 21 pts — RP2D?").answered


def test_a_mechanism_asked_of_a_regimen_is_the_mechanism_sections(real_assistant) -> None:
    answer = real_assistant.ask(
        "What is the mechanistic basis for combining selinexor with dexamethasone?"
    )
    assert answer.answered and "糖皮质激素受体" in answer.answer
    # the abstract asked for, its own sentence
    answer = real_assistant.ask("从摘要看，塞利尼索属于哪类药物，靠什么机制杀伤肿瘤细胞？")
    assert answer.answered and answer.citations[0].section == "abstract-zh"


def test_b35_english_questions_read_as_users_write_them(real_assistant) -> None:
    """From the blind batch b35: lower-case lettered options, laboratory words for the
    review's cell lines and animal models, count recovery as engraftment, a property offered
    as one of two, and "new cases" as incidence."""
    for question, section, fact in (
        (
            "MCQ: the single most common adverse event with selinexor doublets and triplets is "
            "(a) nausea (b) hyponatremia (c) grade 3–4 thrombocytopenia (d) fatigue",
            "4.1",
            "3~4级血小板减少",
        ),
        (
            "What preclinical data (in vitro and in vivo) supported taking selinexor into "
            "myeloma trials?",
            "1",
            "动物模型",
        ),
        (
            "Transplant nurse: our patient's conditioning includes selinexor before Mel200. "
            "Should we expect slower count recovery than usual?",
            "3.4",
            "移植动力学",
        ),
        (
            "selinexor hooks onto XPO1 at a cysteine - which position, and is that a reversible "
            "or covalent bond?",
            "2",
            "528",
        ),
        (
            "Using the review's estimate of annual myeloma incidence in China, how many new "
            "cases per year would you expect in a population of 1 million?",
            "intro",
            "1~2.5/100 000",
        ),
    ):
        answer = real_assistant.ask(question)
        assert answer.answered, question
        assert answer.citations[0].section == section and fact in answer.answer, question


def test_a_cohort_partner_few_passages_name_is_looked_for_in_its_section(
    real_assistant,
) -> None:
    """The expansion's many words for RRMM or PFS rank the abstract and the introduction
    first; the section titled by selinexor's partner answers."""
    _assert_cited(
        real_assistant,
        (
            (
                "How long had the len cohort been followed when reported, and was median PFS reached?",
                "3.2.4",
            ),
            (
                "Carfilzomib arm: which NCT number does the review give for it, and how many RRMM "
                "patients went in?",
                "3.2.2",
            ),
            (
                "My mum is on selinexor with Kyprolis and a steroid. How soon did most people in that "
                "group start getting better?",
                "3.2.2",
            ),
        ),
    )
    # a drug merely named as an example (泼尼松, of corticosteroids) is no cohort's partner
    assert not real_assistant.ask("塞利尼索方案里的地塞米松能不能换成泼尼松？").answered
    # nor is a drug asked about on its own
    assert not real_assistant.ask(
        "How does lenalidomide actually work against myeloma cells?"
    ).answered


def test_b36_questions_asking_no_comparison_and_names_spelled_out(real_assistant) -> None:
    """From the blind batch b36: "older or younger than that" sets the trial against the
    asker's patient, "which three developments drove better outcomes" asks for a list, 重新
    is "again"; and a claim naming VGPR is checked against 非常好的部分缓解."""
    _assert_cited(
        real_assistant,
        (
            (
                "My patient is 72 — were STORM participants older or younger than that on average "
                "(median age)?",
                "3.1",
            ),
            (
                "Per the English abstract, which three developments drove better outcomes in myeloma, "
                "and is it now curable?",
                "abstract-en",
            ),
            (
                "综述结论说STORM、STOMP、BOSTON这些试验里，加塞利尼索让哪类病人重新缓解了？PFS怎样？",
                "5",
            ),
            ("sel + kyprolis: is it true even a triple-refractory patient got a VGPR?", "3.2.2"),
        ),
    )


def test_b35_practical_questions_the_review_never_answers_are_refused(real_assistant) -> None:
    """Everyday words for what the review never speaks of: a baby, kids, a cutoff, a dose
    vomited, belamaf, sites in Asia, confidence limits."""
    for question, absent in (
        (
            "I'm 38, on selinexor, and my partner and I want a baby next year. How long after the "
            "last dose should we wait?",
            "planning a pregnancy",
        ),
        ("plt cutoff to hold selinexor??", "threshold"),
        ("is selinexor safe if my daughter gets a blood cancer? is it used in kids?", "children"),
        (
            "my mom vomited about 20 min after swallowing her selinexor pills. should she take "
            "the dose again?",
            "vomited dose",
        ),
        ("selinexor + belamaf: any data?", "belantamab mafodotin"),
        ("What proportion of STORM's 122 patients were enrolled at sites in Asia?", "Asia"),
        (
            "BOSTON OS: HR 0.84 with P=0.185 — what were the lower and upper 95% confidence "
            "limits?",
            "CI",
        ),
    ):
        answer = real_assistant.ask(question)
        assert not answer.answered and absent in answer.note, question


def test_who_asks_and_how_they_found_out_are_not_what_is_asked(real_assistant) -> None:
    """A multidisciplinary team is who asks, like a tumour board; FISH is how a family found
    the del(17p) it asks about."""
    _assert_cited(
        real_assistant,
        (
            (
                "Our MDT is weighing XVd: in the phase 3 comparison, how much longer did patients go "
                "before needing their next myeloma regimen, and what was the P value?",
                "3.3",
            ),
            ("我爸FISH报告有del(17p)，那个122人的2b期研究收不收这种高危的？", "3.1"),
            ("我爸66岁，FISH查出del(17p)。STORM研究收过带这种高危遗传学的病人吗？", "3.1"),
        ),
    )
    # asked for itself, FISH is a test the review never names
    assert not real_assistant.ask("STORM是用FISH检测高危遗传学的吗？").answered


def test_b37_chat_questions_the_review_never_answers_are_refused(real_assistant) -> None:
    """From the blind batch b37: a remedy offered beside another that is no alternative, a
    misspelt blood sugar, lithium, a first dose in hospital or in clinic."""
    _assert_refused(
        real_assistant,
        (
            "塞利尼素吃了恶心，喝点姜茶或者吃点酸的能缓解吗",
            "does selinexor raise blood suger on its own, apart from the dexamethsone?",
            "She has bipolar disorder and takes lithium. Is selinexor safe with lithium?",
            "Do patients have to be admitted for the first selinexor dose, or can it be started in "
            "clinic?",
        ),
    )
    # "what the triplet buys you" buys nothing
    answer = real_assistant.ask(
        "Students keep asking why we bother with triplets (IMiD + PI + dex) instead of doublets. "
        "What does the review say the triplet buys you?"
    )
    assert answer.answered and answer.citations[0].section == "1"


def test_b37_chinese_chat_questions_read_as_users_write_them(real_assistant) -> None:
    """From the blind batch b37: a slide's sentence checked ("这句话有问题吗"), 上一线用的是
    (the line before, not first-line), "另外几个是什么" (which, not how many), and the hours to a
    peak asked for a drug level's blood draw."""
    _assert_cited(
        real_assistant,
        (
            (
                "幻灯片上我写的是“2019年7月3日FDA批准塞利尼索单药治疗RRMM”，这句话有问题吗？",
                "abstract-zh",
            ),
            (
                "病人上一线用的是硼替佐米，进展了，再用回硼替佐米还有戏吗？IMWG那个再治疗研究和STOMP塞利尼索方案的有效率分别多少？",
                "3.2.1",
            ),
            (
                "投稿系统要填参考文献关键词：这篇的中文关键词除了“多发性骨髓瘤”和“塞利尼索”，另外几个是什么？",
                "keywords-zh",
            ),
            ("想做个TDM测峰浓度，塞利尼索吃下去以后大概几个小时抽血最合适？", "2"),
            (
                "If we want a blood sample near peak concentration, how many hours after the oral "
                "selinexor dose should it be drawn?",
                "2",
            ),
        ),
    )
    assert "3~4 h" in real_assistant.ask("想做个TDM测峰浓度，几个小时抽血最合适？").answer


def test_what_session_20s_blind_batch_showed(real_assistant) -> None:
    """b38, on arrival: "how long after a dose … peak" asks the time to reach it; "the NK1
    class" names the antiemetics' class; a figure for the patients of one dose or schedule is
    one the review never gives apart from its cohort's."""
    peak = real_assistant.ask(
        "PK question: how long after an oral dose does selinexor hit peak plasma concentration?"
    )
    assert peak.answered and "3~4 h" in peak.answer
    nk1 = real_assistant.ask(
        "For severe nausea/vomiting on selinexor that isn't settling, which drugs does the "
        "review recommend (give an example of the NK1 class)?"
    )
    assert nk1.answered and nk1.citations[0].section == "4.3" and "奥氮平" in nk1.answer
    _assert_refused(
        real_assistant,
        (
            "STOMP SVd: what ORR was seen specifically in pts treated at the once-weekly RP2D?",
            "STOMP硼替佐米队列中，每周1次给药的病人ORR是多少？",
        ),
    )
    # ... unless the trial gave one dose to everyone: STORM's 80 mg patients are all of STORM's
    storm = real_assistant.ask("What was the ORR for patients on the 80 mg dose in STORM?")
    assert storm.answered and "26%" in storm.answer
    # a figure checked of a trial as a whole is its cohort's ("Did STOMP enroll 42 patients?")
    enrolled = real_assistant.ask("Did STOMP enroll 42 patients?")
    assert enrolled.answered and enrolled.citations[0].section == "3.2.1"
    # the cohort's own ORR, and the dose given at the RP2D, are answered
    assert "63%" in real_assistant.ask("STOMP硼替佐米队列的ORR是多少？").answer
    rp2d = real_assistant.ask(
        "What dose of selinexor did patients get at the RP2D in the XKd cohort?"
    )
    assert rp2d.answered and rp2d.citations[0].section == "3.2.2"
    # a trial asked about as a whole is answered by its own section, not one cohort's; a
    # cohort named is still its own
    _assert_cited(
        real_assistant,
        (
            ("STOMP里塞利尼索是跟哪些药搭着用的？入组的是什么病人？", "3.2"),
            ("STOMP XVd cohort ORR?", "3.2.1"),
            ("STOMP里和卡非佐米联用的队列ORR多少？", "3.2.2"),
        ),
    )


def test_who_asks_and_where_is_no_subject_while_what_is_asked_is(real_assistant) -> None:
    """From a review of session 19's glossary additions with probes: a woman asking, kids
    asking, a clinic as the setting, 'take it again' of a drug progressed on, 'admitted' as
    enrolled are no subjects; asked about, each still is."""
    _assert_cited(
        real_assistant,
        (
            ("I'm a woman on selinexor and feel nauseous all the time — what can help?", "4.3"),
            ("My kids asked me: how does selinexor work?", "2"),
            (
                "In clinic we see lots of nausea on selinexor. What does the review suggest for severe "
                "cases?",
                "4.3",
            ),
            ("门诊病人吃塞利尼索恶心很厉害，综述推荐用什么药？", "4.3"),
            ("After relapsing on Velcade, can I take it again?", "3.2.1"),
            ("How many patients were admitted for the carfilzomib cohort?", "3.2.2"),
            ("Is there any data from Asia on selinexor after CAR-T?", "3.5"),
        ),
    )


def test_what_session_20s_second_blind_batch_showed(real_assistant) -> None:
    """b39, on arrival: "this early" is no back-reference, so the scene before it (the regimen
    the patient is on) is left out of what a passage must name; "until they needed their next
    line of therapy" is the time to next treatment; "the intro" is the introduction."""
    _assert_cited(
        real_assistant,
        (
            (
                "Nurse: sodium came back 131 in week 2 of Xd. Is low sodium expected this early, and "
                "does the review say we need to hold the dose?",
                "4.4",
            ),
            (
                "In BOSTON, how long until pts needed their next line of therapy, sel arm vs control?",
                "3.3",
            ),
            (
                "which newer med groups made myeloma responses & survival better, acording to the "
                "intro?",
                "intro",
            ),
        ),
    )
    assert (
        "16.1"
        in real_assistant.ask(
            "In BOSTON, how long until pts needed their next line of therapy, sel arm vs control?"
        ).answer
    )
    # a next line of therapy asked about for itself is not in the review
    assert not real_assistant.ask("What is the next line of therapy after selinexor?").answered


def test_what_session_20s_last_blind_batch_showed(real_assistant) -> None:
    """b40, on arrival: one patient described by the regimen they are on is who asks, not what
    a passage must name; "given in the review's intro" is stated there, not administered; "的
    具体日期是哪一天" asks a calendar date."""
    _assert_cited(
        real_assistant,
        (
            (
                "If a patient on XVd develops thrombocytopenia with bleeding risk, what measures "
                "does the review say can control it?",
                "4.1",
            ),
            ("用XVd的病人出现了血小板减少，怎么处理？", "4.1"),
            (
                "Nursing student: list the main clinical manifestations of myeloma given in the "
                "review's intro.",
                "intro",
            ),
            ("FDA批准塞利尼索联合地塞米松治疗RRMM的具体日期是哪一天？", "abstract-zh"),
        ),
    )
    # patients on a regimen, asked a figure of, are its arm: still a figure the review lacks
    assert not real_assistant.ask("What ORR did patients on XVd get in BOSTON?").answered


def test_dose_levels_routes_and_trial_names_in_capitals(real_assistant) -> None:
    """From the test split's refusals, by kind: the dose levels a passage lists without the
    word (2 mg、3 mg或4 mg) are named by it, and only by it; one route asked of selinexor ("given
    IV?") is answered by the route stated; a trial's name misspelt in capitals is mended."""
    levels = real_assistant.ask(
        "Which pomalidomide dose levels were escalated through in the selinexor-pom-dex cohort?"
    )
    assert levels.answered and levels.citations[0].section == "3.2.3"
    assert "4 mg" in levels.answer
    assert not real_assistant.ask(
        "Before settling on 80 mg on the 3rd and 2nd days ahead of melphalan, which other "
        "selinexor dose levels were tried in the conditioning study?"
    ).answered
    for question in ("Is it right that selinexor is given IV?", "塞利尼索要打针吗？"):
        answer = real_assistant.ask(question)
        assert answer.answered and "口服" in answer.answer, question
    storm = real_assistant.ask("STROM试验的ORR是多少？")
    assert storm.answered and storm.citations[0].section == "3.1" and "26%" in storm.answer
    assert "“STROM” as “STORM”" in storm.note
    _assert_refused(
        real_assistant,
        (
            "Is the nausea from selinexor worse in women?",
            "Did women and men respond differently to selinexor plus dexamethasone in STORM?",
            "Is selinexor used in kids?",
            "If I vomit after the tablet, should I take it again?",
            "Did any patient need to be admitted for bleeding in BOSTON?",
            "综述里提到MDT了吗？",
            "Where do I buy Xpovio?",
            "Do patients 75 and older tolerate XVd?",
            "How many hours does the peak concentration last?",
            "Give (a) the ORR in STORM and (b) the CR rate.",
        ),
    )
    assert "3~4 h" in real_assistant.ask("塞利尼索达到最大浓度需要几个小时？").answer


def test_what_session_21s_blind_batches_showed(real_assistant) -> None:
    """b41-b45, on arrival: everyday and exam wordings the review answers, a regimen that
    only says who the patient is, two figures that answer "which is longer", and figures
    for groups, schedules and reasons the review never gives."""
    _assert_cited(
        real_assistant,
        (
            # "managed a VGPR" reached one; "已经耐药" is refractory; 缓解能持续多久 is a DOR
            (
                "True or false: in the XKd cohort one triple-class refractory patient managed "
                "a very good partial response.",
                "3.2.2",
            ),
            ("来那度胺和泊马度胺都已经耐药的病人，用XPd中位PFS还有多少？", "3.2.3"),
            ("Xd起效之后缓解能持续多久？", "3.1"),
            # the patient's regimen, in a scene or a clause, is who asks about the event
            ("我爸在用XVd，这周血小板掉到40。综述说这种血小板减少可以怎么控制？", "4.1"),
            (
                "My mother takes selinexor with bortezomib and now has diarrhoea. What does "
                "the review suggest for the diarrhoea?",
                "4.3",
            ),
            ("我妈65岁，在吃塞利尼索加地塞米松，最近总是没劲儿，有什么办法？", "4.5"),
            ("多选：不管二联还是三联，塞利尼索最常见的不良反应是哪些？A. 贫血 B. 溶血", "4.2"),
            # a rate in words, an incidence per 100 000, a trial described
            ("How often does peripheral neuropathy occur with selinexor?", "4.6"),
            ("How many new myeloma cases per 100,000 a year does the review give?", "intro"),
            ("填空：我国骨髓瘤每年每10万人约发病___例。", "intro"),
            ("那个3期随机对照研究一共入组多少人？两组各多少？", "3.3"),
            ("STOMP硼替佐米队列的mPFS是多少？PI没耐药的病人是不是更长？", "3.2.1"),
            ("医生说血小板低有几种办法处理，综述里怎么说？", "4.1"),
            ("硼替佐米每周2次的方案被放弃，是因为病人耐受不了哪种不良反应？", "3.2.1"),
            (
                "For refractory fatigue, which stimulant does the review name, and at what dose?",
                "4.5",
            ),
            ("xpo1 overexpression in myeloma - what is it linked to?", "1"),
        ),
    )
    synergy = real_assistant.ask("塞利尼索为什么要和地塞米松一起用？机制上有什么协同？")
    assert synergy.answered and "转录活性" in synergy.answer  # not for 机制上's 上
    # a figure the question puts on an endpoint must be the review's
    quoted = real_assistant.ask("Did STORM report an ORR of 26%?")
    assert quoted.answered and quoted.citations[0].section == "3.1"
    plain = real_assistant.ask(
        "Did the review conclude that adding selinexor lengthened PFS in double- and "
        "triple-refractory patients?"
    )
    assert plain.answered and plain.citations[0].section == "5"
    common = real_assistant.ask("How often does neuropathy occur on selinexor?")
    assert common.answered and "发生率极低" in common.answer  # the level, not the comparison
    both = real_assistant.ask("STORM里mOS和mPFS哪个更长？各是多少？")
    assert both.answered and "8.6个月" in both.answer and "3.7个月" in both.answer
    _assert_refused(
        real_assistant,
        (
            "For newly diagnosed patients, does XRd beat lenalidomide-dex alone?",
            "She forgot her selinexor yesterday. Should she take two today?",
            "In the carfilzomib cohort, what was the ORR among carfilzomib-refractory patients, "
            "as a number?",
            "泊马度胺队列里每周只吃1次塞利尼索的病人有几个？",
            "Why was one of the eight newly diagnosed patients in the lenalidomide cohort not "
            "evaluable?",
            "Can patients drive after taking selinexor?",
            "Which CAR-T product had Chari's patients received?",
            "How should selinexor tablets be stored?",
            "Did XVd roughly double median PFS compared with Vd in BOSTON?",
            "我爸昨天忘吃了一次塞利尼索，今天能补吗？",
            "STORM中没达到最小反应的那些病人，中位OS是多少？",
        ),
    )


def test_session_21s_rules_keep_to_their_cases(real_assistant) -> None:
    """From a helper review of session 21's changes with 882 probes: "有没有达到PR" asks whether
    they reached it (no non-responders); a trial's aim is why it was run, and a judgement's
    own sentence is why it is made; "whichever, which is higher?" still asks both; the
    patient's regimen is set aside only when it is the review's drug's; "forgot which trial"
    and "what is driving resistance" are no missed dose or car; "how often" of a disease is
    its incidence; 第几天 and 有几个月 ask no day or count only."""
    _assert_cited(
        real_assistant,
        (
            ("CAR-T后复发的病人用Xd有没有达到部分缓解？", "3.1"),
            ("为什么要做BOSTON试验？", "3.3"),
            ("为什么说塞利尼索是有前景的药物？", "5"),
            ("无论XVd还是Vd，血小板减少哪个组多？", "4.2"),
            ("I forgot which trial enrolled 122 patients. Which was it?", "3.1"),
            ("What is driving drug resistance in myeloma?", "1"),
            ("How often does myeloma occur in China?", "intro"),
            ("XKd中地塞米松从第几天开始减量？", "3.2.2"),
            ("XRd病人有几个月的随访？", "3.2.4"),
            ("He is on selinexor and dexamethasone, and he gets diarrhea. What helps?", "4.3"),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "我妈在吃来那度胺，恶心呕吐怎么办？",
            "She is on pomalidomide, and her sodium is low. Should she stop?",
            "难治病人怎么处理？",
            "Which was the pivotal trial for selinexor's FDA approval?",
            "My mum forgot her Tuesday selinexor dose — should she take it on Wednesday or skip it?",
        ),
    )


def test_what_session_22s_blind_batches_showed(real_assistant) -> None:
    """b46-b47, on arrival: what the review says of every regimen at once, "this drug" after a
    scene naming it, "the cancer" as the patient's myeloma, lay words (the sodium problem), a
    share asked by 占多少 or "%"; and figures for groups or patients the review never gives."""
    _assert_cited(
        real_assistant,
        (
            # "无论是二联还是三联疗法" speaks of Xd as of every triplet
            ("只吃塞利尼索加地塞米松二联，贫血常见吗？", "4.2"),
            ("我妈在吃塞利尼索。这个药是什么时候在美国获批的？", "abstract-zh"),
            (
                "What share of STORM patients saw their cancer shrink enough to count as a "
                "response?",
                "3.1",
            ),
            # progression here says who the patients are; their responses are measured
            ("Chari报道的CAR-T后进展的病人中，达PR的占几成？", "3.5"),
            ("Per the abstract, what does this paper review about selinexor?", "abstract-en"),
            # "Is that…" points back at the scene's platelets
            (
                "My father's platelets dropped after starting selinexor. Is that a common side "
                "effect of this drug?",
                "4.1",
            ),
            ("The sodium problem with selinexor: when does it usually show up?", "4.4"),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "Is it safe to crush selinexor tablets for a patient who cannot swallow?",
            "What was the ORR for relapsed patients in the lenalidomide cohort of STOMP?",
            "STORM里五重难治病人的中位PFS具体是多少？",
            "Give the exact ORR for the double-refractory patients in the XKd cohort.",
            "Is thrombocytopenia more common with XKd than with XPd?",
            "判断：BOSTON中XVd组超过四成病人需要输注血小板。",
            "Why does selinexor cause the sodium problem?",
            "In the pomalidomide cohort, how long did people live overall?",
            "XVd方案里需要停药的病人占多少？",
        ),
    )


def test_what_session_22s_second_batches_showed(real_assistant) -> None:
    """b48-b49, on arrival: options numbered ①②③ or listed after "which of these", one of two
    registration numbers or grades offered, 缓解不了 as a symptom not relieved, "在哪个阶段比较
    常见" as when (no comparison), the conclusion named as 结论; and percents, numbers,
    maxima and worldwide figures the review never gives."""
    _assert_cited(
        real_assistant,
        (
            (
                "Which of these does the introduction name as a main clinical feature of "
                "myeloma: hypokalemia, hypercalcemia, or jaundice?",
                "intro",
            ),
            ("以下哪项是综述提到的处理血小板减少的办法：①脾切除 ②输注血小板 ③血浆置换？", "4.1"),
            ("Is BOSTON registered as NCT03110562 or as NCT02336815?", "3.3"),
            ("Is the early hyponatremia usually grade 1-2 or grade 3-4?", "4.4"),
            ("我妈乏力一直缓解不了，综述推荐用什么药？每天多少？", "4.5"),
            ("在治疗的哪个阶段低钠血症比较常见？", "4.4"),
            ("结论里说加入塞利尼索以后，哪些难治病人又得到了缓解？", "5"),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "How common is nausea with selinexor, in per cent?",
            "Numerically, how did PFS compare between XVd and Vd in BOSTON?",
            "哌醋甲酯每天最多能加到多少毫克？",
            "全世界多发性骨髓瘤每年新发多少例？",
            "What is the incidence of multiple myeloma around the world?",
        ),
    )


def test_session_22s_rules_keep_to_their_cases(real_assistant) -> None:
    """From a helper review of session 22's changes with 997 probes: a cohort's enrolment asked
    about is no value for relapsed patients; a patient's story names no group for "是多少？";
    a share of a number named may be a count; a dose list gives the highest dose; "globally"
    is STORM's design; "what the review says" of one regimen is the adverse-event sections';
    and "在哪个部位/时期比较…" still compares, two regimens offered still need their own
    figures, numbered questions are no options, and the label is no part of the review."""
    _assert_cited(
        real_assistant,
        (
            ("XRd队列纳入的是复发难治病人吗？", "3.2.4"),
            ("我爸是PI难治的，医生建议XVd。STOMP硼替佐米队列的ORR？是多少？", "3.2.1"),
            ("BOSTON的402人中XVd组占多少？", "3.3"),
            ("What was the highest pomalidomide dose in STOMP?", "3.2.3"),
            ("Was STORM conducted globally?", "3.1"),
            ("How do people live with the fatigue from selinexor?", "4.5"),
            ("XPd最常见的不良反应是什么？", "4.2"),
            ("我爸乏力八成是药物引起的吧？", "4.5"),
            (
                "For a drug-committee memo: according to the summary, which three qualities do "
                "selinexor doublets and triplets share?",
                "5",
            ),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "骨痛在哪个部位比较常见？",
            "乏力在哪个时期比较严重？",
            "Which had more thrombocytopenia, XKd or XPd?",
            "请回答：①STORM的ORR是多少？②STORM的3级以上低钠发生率是多少？",
            "Is the 80 mg twice weekly dose on the label?",
        ),
    )


def test_what_session_23s_blind_batches_showed(real_assistant) -> None:
    """b52-b57, on arrival: lay words for pharmacokinetics (越攒越多, "half of the drug is gone")
    and for time to next treatment; a share among evaluable patients; a claim put to the review;
    options after a colon; PFS named "progression-free"; and dose reductions,
    recommended doses, phases, start dates, excretion routes and subgroup figures the review
    never gives."""
    _assert_cited(
        real_assistant,
        (
            ("How long until half of the drug is gone after a dose of selinexor?", "2"),
            ("我一周吃两次塞利尼索，药会不会越攒越多？", "2"),
            ("BOSTON两组隔多久需要换下一个治疗？", "3.3"),
            (
                "In the lenalidomide cohort, what percentage of the evaluable patients responded?",
                "3.2.4",
            ),
            # a claim is answered by what the review says of it (covalent binding)
            ("A friend says selinexor binds XPO-1 reversibly. Does the review agree?", "2"),
            (
                "Which is the most common adverse event of selinexor regimens: fatigue, diarrhea, "
                "or grade 3-4 thrombocytopenia?",
                "4.1",
            ),
            (
                "Which of these translocations does the review name for STORM: t(11;14), t(4;14) "
                "or t(14;16)?",
                "3.1",
            ),
            ("What were the median progression-free and overall survival in STORM?", "3.1"),
            ("硼替佐米每周两次的方案被放弃，是因为哪种毒性？", "3.2.1"),
            ("XKd队列中三级难治的病人达到了哪一级缓解？", "3.2.2"),
            ("国际骨髓瘤工作组那项研究里，硼替佐米再治疗的ORR是多少？", "3.2.1"),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "Does selinexor need a dose adjustment for kidney impairment?",
            "BOSTON里如果病人受不了地塞米松，可以减到多少毫克？",
            "STOMP phase?",
            "BOSTON什么时候开始入组的？",
            "Is selinexor excreted mainly in the urine or in the faeces?",
            "What were the dose-limiting toxicities in the pomalidomide cohort?",
            "XPd方案最后推荐的泊马度胺剂量是多少？",
            "STORM里达到最小反应的那部分病人，中位PFS多长？",
            "硼替佐米队列分了PI难治组和非难治组，非难治组单独的ORR是多少？",
            "XPd ORR in pomalidomide-refractory patients specifically?",
        ),
    )


def test_what_session_23s_second_batches_showed(real_assistant) -> None:
    """b58-b61, on arrival: a figure quoted in an English sentence before the question, lay
    words for a schedule dropped (为啥…不用了), a symptom that "doesn't respond" to measures, a
    grade asked as 分级多高, the immune system evaded."""
    _assert_cited(
        real_assistant,
        (
            (
                "The XKd cohort had an ORR of 48%. What were its clinical benefit rate and OS?",
                "3.2.2",
            ),
            ("为啥STOMP硼替佐米一周打两次的那个方案后来不用了？", "3.2.1"),
            (
                "For tiredness that doesn't respond to exercise or sleep, which stimulant and "
                "what daily dose?",
                "4.5",
            ),
            ("低钠血症的分级一般多高？", "4.4"),
            ("How does myeloma end up evading the immune system, per the review?", "1"),
        ),
    )


def test_what_session_24s_blind_batches_showed(real_assistant) -> None:
    """b62-b67, on arrival: yes-or-no checks of a figure ("more than half", "超过一半",
    "是不是也在48%左右", "用的是4 mg吗") answered from a passage that gives no such value;
    groups of a check or of a question in two sentences; a comparator arm (Vd组) answered from
    STOMP's XVd; a class member singled out (eltrombopag) where the review names the class
    alone; and lay words for what the review never covers (药厂, 喂奶, 盐片, heart disease,
    a missed dose, tissue distribution)."""
    _assert_cited(
        real_assistant,
        (
            ("STOMP硼替佐米队列后来放弃了每周2次硼替佐米的给药方式，原因是什么不良反应？", "3.2.1"),
            ("复查发现血钠偏低，这种情况是不是得把塞利尼索停了？", "4.4"),
            (
                "Among blood cancers, where does myeloma rank in terms of how often it occurs?",
                "abstract-en",
            ),
            ("这个口服药是哪一天拿到美国药监部门批文的？", "abstract-zh"),
            ("这类药最终是让癌细胞走向什么结局，从而起到抗癌效果的？", "2"),
            (
                "The review names an NK1 receptor antagonist for severe nausea. Is it aprepitant?",
                "4.3",
            ),
            ("How old were STORM participants at the median?", "3.1"),
            ("How long were patients followed in BOSTON?", "3.3"),
            (
                "Can thrombocytopenia be managed with TPO receptor agonists such as eltrombopag?",
                "4.1",
            ),
            ("STORM的ORR超过25%了吗？", "3.1"),
        ),
    )
    _assert_refused(
        real_assistant,
        (
            "Was grade 3–4 thrombocytopenia seen in more than half of STORM patients?",
            "塞利尼索的恶心发生率是不是超过一半？",
            "Did responses in Chari's post-CAR-T series last longer than six months?",
            "XKd队列中双重难治病人的ORR是不是也在48%左右？",
            "国内那两例CAR-T后复发的病人，XPd里泊马度胺用的是4 mg吗？",
            "我爸拉肚子，医生让备点洛哌丁胺，一天最多可以吃几粒？",
            "十几岁的孩子能用塞利尼索吗？",
            "塞利尼索是哪个药厂生产的？",
            "还在喂奶，能吃塞利尼索吗？",
            "My mother has heart disease. Is methylphenidate safe for her fatigue?",
            "低钠血症能不能吃盐片补？",
            "Should the selinexor dose be reduced in moderate renal impairment?",
            "STOMP硼替佐米队列中，PI难治组和非难治组的中位PFS分别是几个月？",
            "How old were BOSTON participants at the median?",
            "How long did it take STORM patients to achieve a first response?",
            "STORM病人的中位用药时长是多久？",
            "For the carfilzomib cohort, how long were patients followed at the median?",
            "Is eltrombopag the TPO receptor agonist of choice for selinexor thrombocytopenia?",
            "XVd组的中位PFS是几个月？Vd组又是几个月？",
            "In STOMP's bortezomib cohort, was median PFS in the PI-refractory group below 6 months?",
            "达雷妥尤单抗队列里双重难治病人的中位PFS是多少？比初治病人短多少？",
            "How widely does selinexor distribute into tissues?",
            "If a patient misses one of the selinexor doses, should it be taken late?",
            "What Cmax is reached after a single 80 mg selinexor dose?",
            "What fraction of an oral selinexor dose reaches systemic circulation?",
        ),
    )


def test_what_session_24s_regression_review_kept(real_assistant) -> None:
    """A helper's review of session 24's rules (595 probes) found them refusing these, which
    the review answers: a half-life or an age is no figure checked, an age said in passing
    (六十几岁) no adolescent, a comparator arm named by its drugs (§4.6, §3.2.3) is named, class
    members listed with their class are answered by its advice, "was followed" is no follow-up,
    "who makes up" no manufacturer, "a first response" no time to response."""
    _assert_cited(
        real_assistant,
        (
            ("Is selinexor's half-life about 6 hours?", "2"),
            ("Was the STORM median OS more than half a year?", "3.1"),
            ("我妈六十几岁，用塞利尼索常见的胃肠道反应有哪些？", "4.3"),
            ("XVd组和Vd组的周围神经病变发生率哪个低？", "4.6"),
            ("XPd组和Pd组的ORR分别是多少？", "3.2.3"),
            (
                "Can TPO receptor agonists like eltrombopag or romiplostim manage selinexor "
                "thrombocytopenia?",
                "4.1",
            ),
            ("Can ondansetron or other 5-HT3 antagonists be used for nausea on selinexor?", "4.3"),
            ("Which dosing schedule was followed in STORM?", "3.1"),
            ("Who makes up the STORM study population?", "3.1"),
            ("Did most patients achieve a first response after one cycle of XKd?", "3.2.2"),
        ),
    )


def test_what_session_25s_blind_batches_showed(real_assistant) -> None:
    """b72-b77, on arrival: a question in two parts answered from the sentence answering its
    first, though the second part's value of its own measure is nowhere in the passage; an
    option of a multiple-choice question in a student's spelling ("heat-shock proteins") read
    as a thing the review never names. The first parts alone, or a second part the passage
    does answer, are still answered."""
    _assert_refused(
        real_assistant,
        (
            "BOSTON总共入组多少人？XVd组的中位PFS具体是多少个月？",
            "哌醋甲酯推荐每天用多少？塞利尼索引起乏力的发生率是多少？",
            "低钠血症一般是几级？血钠低到多少需要停用塞利尼索？",
        ),
    )
    _assert_cited(
        real_assistant,
        (
            ("BOSTON总共入组多少人？XVd组中位随访多长时间？", "3.3"),
            ("哌醋甲酯推荐每天用多少？乏力通常是什么原因引起的？", "4.5"),
            ("低钠血症一般是几级？", "4.4"),
            (
                "Multiple choice: selinexor selectively blocks nuclear export of (A) tumour "
                "suppressors, growth-regulating proteins and anti-inflammatory proteins (B) "
                "ribosomal subunits only (C) immunoglobulin light chains (D) heat-shock proteins "
                "only",
                "abstract-en",
            ),
        ),
    )
