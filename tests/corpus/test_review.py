"""The bundled review, reconstructed: golden sentences, section tree, conservation, ids."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpus import CorrectionError, Document, load_review
from corpus.corrections import Correction, apply_corrections, load_corrections
from corpus.loader import DEFAULT_REVIEW, sidecar
from corpus.text import counted_chars, strip_ref_marks


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_review()


def sentence_texts(doc: Document) -> list[str]:
    return [s.text for s in doc.sentences]


@pytest.mark.parametrize(
    "sentence",
    [
        # the intro: the whole left column, reference marks out of the text
        "多发性骨髓瘤（MM）特征为骨髓中单克隆浆细胞恶性增殖，主要临床表现为骨痛、贫血、肾功能损伤、高钙血症和感染等。",
        # the left column's last paragraph continues at the top of the right column
        "但由于MM基因组的高度不稳定性及对微环境的高度依赖性，在药物的选择作用下，某些亚克隆单位形成耐药优势并开始显著扩增，"
        "以及肿瘤的发生发展会导致人体免疫监视功能下降，骨髓内免疫T细胞功能受到抑制，从而导致肿瘤细胞的免疫逃逸，"
        "使MM病人不可避免地进展为RRMM，这些复发病人与新诊断（NDMM）的病人相比，通常具有更强的侵袭性和难治性，"
        "且疾病每复发一次，无进展间隔通常会随之缩短。",
        # ［6-8］ was set inside 无进展生存期 at a line start
        "研究表明，三联疗法（IMiDs+PI+地塞米松）在促进MM病人快速深入反应的同时可以提高其无进展生存期（PFS）和总生存期（OS）。",
        # de-hyphenated across a line end, in Chinese context
        "塞利尼索是一种选择性XPO-1抑制剂，临床前研究表明，Selinexor与地塞米松联合或单独使用可诱导许多骨髓瘤细胞系凋亡，"
        "并在动物模型中具有抗肿瘤活性。",
        "给药后3~4 h，血药浓度达到峰值，重复给药不会导致药物在血液中明显蓄积，其终末半衰期约为6 h，全身清除率可达18 L/h，"
        "这些数值在年龄、性别和种族上差异无统计学意义。",
        # STORM: displaced marks and commas put back
        "实验共纳入122例RRMM病人，部分病人具有高危细胞遗传学特征，如t（4；14）、t（14；16）和del（17p），年龄中位数为65岁，"
        "每周给予2次塞利尼索（80 mg，第1、3天）和地塞米松（20 mg，第1、3天），4周为1个疗程，结果显示，客观缓解率（ORR）达26%，"
        "2例经嵌合抗原受体T细胞免疫疗法（CAR-T）治疗后复发的病人也观察到了部分缓解，中位缓解持续时间（DOR）达4.4个月，"
        "中位PFS达3.7个月，中位OS达8.6个月，在达到最小反应的病人中，中位OS可达15.6个月，对于四重、五重难治病人均观察到了"
        "一定的疾病缓解。",
        # 3.2.2: 共3周 and 为 were displaced
        "在卡非佐米（临床编号NCT02199665）队列中，共纳入21例RRMM病人，采用剂量递增的给药方式，直至因不良反应无法耐受停止，"
        "起始剂量为塞利尼索（30 mg/m2 2次/周，共3周）、卡非佐米（20/27 mg/m2 2次/周，共3周）、地塞米松（20 mg，2次/周），"
        "28 d为1个疗程。",
        # BOSTON: 长（ was displaced
        "XVd组中位随访13.2个月，Vd组16.5个月，结果显示，XVd组在ORR、中位PFS、中位DOR方面均高于Vd组，"
        "XVd组病人出现首次反应的中位时间较Vd组更快（1.1个月比1.4个月）且进行下一次骨髓瘤治疗的时间较Vd组有所延长"
        "（16.1个月比10.8个月，P=0.001 2）。",
        "Vd组中位随访17.5个月，中位OS为25个月，而XVd组中位随访17.3个月，未达到中位OS（风险比HR=0.84，P=0.185 2）。",
        "Selinexor, an oral selective inhibitor of nuclear export proteasome that exerts anti-tumor effect by inducing "
        "apoptosis of malignant tumor cells, was approved by FDA on July 3, 2019 in combination with dexamethasone for "
        "the treatment of relapsed and refractory multiple myeloma patients.",
        "随着研究的不断深入，未来具有良好的应用前景。",
    ],
)
def test_golden_sentences(doc: Document, sentence: str) -> None:
    assert sentence in sentence_texts(doc)


def test_section_tree(doc: Document) -> None:
    numbers = [s.number for s in doc.sections]
    assert numbers == [
        "abstract-zh", "keywords-zh", "abstract-en", "keywords-en", "intro",
        "1", "2", "3", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5",
        "3.3", "3.4", "3.5", "4", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "5",
    ]  # fmt: skip
    assert doc.section("3.2.3").title == "塞利尼索+泊马度胺+地塞米松（XPd）"
    assert doc.section("3.2.3").parent == "3.2"
    assert doc.section("3.2.3").level == 3
    assert doc.section("3.1").title_en == "STORM trial"
    assert doc.section("3.5").title == "塞利尼索+地塞米松+蛋白酶体抑制剂（Xd+PI）用于CAR-T治疗失败"
    assert doc.section("4.1").title == "血小板减少"
    assert "## 3 临床研究" in doc.text and "### 3.1 STORM试验 · STORM trial" in doc.text


def test_a_keyword_list_is_one_sentence(doc: Document) -> None:
    """Its ；separates keywords: cited, the list is cited whole."""
    for number in ("keywords-zh", "keywords-en"):
        (passage,) = [p for p in doc.passages if p.section == number]
        assert [s.text for s in passage.sentences] == [passage.text]
    assert (
        doc.passage("keywords-zh#p1").text
        == "多发性骨髓瘤；抗体，单克隆；塞利尼索；核输出蛋白抑制剂；综述"
    )


def test_reference_marks_are_data_not_text(doc: Document) -> None:
    for sentence in doc.sentences:
        assert "［" not in sentence.text
        span = doc.text[sentence.start : sentence.end]
        assert strip_ref_marks(span).strip() == sentence.text
    storm = next(s for s in doc.sentences if s.text.startswith("STORM试验（临床编号"))
    assert storm.refs == (27, 28)
    intro = next(s for s in doc.sentences if s.text.startswith("塞利尼索是一种选择性XPO-1"))
    assert intro.refs == (11, 12, 15, 16, 17)


def test_offsets_locate_passages_and_sentences(doc: Document) -> None:
    for passage in doc.passages:
        assert strip_ref_marks(doc.text[passage.start : passage.end]).strip() == passage.text
        for sentence in passage.sentences:
            assert passage.start <= sentence.start < sentence.end <= passage.end
            assert sentence.id.startswith(passage.id + ".s")


def test_nothing_lost(doc: Document) -> None:
    """Every CJK character, letter and digit of the raw text is in the clean text."""
    raw = DEFAULT_REVIEW.read_text(encoding="utf-8")
    missing = Counter(counted_chars(raw)) - Counter(counted_chars(doc.text))
    removed = Counter(counted_chars(doc.removed))
    print(f"removed by the corrections table: {sorted(removed.elements()) or 'nothing'}")
    assert missing == removed


def test_nothing_invented(doc: Document) -> None:
    """The body (passages and source headings) holds no character the raw text lacks."""
    raw = DEFAULT_REVIEW.read_text(encoding="utf-8")
    body = "".join(doc.text[p.start : p.end] for p in doc.passages)
    body += "".join(s.title for s in doc.sections if s.number != "intro")
    assert Counter(counted_chars(body)) - Counter(counted_chars(raw)) == Counter()


def test_every_correction_applies_exactly_once(doc: Document) -> None:
    table = load_corrections(sidecar(DEFAULT_REVIEW, ".corrections.tsv"))
    assert len(table) >= 10
    with pytest.raises(CorrectionError, match="matched 0 times"):
        apply_corrections("无关的文本", table[:1])
    twice = Correction("dup", "甲", "乙", "test")
    with pytest.raises(CorrectionError, match="matched 2 times"):
        apply_corrections("甲甲", (twice,))


def test_a_changed_input_is_refused_not_mis_corrected(tmp_path: Path) -> None:
    raw = DEFAULT_REVIEW.read_text(encoding="utf-8").replace("P=长（", "P=（")
    copy = tmp_path / "selinexor_rrmm_review.raw.txt"
    copy.write_text(raw, encoding="utf-8")
    table = sidecar(DEFAULT_REVIEW, ".corrections.tsv").read_text(encoding="utf-8")
    sidecar(copy, ".corrections.tsv").write_text(table, encoding="utf-8")
    with pytest.raises(CorrectionError, match="boston-ttnt"):
        load_review(copy)


def test_ids_are_stable_across_runs(doc: Document) -> None:
    again = load_review()
    assert [(p.id, p.start, p.end) for p in again.passages] == [
        (p.id, p.start, p.end) for p in doc.passages
    ]
    assert [s.id for s in again.sentences] == [s.id for s in doc.sentences]
    assert doc.passages[0].id == "abstract-zh#p1"
    assert {p.lang for p in doc.passages} == {"zh", "en"}


def test_markdown_round_trip(doc: Document, tmp_path: Path) -> None:
    """The clean Markdown loads through the same code path and gives the same passages."""
    md = tmp_path / "review.md"
    md.write_text(doc.text, encoding="utf-8")
    again = load_review(md)
    assert again.title == doc.title
    assert [(p.id, p.text) for p in again.passages] == [(p.id, p.text) for p in doc.passages]
    assert [s.number for s in again.sections] == [s.number for s in doc.sections]


def test_plain_clean_text_review(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text(
        "摘要：这是一篇干净的综述。它只有一栏。\n\n1\u3000背景\n\n"
        "第一段的第一句。第一段的\n第二句跨行。\n\n第二段。\n",
        encoding="utf-8",
    )
    doc = load_review(path)
    assert [s.number for s in doc.sections] == ["abstract-zh", "1"]
    assert [p.text for p in doc.passages if p.section == "1"] == [
        "第一段的第一句。第一段的第二句跨行。",
        "第二段。",
    ]
