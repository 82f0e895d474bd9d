"""Fusion, sentence choice, the absence checks, the refusal gate, answer frames and input
cleaning (no model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.absence import (
    capitalised_names,
    missing_concepts,
    offered_alternatives,
    proper_names,
    uncovered,
    unknown_names,
)
from assistant.answer import (
    AnswerConfig,
    Candidate,
    choose_sentences,
    compose,
    concept_overlap,
    section_name,
    should_answer,
)
from assistant.core import clean_question
from assistant.retrieval import RetrievalConfig, asked_parts, rank, rrf_fuse
from assistant.types import Citation, InvalidQuestion
from index.segment import normalize


def test_rrf_on_hand_made_rankings() -> None:
    fused = rrf_fuse([[0, 1, 2], [2, 0]], [1.0, 1.0], k=60)
    scores = dict(fused)
    assert scores[0] == pytest.approx(1 / 61 + 1 / 62)
    assert scores[2] == pytest.approx(1 / 63 + 1 / 61)
    assert scores[1] == pytest.approx(1 / 62)
    assert [d for d, _ in fused] == [0, 2, 1]


def test_zscore_fusion_keeps_how_sure_each_signal_is() -> None:
    import numpy as np

    from assistant.retrieval import zscore_fuse

    bm25 = np.array([30.0, 5.0, 4.0, 3.0, 2.0, 1.0])  # passage 0 stands out from the pack
    dense = np.array([0.81, 0.82, 0.815, 0.81, 0.805, 0.80])  # passage 1 only a little ahead
    assert next(d for d, _ in rrf_fuse([rank(bm25), rank(dense)], [1.0, 1.0])) == 1
    assert zscore_fuse([bm25, dense], [1.0, 1.0])[0][0] == 0
    assert zscore_fuse([np.ones(3), dense[:3]], [1.0, 1.0])[0][0] == 1  # a flat signal adds 0
    with pytest.raises(ValueError, match="fusion"):
        RetrievalConfig(fusion="max")


def test_rrf_weights_and_rank_drop_zero_scores() -> None:
    assert [d for d, _ in rrf_fuse([[0, 1], [1, 0]], [2.0, 1.0])] == [0, 1]
    assert rank([0.0, 3.0, 1.0, -1.0]) == [1, 2]


def test_parts_of_the_review_asked_about_by_name() -> None:
    """A keyword list or abstract named is what is asked, in the language named."""
    assert asked_parts("英文摘要里是怎么表述的？", "zh") == ["abstract-en"]
    # a reader's names for them: the English summary (below), its index terms
    assert asked_parts("Which English index term is inverted?", "en") == ["keywords-en"]
    assert asked_parts("中文关键词里有哪几个词？", "zh") == ["keywords-zh"]
    assert asked_parts(
        "which drug classes made survival better, according to the intro?", "en"
    ) == ["intro"]
    assert asked_parts("Which key words go with the English abstract?", "en") == [
        "keywords-en",
        "abstract-en",
    ]
    assert asked_parts("What are the keywords?", "en") == ["keywords-en"]
    assert asked_parts("多发性骨髓瘤 塞利尼索 综述", "zh") == []
    assert asked_parts("What does the review say about the abstract's claims?", "en") == []
    # a section named by its number
    assert asked_parts("What link does section 1 draw between XPO-1 and relapse?", "en") == ["1"]
    assert asked_parts("综述第4.4节怎么处理低钠？按第1部分呢？", "zh") == ["4.4", "1"]
    assert asked_parts("第1天和第3天给药吗？", "zh") == []  # days, not sections
    # ... or by what it is: the introduction, the closing section; not "the summary", which
    # readers say of the abstract as often
    assert asked_parts("Why, according to the introduction, are new drugs needed?", "en") == [
        "intro"
    ]
    assert asked_parts("The closing section says ___ further trials are recruiting.", "en") == ["5"]
    assert asked_parts("综述结语部分怎么评价塞利尼索？", "zh") == ["5"]
    # "the English summary" is the English abstract, never the closing section
    assert asked_parts("Reading the English summary: what does the drug do?", "en") == [
        "abstract-en"
    ]


def test_the_english_parts_are_named_in_chinese_frames() -> None:
    assert section_name("abstract-en", "Abstract", "Abstract", "zh") == "英文摘要部分"
    assert section_name("keywords-en", "Key words", "Key words", "zh") == "英文关键词部分"
    assert section_name("abstract-zh", "摘要", "Abstract (Chinese)", "zh") == "摘要部分"
    assert section_name("3.1", "STORM试验", "STORM trial", "zh") == "第3.1节（STORM试验）"


def test_retrieval_config_rejects_unknown_modes() -> None:
    with pytest.raises(ValueError, match="mode"):
        RetrievalConfig(mode="sparse")


def cand(
    i: int, score: float, lexical: float = 0.5, dense: float = 0.9, terms: str = ""
) -> Candidate:
    return Candidate(i, 1, dense, lexical, score, terms=frozenset(terms.split() or [f"t{i}"]))


def test_choose_sentences_keeps_close_seconds_in_document_order() -> None:
    cfg = AnswerConfig(margin=0.03, max_sentences=3)
    chosen = choose_sentences(
        [cand(5, 1.00), cand(2, 0.99), cand(7, 0.90), cand(9, 0.985, 0.0)], cfg
    )
    assert [c.sentence_index for c in chosen] == [2, 5]  # 7 too far below; 9 shares no terms
    assert choose_sentences([], cfg) == []


def test_a_second_sentence_may_trail_further_for_english_questions() -> None:
    """Cross-language similarities lie closer together: a gap of 0.04 tells less."""
    cfg = AnswerConfig(margin=0.03, margin_en=0.045)
    pair = [cand(5, 1.00), cand(2, 0.96)]
    assert [c.sentence_index for c in choose_sentences(pair, cfg.for_language("zh"))] == [5]
    assert [c.sentence_index for c in choose_sentences(pair, cfg.for_language("en"))] == [2, 5]
    assert cfg.for_language(None) is cfg


def test_a_further_sentence_must_support_more_of_the_question() -> None:
    cfg = AnswerConfig(margin=0.03, max_sentences=3)
    best = cand(4, 1.00, terms="storm orr 26%")
    same_terms = cand(2, 0.99, terms="storm orr")  # the design sentence: nothing new
    new_terms = cand(5, 0.98, terms="storm pfs")  # the PFS asked about too
    chosen = choose_sentences([best, same_terms, new_terms], cfg)
    assert [c.sentence_index for c in chosen] == [4, 5]
    lax = AnswerConfig(margin=0.03, max_sentences=3, complement=False)
    assert [c.sentence_index for c in choose_sentences([best, same_terms], lax)] == [2, 4]
    # a neighbour in the same section may say what the best one does not ("周围神经病变发生率
    # 极低。" before the comparison of schedules), though it names no more of the question
    neighbour = cand(3, 0.99, terms="storm orr")
    assert [c.sentence_index for c in choose_sentences([best, neighbour], cfg)] == [3, 4]


def test_a_trials_aim_sentence_is_neither_a_second_sentence_nor_first_by_a_little() -> None:
    cfg = AnswerConfig(margin=0.03, max_sentences=2)
    aim = replace(cand(1, 1.00, terms="boston xvd vd dexamethasone"), aim=True)
    dosing = cand(2, 0.98, terms="vd dexamethasone 2次/周")
    results = cand(3, 0.99, terms="boston orr")
    # the aim leads by less than the margin: the dosing sentence answers, alone
    assert choose_sentences([aim, dosing], cfg) == [dosing]
    # the aim adds terms, but is never a second sentence
    assert choose_sentences([results, aim], cfg) == [results]
    # far ahead, it stays (it may be all the passage has); a design question sets aim=False
    assert choose_sentences([aim, cand(2, 0.90)], cfg) == [aim]
    lax = AnswerConfig(margin=0.03, max_sentences=3, complement=False)
    assert [c.sentence_index for c in choose_sentences([aim, dosing, results], lax)] == [2, 3]


def test_only_sentences_stating_the_value_asked_are_chosen() -> None:
    cfg = AnswerConfig()
    design = Candidate(1, 1, 0.9, 0.6, 1.00, "3.1", fits=False, terms=frozenset({"storm"}))
    results = Candidate(2, 1, 0.8, 0.2, 0.90, "3.1", fits=True, terms=frozenset({"orr"}))
    assert choose_sentences([design, results], cfg) == [results]
    # when no sentence states it, the choice is as before (and the gate then refuses)
    assert choose_sentences([replace(design, fits=False), replace(results, fits=False)], cfg)[
        0
    ] == replace(design, fits=False)


def test_each_kind_asked_gets_a_sentence_from_the_same_section() -> None:
    cfg = AnswerConfig()
    pfs = Candidate(1, 1, 0.92, 0.4, 1.13, "3.2.3", True, frozenset({"pfs"}), frozenset({"number"}))
    count = Candidate(2, 1, 0.89, 0.3, 1.00, "3.2.3", True, frozenset({"例"}), frozenset({"count"}))
    other = Candidate(3, 2, 0.90, 0.3, 1.05, "3.2.4", True, frozenset({"例"}), frozenset({"count"}))
    # the count sentence is far below the margin, but states what the best one lacks
    assert [c.sentence_index for c in choose_sentences([pfs, count, other], cfg)] == [1, 2]
    assert [c.sentence_index for c in choose_sentences([pfs, other], cfg)] == [1]


def test_refusal_gate() -> None:
    cfg = AnswerConfig(min_dense=0.86)
    assert should_answer(cand(1, 1.0, dense=0.9), [], cfg)
    assert not should_answer(cand(1, 1.0, dense=0.8), [], cfg)
    assert not should_answer(cand(1, 1.0, dense=0.95), ["price"], cfg)
    assert not should_answer(None, [], cfg)


def test_refusal_gate_has_a_floor_per_language() -> None:
    cfg = AnswerConfig(min_dense=0.75, min_dense_en=0.73)
    close_en = cand(1, 1.0, dense=0.74)
    assert should_answer(close_en, [], cfg, "en")
    assert not should_answer(close_en, [], cfg, "zh")
    assert not should_answer(cand(1, 1.0, dense=0.72), [], cfg, "en")


def test_missing_concepts_and_unknown_names() -> None:
    corpus = "塞利尼索的终末半衰期约为6 h。storm试验（临床编号nct02336815）。血液系统肿瘤"
    concepts = [
        ("price", "价格", "费用"),
        ("half-life", "半衰期"),
        ("hematologic malignancy", "血液系统恶性肿瘤"),
    ]
    assert missing_concepts(concepts, corpus) == ["price"]
    assert unknown_names("Was SIENDO or STORM (NCT02336815) about CYP3A4?", corpus) == [
        "SIENDO",
        "CYP3A4",
    ]
    assert unknown_names("IMWG data?", corpus, known=["IMWG"]) == []
    # a name inside a term the glossary matched is judged by that term
    assert unknown_names("Which NK1 antagonist?", corpus, known=["NK1 antagonist"]) == []
    # capitals for emphasis, and a label of the question's form, are no names; an unknown
    # code beside them still is
    assert unknown_names("MCQ: which is NOT an option? TRUE or FALSE, EXCEPT SIENDO", corpus) == [
        "SIENDO"
    ]
    # a trial may be named by a word in capitals: "the FIRST trial" is not the review's
    assert unknown_names("In the FIRST trial, what was the median survival?", corpus) == ["FIRST"]


def test_english_words_in_a_chinese_question_must_be_the_reviews() -> None:
    from assistant.absence import unknown_words

    corpus = "storm试验（临床编号nct02336815）。塞利尼索（selinexor）"
    assert unknown_words("XPO-1是karyopherin-β家族的吗？", corpus) == ["karyopherin"]
    assert unknown_words("Selinexor在STORM里的ORR？", corpus) == []  # the review's own words
    assert unknown_words("血钠多少mmol/L算低？", corpus) == ["mmol"]
    # a unit after a figure quotes a result; it names no term
    assert unknown_words("化验单上写着“钠 132 mmol/L，偏低”，常见吗？", corpus) == []
    # everyday code-switching is no technical term
    for chat in (
        "STORM的ORR是多少？Thanks",
        "Selinexor-based方案的data怎么样？",
        "Please问一下",
        "Day1给药吗？",
        "his/her病情",
    ):
        assert unknown_words(chat, corpus) == [], chat
    assert unknown_words("Is XPO-1 a karyopherin?", corpus) == []  # English: the glossary's job
    # nor everyday hyphenated English in an English question
    assert unknown_words("Approved in mid-2019? The top-3 adverse events?", corpus) == []


def test_proper_names_are_the_reviews_capitalised_words() -> None:
    review = "## 3.5 CAR-T · Selinexor after CAR-T\n\nChari等报道了7例。\n\n## Abstract\n\nIt was approved in July. Current trials go on; current use."
    names = capitalised_names(review)
    assert names == {"chari"}  # not a title's, a heading's, a month, nor a word also lower-cased
    assert proper_names("How long after CAR-T did Chari's patients start it?", names) == ["Chari"]
    assert proper_names("我读了Chari的文章，结果如何？", names) == ["Chari"]
    # opening the question too: the review never writes it in lower case ("Chari series —
    # any VGPR?"); a word the review never capitalises mid-sentence is no name anywhere
    assert proper_names("Chari reported what? Is it used With Daratumumab?", names) == ["Chari"]
    assert proper_names("With Daratumumab? Current use?", names) == []
    assert proper_names("Is Selinexor approved?", names | {"selinexor"}, ["Selinexor"]) == []


def citation(marker: int, section: str, text: str) -> Citation:
    return Citation(
        marker,
        f"{section}#p1",
        section,
        "STORM试验",
        text,
        f"{section}#p1.s1",
        0,
        1,
        1.0,
        text,
        "STORM trial",
    )


def test_answer_frame_follows_the_question_language() -> None:
    cites = [
        citation(1, "3.1", "客观缓解率（ORR）达26%。"),
        citation(2, "4.1", "最常见的不良反应为血小板减少。"),
    ]
    en = compose(cites, "en")
    assert en.startswith(
        "According to the review, section 3.1 (STORM trial): 客观缓解率（ORR）达26%。 [1]"
    )
    assert "(section 4.1 (STORM trial))" in en and en.endswith("[2]")
    zh = compose(cites[:1], "zh")
    assert zh == "根据综述第3.1节（STORM试验）：客观缓解率（ORR）达26%。[1]"


@pytest.mark.parametrize("bad", ["", "   ", "\u200b\u200b", "\x00\x07", "a" * 1001, None, 42])
def test_bad_questions_raise_invalid_question(bad: object) -> None:
    with pytest.raises(InvalidQuestion) as err:
        clean_question(bad)
    assert isinstance(err.value, ValueError) and str(err.value)


def test_control_and_invisible_characters_are_stripped() -> None:
    assert clean_question("  STORM\u200b试验\x00的\tORR？\n") == "STORM试验的 ORR？"


def test_further_sentences_stay_in_the_best_sentence_section() -> None:
    cfg = AnswerConfig(margin=0.05, max_sentences=3)
    best = Candidate(1, 1, 0.9, 0.5, 1.00, "3.1", terms=frozenset({"a"}))
    same = Candidate(2, 1, 0.9, 0.5, 0.99, "3.1", terms=frozenset({"b"}))
    other = Candidate(3, 2, 0.9, 0.5, 0.995, "3.2.2", terms=frozenset({"c"}))
    assert [c.sentence_index for c in choose_sentences([best, same, other], cfg)] == [1, 2]


def test_uncovered_specific_concepts() -> None:
    evidence = "中位pfs达9.0个月，orr达63%"
    concepts = [
        ("endpoint", ("OS", "overall survival", "总生存期")),
        ("endpoint", ("PFS", "无进展生存期")),
        ("drug", ("selinexor", "塞利尼索")),  # not a specific concept: the review's subject
    ]
    assert uncovered(concepts, evidence) == ["OS"]
    asct = ("procedure", ("ASCT", "autologous transplant", "自体干细胞移植"))
    assert uncovered([asct], evidence) == ["ASCT"]  # a transplant is a treatment asked about
    assert uncovered([asct], "rrmm病人asct前预处理") == []


def test_a_combination_is_covered_by_naming_each_of_its_drugs() -> None:
    xpd = "塞利尼索+泊马度胺+地塞米松:塞利尼索(60 mg/80 mg)、地塞米松(20 mg)"
    xd = ("regimen", ("Xd", "塞利尼索+地塞米松"))
    pomalidomide = ("pomalidomide", "泊马度胺")
    assert uncovered([xd], xpd, drugs=[pomalidomide]) == []
    # without the third drug in the question, Xd is STORM's regimen, not a part of XPd
    assert uncovered([xd], xpd) == ["Xd"]
    assert uncovered([xd], "泊马度胺(4 mg)、地塞米松(20 mg)", drugs=[pomalidomide]) == ["Xd"]


def test_concept_overlap_counts_a_concept_once_however_many_variants() -> None:
    idf = {
        "暴露": 2.0,
        "浓度": 1.0,
        "时间": 1.0,
        "曲线": 2.0,
        "面积": 2.0,
        "年龄": 3.0,
        "性别": 3.0,
    }
    exposure = frozenset({"暴露", "浓度", "时间", "曲线", "面积"})
    groups = [exposure, frozenset({"年龄"}), frozenset({"性别"})]
    auc = {"浓度", "时间", "曲线", "面积", "剂量"}
    demographics = {"年龄", "性别", "种族"}
    # by tokens, the AUC sentence matches 6 of 14; by concepts, 2 of 8
    assert concept_overlap(groups, auc, idf) == pytest.approx(2 / 8)
    assert concept_overlap(groups, demographics, idf) == pytest.approx(6 / 8)
    assert concept_overlap([], auc, idf) == 0.0


def test_alternatives_need_only_one_in_the_review() -> None:
    corpus = "采用剂量递增的给药方式"
    fixed = ("fixed dose", "固定剂量")
    escalation = ("dose escalation", "escalation", "剂量递增")
    cataract = ("cataract", "白内障")
    blurred = ("blurred vision", "视物模糊")
    question = "How was dosing handled — fixed doses or escalation, and why?"
    assert offered_alternatives(question, [fixed, escalation], corpus) == [fixed]
    # neither alternative is in the review: nothing is spared
    assert offered_alternatives("Cataracts or blurred vision?", [cataract, blurred], corpus) == []
    # no alternatives offered
    assert offered_alternatives("Fixed doses and escalation?", [fixed, escalation], corpus) == []
    # plurals fold the same way in the question and in the variants
    herpes = ("herpes zoster", "带状疱疹")
    assert offered_alternatives("Herpes zoster or escalation?", [herpes, escalation], corpus) == [
        herpes
    ]
    # the alternatives are the two concepts beside "or", not whatever else the sentence names
    trial = ("trial", "试验")
    sc, iv = ("subcutaneous", "皮下注射"), ("intravenous", "静脉推注")
    question = "BOSTON试验里硼替佐米是皮下注射还是静脉推注？"
    assert offered_alternatives(question, [trial, sc, iv], "boston试验") == []


def test_a_reworded_long_term_counts_only_with_its_head_noun() -> None:
    from assistant.absence import mentions

    corpus = "浆细胞恶性增殖性疾病，是血液系统发病率居第2位的肿瘤；生存期缩短"
    assert mentions(corpus, "血液系统恶性肿瘤")  # worded 血液系统…肿瘤: its opening and head
    assert not mentions(corpus, "浆细胞白血病")  # 浆细胞 is there, 白血病 is not
    # the opening words are what sets a term apart: 生存期 is not 无进展生存期, 淋巴瘤 is not
    # 霍奇金淋巴瘤
    assert not mentions(corpus, "无进展生存期")
    assert not mentions(corpus + "淋巴瘤", "霍奇金淋巴瘤")
    # a variant is normalized as the text is (Ⅱ期 is ii期), and its Latin letters are whole
    assert mentions("推荐ii期给药剂量", "Ⅱ期")
    assert not mentions("推荐ii期给药剂量", "Ⅰ期")
    # opening and head noun close together in one clause: the selinexor of one clause and
    # the doublet of another name no selinexor doublet
    far = "给予塞利尼索（60 mg，1次/周），明显优于泊马度胺与地塞米松的二联方案"
    assert not mentions(far, "塞利尼索二联")
    assert mentions("无论是塞利尼索的二联或是三联疗法", "塞利尼索二联")
    assert mentions("对于四重、五重难治病人", "四重难治")  # an opening shared by coordination


def test_meaningful_terms_exclude_numbers_and_single_letters() -> None:
    from assistant.answer import meaningful

    assert meaningful(["1", "3.7", "x", "orr", "半衰期"]) == ["orr", "半衰期"]


def test_known_terms_are_those_the_corpus_uses() -> None:
    from index.bm25 import BM25Index

    index = BM25Index().fit(["塞利尼索的半衰期约为6 h", "STORM trial ORR 26%"])
    assert index.known_terms("hello 半衰期 orr 1") == ["半衰期", "orr"]


def test_refusal_note_tells_absent_from_unstated() -> None:
    from assistant.answer import refusal_note

    assert refusal_note(["price"], []) == "Not in the review: price."
    assert refusal_note([], ["PFS", "PFS"]) == "The closest passages do not state: PFS."
    assert refusal_note(["CYP3A4"], ["the dose asked for"]) == (
        "Not in the review: CYP3A4. The closest passages do not state: the dose asked for."
    )
    assert refusal_note([], []) == ""
    # what the review never mentions is not repeated as unstated by the closest passages
    assert refusal_note(["warfarin"], ["warfarin"]) == "Not in the review: warfarin."


def test_why_questions_and_sentences_that_state_a_cause() -> None:
    from assistant.asked import CAUSE, WHY

    assert WHY.search("为什么阻断xpo-1主要杀死肿瘤细胞？") and WHY.search("why was it dropped?")
    assert not WHY.search("what was the orr?")
    assert CAUSE.search("因每周给予2次硼替佐米，病人周围神经病变难以耐受，最后放弃此个方案")
    assert CAUSE.search("会导致有高度dna损伤的细胞死亡")
    assert not CAUSE.search("客观缓解率（orr）达26%")
    assert not CAUSE.search("危险因素")  # 因 of 因素 is no cause
    assert not CAUSE.search("mm基因组的高度不稳定性") and not CAUSE.search("核因子κb")
    assert CAUSE.search("it led to neuropathy")


def test_a_claim_brought_to_be_checked() -> None:
    from assistant.asked import CLAIM

    for claim in (
        "同事说STORM里的8.6个月是中位PFS，对吗？",
        "有资料说XVd的中位总生存期是9.0个月，这个9.0个月真的是OS吗？",
        "My notes say the XVd arm had a median follow-up of 17.3 months. Is that correct?",
        "A colleague's slide says it was approved in 2020. Does the abstract back that up?",
        "笔记写着“2019年获中国药监部门批准，与泼尼松联用”，对照摘要，哪两处写错了？",
        "A handout says the approval was for monotherapy. Does the abstract support that?",
        # other people's word, checked against what the review says
        "组会上有同学说是B细胞功能被抑制了。综述第1部分说的是哪种免疫细胞？",
        "病友群里说那2例都达到了完全缓解。综述里是这样写的吗？",
        "PPT上写的是入组40例、可评估38例，和综述一致吗？",
        "His son read online that it is an injectable. What does the English abstract say?",
        # a longer reporting clause, a check against the abstract, "what is wrong in it"
        "护士给病人做宣教时说：“它是一种打针用的药。”对照中文摘要，这句话哪里说得不对？",
        # the claim first, whose word it is after
        "STORM里2例CAR-T后复发者都达到CR了？病友这么说，真的假的？",
        "有人说STORM的ORR是40%，真的假的？",
        "I was told STORM left out high-risk patients. Is that correct?",
    ):
        assert CLAIM.search(claim), claim
    for question in ("STORM的中位PFS是多少？", "What does the review say about neuropathy?"):
        assert not CLAIM.search(question), question


def test_a_reason_asked_for_a_choice_or_difference_reported() -> None:
    from assistant.asked import FINDING, WHY

    for asks in (
        "为什么来那度胺队列选的是新诊断病人？",
        "why did the non-refractory group do better?",
    ):
        assert WHY.search(asks) and FINDING.search(asks), asks
    assert not FINDING.search("why is selinexor given with dexamethasone?")


def test_what_a_question_is_not_asking() -> None:
    """Ordinary questions the wordings of claims, causes, findings and superlatives must miss."""
    from assistant.asked import _ACRONYMS, CLAIM, FINDING, MECHANISM, WHICH_BETTER

    assert not CLAIM.search("What does the review say about dosing in the case of pregnancy?")
    assert not CLAIM.search("What does the review say is the right dose on dialysis?")
    assert not CLAIM.search("听说塞利尼索是口服的，一天吃几次？")  # hearsay, no check of it
    assert not MECHANISM.search("how can i treat the nausea it may cause?")
    assert not FINDING.search("为什么塞利尼索对多发性骨髓瘤有效？")  # 多 of 多发性
    assert not WHICH_BETTER.search("which is the best way to manage fatigue on selinexor?")
    assert _ACRONYMS.findall("NDMM的英文全称是什么") == ["NDMM"]  # beside Chinese


def test_a_value_to_be_worked_out() -> None:
    from assistant.asked import CALCULATE

    for calc in (
        "按63%的ORR算，大概有多少人有效？",
        "按这篇综述引用的国内发病率粗算，每年会新增多少例？",
        "一个周期里一共要吃几次、累计多少毫克？",
        "How many milligrams does one 28-day cycle add up to?",
        "XPd组的中位PFS是Pd组的几倍？",
        "How many times longer was the median PFS with XPd than with Pd?",
    ):
        assert CALCULATE.search(calc), calc
    for asked in ("大概多久血药浓度达到峰值？", "By roughly what factor does AUC rise?"):
        assert not CALCULATE.search(asked), asked  # a value the review may state


def test_how_an_adverse_event_comes_about_and_sentences_tying_it_to_a_cause() -> None:
    from assistant.asked import ATTRIBUTES, MECHANISM

    for asks in ("what is the mechanism by which it causes nausea?", "为什么会引起低钠？"):
        assert MECHANISM.search(asks), asks
    assert MECHANISM.search("how does selinexor cause diarrhoea?")
    assert MECHANISM.search("is there a mechanistic reason for pairing it with dexamethasone?")
    assert not MECHANISM.search("how does selinexor compare with bortezomib?")
    assert ATTRIBUTES.search("可能与药物本身有关，抑或为疾病本身所致")
    assert not ATTRIBUTES.search("可通过给予类固醇或5-羟色胺3受体拮抗剂来缓解")  # management


def test_asked_reads_kinds_parts_groups_and_reasons_without_a_model() -> None:
    from assistant.asked import Asked
    from assistant.glossary import load_glossary
    from assistant.retrieval import Signals

    glossary = load_glossary()

    def asked(question: str) -> Asked:
        expansion = glossary.expand(question)
        return Asked.of(Signals(question, expansion, expansion.text, None, None, None, ()))

    parts = asked("STOMP泊马度胺队列的入组例数为多少？其中既往未接受泊马度胺者的中位PFS为多少？")
    assert parts.kind == "count" and [k for k, _ in parts.others] == ["number"]
    assert not any("pfs" in variants for variants in parts.measures)  # PFS is the other part's
    naive = asked("What was the ORR among daratumumab-naive patients?")
    assert naive.kind == "percent" and naive.group and naive.group[0] == "treatment-naive patients"
    assert naive.stated(normalize("初治病人orr达50%")) == {"percent"}
    assert naive.stated(normalize("双重难治病人的orr达73%，初治病人中位pfs可达12.5个月")) == set()
    # a yes/no clause after the value's names a group the value is not for
    penta = asked("What was the overall response rate, and did anyone penta-refractory respond?")
    assert penta.kind == "percent" and penta.group is None
    cohort = asked(
        "My patient is refractory to carfilzomib. Did the XKd cohort still show responses in "
        "such patients, and what clinical benefit rate did the cohort report?"
    )
    assert cohort.group is None  # the cohort's rate, not the refractory patients'
    assert asked("In refractory patients, what was the ORR?").group is not None
    assert asked("Why was the schedule dropped?").why
    # a definition asked: naming the term is none, a copula right after it is one
    cbr = asked("How does the review define clinical benefit rate, counted in the 71% figure?")
    assert not cbr.defined(normalize("临床收益率（crb）达71%"))
    mm = asked("How does the abstract define multiple myeloma?")
    assert mm.defined(normalize("多发性骨髓瘤（MM）为单克隆浆细胞恶性增殖性疾病"))
    assert mm.defined(normalize("Multiple myeloma (MM) is a malignant proliferative disease"))
    assert not mm.defined(normalize("multiple myeloma is 10% of blood cancers"))  # a figure
    quoted = asked("综述说“不会改变移植动力学”，这里的移植动力学具体指哪些指标？")
    assert quoted.defines and not quoted.defined(normalize("不会改变移植动力学"))
    # an acronym the question names is answered by its spelling out; a figure by its measure
    xd = asked("文献里常见的“Xd”方案指的是什么药物组合？")
    assert xd.defined(normalize("塞利尼索+地塞米松（Xd）"))
    assert not asked("“15.6个月”指的是什么指标？").defines
    assert not asked("RRMM这个缩写指什么？").defines
    # an abbreviation's full name asked: the sentences spelling it out give it
    both = asked("摘要里的“RRMM”和“FDA”这两个缩写分别指什么？")
    assert both.spells == ("rrmm", "fda")
    assert both.spelled(normalize("被美国食品药品管理局（FDA）批准用于治疗RRMM")) == {"fda"}
    assert not asked("What was the ORR in RRMM?").spells
    # a bare "what is X": the sentence saying what X is is preferred
    what = asked("What is selinexor?")
    assert "selinexor" in what.identifies
    assert what.identified(normalize("Selinexor, an oral selective inhibitor of nuclear export"))
    assert what.identified(normalize("塞利尼索作为一种口服选择性核输出蛋白抑制剂"))
    assert not what.identified(normalize("给予80 mg的塞利尼索，显示出良好的耐受性"))
    assert "塞利尼索" in asked("塞利尼索是什么药？").identifies
    # what kind of drug it is, a description of it
    assert "selinexor" in asked("What kind of drug is selinexor?").identifies
    one_line = "Give me a one-line description of selinexor — what sort of medicine is it?"
    assert "selinexor" in asked(one_line).identifies
    assert "塞利尼索" in asked("简单说说塞利尼索属于哪种药。").identifies
    # a class with the term as its example says what the term is
    dex = asked("What kind of drug is dexamethasone?")
    assert dex.identified(normalize("通常与皮质类固醇（如地塞米松或泼尼松）和烷化剂联合应用"))
    assert asked("What is melphalan?").identified(normalize("烷化剂（如美法仑或环磷酰胺）"))
    assert not dex.identified(normalize("地塞米松（20 mg，2次/周）"))
    assert asked("什么是RRMM？").identified(normalize("复发难治性多发性骨髓瘤（RRMM）"))
    assert not asked("What is the ORR in STORM?").identifies  # a value of X, not what X is
    assert not asked("What is the dose of selinexor in BOSTON?").identifies
    storm = asked("What is STORM?")
    assert storm.identifies == ("storm",)
    assert storm.identified(normalize("STORM试验（临床编号NCT02336815）是一项全球、多中心"))
    assert asked("BOSTON是什么研究？").identifies == ("boston",)
    # a figure for a whole trial is not one cohort's
    total = asked("STOMP研究所有队列加起来一共入组了多少病人？")
    assert total.total and not total.for_whole(normalize("在stomp的硼替佐米队列中，共纳入42名"))
    assert total.for_whole(normalize("实验共纳入122例rrmm病人"))
    assert not asked("STOMP硼替佐米队列一共入组了多少病人？").total  # the cohort is named
    assert not asked("What was the overall response rate?").total
    assert not asked("What was the ORR?").why


def test_what_a_sentence_on_how_a_drug_works_says() -> None:
    from assistant.asked import ACTS

    for acts in (
        "它与XPO-1的半胱氨酸528残基共价结合",
        "诱导恶性肿瘤细胞的凋亡",
        "blocks nuclear export",
    ):
        assert ACTS.search(acts.lower()), acts
    for results in ("共纳入42名RRMM病人，ORR达63%", "核输出蛋白抑制剂", "a selective inhibitor"):
        assert not ACTS.search(results.lower()), results


def test_which_did_better_and_what_compares() -> None:
    from assistant.asked import BETTER_THAN, COMPARES, WHICH_BETTER

    assert BETTER_THAN.search("Did XKd do better than XVd?")
    # against the asker's own patient, not between two things the review reports
    assert not BETTER_THAN.search(
        "My patient is 72: were STORM patients older or younger than that?"
    )
    from assistant.evidence import BACK_REFERENCE

    for asks in (
        "谁的PFS更长？",
        "XVd和Vd相比哪个好？",
        "Which cohort of STOMP had the higher ORR?",
    ):
        assert WHICH_BETTER.search(asks.lower()), asks
    assert not WHICH_BETTER.search("which drugs were combined with selinexor?")
    assert WHICH_BETTER.search(
        "which cytogenetic subgroup responded best in storm?"
    )  # a superlative
    assert not WHICH_BETTER.search("which drugs are most commonly combined with it?")
    for asks in ("哪组ORR较高？", "哪个方案疗效好？", "CAR-T和塞利尼索哪个适合？"):
        assert WHICH_BETTER.search(asks), asks
    for neither in (
        "mm 三联疗法 由哪三类药组成 有啥好处",
        "还收了哪些高危类型？",
        "在哪里买？",
        "加塞利尼索让哪类病人重新缓解了？",  # 重新 is "again", not 重 "severe"
        "which three developments drove better outcomes?",  # a list asked for
    ):
        assert not WHICH_BETTER.search(neither), neither
    for compares in (
        "ORR达63%，非难治组高于难治组",
        "较Vd组更快（1.1个月比1.4个月）",
        "严重出血事件的情况较少，而在BOSTON试验中",
    ):
        assert COMPARES.search(compares), compares
    for neither in ("因血小板减少导致严重出血事件的情况较少", "男性占多大比例"):
        assert not COMPARES.search(neither), neither
    # a yes/no question setting one thing against another asks a comparison too; not one
    # asking how much longer, nor one measuring against a figure
    from assistant.asked import BETTER_THAN

    for yes_no in (
        "CAR-T后复发的病人，用XKd是不是比用XVd效果更好？",
        "中国病人的低钠血症发生率比欧美病人高吗？",
        "Do women get more nausea on selinexor than men?",
        "For nausea, does olanzapine work better than rolapitant?",
    ):
        assert BETTER_THAN.search(yes_no), yes_no
    for neither in (
        "BOSTON里XVd组的中位OS比Vd组的长了多少？",
        "STORM的中位OS比一年长吗？",
        "Was median overall survival longer than a year?",
        "Is it true that more than half of them reached VGPR?",
        "引言说MM病人哪两方面比过去明显上升？",
        # 比较 is "fairly", 比例 a proportion; "other than" compares nothing; nor does a
        # figure of two digits or another measure of the same patients
        "恶心呕吐是不是比较常见？",
        "血小板减少的比例高吗",
        "Are there side effects other than nausea?",
        "Is ORR in STORM better than 20%?",
        "Is XKd OS longer than its PFS?",
        "XKd那组的总生存是不是比无进展生存长？",
    ):
        assert not BETTER_THAN.search(neither), neither
    # pointing back to the scene, or not: 应该 and 此外 point nowhere
    assert BACK_REFERENCE.search("can steroids relieve it?")
    assert BACK_REFERENCE.search("他能继续用吗？")
    # "this" as a degree points back at nothing; as a determiner it does
    assert not BACK_REFERENCE.search("is low sodium expected this early, and must we hold?")
    assert BACK_REFERENCE.search("is this expected?")
    assert not BACK_REFERENCE.search("应该用什么药止吐？")
    assert not BACK_REFERENCE.search("此外还有哪些其他办法？")


def test_a_route_is_asked_by_its_alternatives_and_stated_by_its_words() -> None:
    from assistant.asked import ROUTE, ROUTE_STATED

    for asks in ("STORM dex 20 mg — PO or IV?", "塞利尼索是口服还是静脉给药？", "What route?"):
        assert ROUTE.search(asks), asks
    for neither in ("Is selinexor oral?", "口服后多久达峰？", "How is it taken?", "XVd怎么给药？"):
        assert not ROUTE.search(neither), neither
    assert ROUTE_STATED.search("塞利尼索作为一种口服选择性核输出蛋白抑制剂")
    assert not ROUTE_STATED.search("地塞米松（20 mg，第1、3天）")
    assert not ROUTE_STATED.search("输注血小板")  # an infusion of something else
    # one route checked, or eating against a drip; not eating against eating
    for asks in (
        "塞利尼索是静脉给药的吗？",
        "Is it given intravenously?",
        "这个药是打针还是吃的？",
    ):
        assert ROUTE.search(asks), asks
    assert not ROUTE.search("塞利尼索要一直吃还是吃几个疗程就停？")


def test_a_dose_the_review_never_states_is_not_in_it(review) -> None:
    from assistant.absence import unknown_doses

    corpus = normalize(review.text)
    assert unknown_doses("卡非佐米改成每周一次56 mg/m2，效果一样吗？", corpus) == ["56 mg/m2"]
    assert unknown_doses("Can 80 mg twice weekly be given as 160 mg once weekly?", corpus) == [
        "160 mg"
    ]
    assert unknown_doses("Can it be given at 5 mg?", corpus) == ["5 mg"]  # not 25 mg's
    # doses it states, however spaced; and a dose checked against the review, which its own
    # dose answers
    for stated in ("能不能吃60 mg每周两次", "卡非佐米能用20/27 mg/m²吗", "Can XKd use 30 mg/m2?"):
        assert unknown_doses(stated, corpus) == [], stated
    for checked in (
        "In the conditioning study, was it a single 160 mg dose?",
        "STORM里塞利尼索每次是120 mg吗？",
        "Pharmacist: is 120 mg once weekly the BOSTON selinexor dose?",
    ):
        assert unknown_doses(checked, corpus) == [], checked


def test_a_route_is_asked_by_the_stem_or_by_options_that_are_all_routes() -> None:
    from assistant.asked import _asks_route

    assert _asks_route("Is selinexor given orally or intravenously?")
    assert _asks_route(
        "Selinexor is: A) given intravenously B) taken orally C) given subcutaneously"
    )
    # one option's route is a claim to weigh
    assert not _asks_route(
        "Selinexor is: A) a monoclonal antibody; B) an oral XPO-1 inhibitor; "
        "C) a proteasome inhibitor given by injection"
    )


def test_alternatives_are_the_concepts_beside_their_or() -> None:
    """An offer names its alternatives next to the "or"; a concept further on is no offer
    ("姜茶或者吃点酸的能缓解吗" offers no 缓解), and the occurrence beside it counts, not the
    first ("Transplant team …: an autologous or an allogeneic transplant")."""
    from assistant.absence import alternatives

    ginger = ("ginger", "姜茶")
    relief = ("response", "缓解")
    assert alternatives("吃了恶心，喝点姜茶或者吃点酸的能缓解吗", [ginger, relief]) == []
    auto = ("transplant", "autologous")
    allo = ("allogeneic",)
    found = alternatives(
        "Transplant team: an autologous or an allogeneic transplant?", [auto, allo]
    )
    assert found == [(auto, allo)]
    assert alternatives("单药还是和别的药联合？", [("单药",), ("联合",)]) == [
        (("单药",), ("联合",))
    ]


def test_dose_levels_are_named_by_the_doses_a_passage_lists() -> None:
    from assistant.evidence import implied_names

    assert implied_names("泊马度胺采用剂量递增（2 mg、3 mg或4 mg，第1~21天）") == "剂量水平"
    assert implied_names("给予塞利尼索（60 mg/80 mg，1次/周或2次/周）") == "剂量水平"
    # one dose, or a dose and a body-surface dose, lists no levels
    for text in ("塞利尼索（80 mg，第1、3天）", "硼替佐米（1.3 mg/m2，1次/周）", "20/27 mg/m2"):
        assert implied_names(text) == "", text


def test_one_route_asked_of_a_drug() -> None:
    from assistant.asked import ROUTE

    for question in (
        "Is it right that selinexor is given IV?",
        "Is selinexor an injection?",
        "塞利尼索要打针吗？",
        "Can it be given by drip?",
    ):
        assert ROUTE.search(question.lower()), question
    for question in ("What is the IV dose of bortezomib?", "Is selinexor given with food?"):
        assert not ROUTE.search(question.lower()), question


def test_an_amount_put_on_an_endpoint() -> None:
    """A yes/no question putting an amount on an endpoint ("长了4个多月", "roughly doubled")
    asks for a figure; "double-refractory" and "twice weekly" put none."""
    from assistant.evidence import AMOUNT

    for question in (
        "XVd组的中位PFS比Vd组长了4个多月，对吗？",
        "did xvd roughly double median pfs?",
        "has it doubled the response rate?",
        "did storm report an orr of 26%?",
    ):
        assert AMOUNT.search(question), question
    for question in (
        "did selinexor lengthen pfs in double- and triple-refractory patients?",
        "is it given twice weekly?",
        "did xvd improve pfs?",
    ):
        assert not AMOUNT.search(question), question


def test_a_trial_described_without_its_noun() -> None:
    """ "3期随机对照那个（XVd对Vd）" describes BOSTON as surely as "3期随机对照那个研究"."""
    from assistant.referring import _REFERRING
    from index.segment import normalize

    assert _REFERRING.search(normalize("3期随机对照那个（XVd对Vd），一共入组多少人？"))
    assert not _REFERRING.search(normalize("我爸吃的那个药叫什么？"))
