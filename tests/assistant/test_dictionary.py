"""English glosses of the review's Chinese words from CC-CEDICT (assistant.dictionary)."""

from __future__ import annotations

from assistant.dictionary import _glosses, dictionary_terms, with_dictionary
from assistant.glossary import Glossary, Term


def test_glosses_are_short_phrases_without_notes() -> None:
    assert _glosses("to rejoice; to be glad") == ["rejoice", "be glad"]
    assert _glosses("appetite") == ["appetite"]
    # cross-references, classifiers and long definitions are no translations
    assert _glosses("see 整裝|整装[zheng3 zhuang1]/CL:個|个[ge4]") == []
    assert _glosses("early morning/CL:個|个[ge4]") == ["early morning"]
    assert _glosses("a thing that one does in the morning before work") == []
    assert _glosses("dynamics (math.)/kinetics") == ["dynamics", "kinetics"]


def test_only_the_reviews_words_the_glossary_lacks() -> None:
    known = Glossary((Term(en=("mechanism",), zh=("机制",), category="biology"),))
    terms = dictionary_terms(["食欲", "机制", "早上", "not-chinese"], known)
    by_en = {t.en[0]: t for t in terms}
    assert by_en["appetite"].zh == ("食欲",) and by_en["appetite"].category == "general"
    assert "early morning" in by_en
    assert all("机制" not in t.zh for t in terms)  # the glossary's own word keeps its sense
    assert "mechanism" not in by_en


def test_dictionary_terms_bridge_english_questions_only() -> None:
    known = Glossary((Term(en=("selinexor",), zh=("塞利尼索",), category="drug"),))
    g = with_dictionary(known, ["食欲", "庆幸"])
    english = g.expand("Does selinexor affect appetite?")
    assert [t.en[0] for t in english.matched] == ["selinexor", "appetite"]  # the field's first
    assert "食欲" in english.added
    # what the question says of the field leaves the glosses out
    assert "食欲" not in english.field_text and "塞利尼索" in english.field_text
    # a Chinese question is not matched by a dictionary gloss
    assert [t.en[0] for t in g.expand("塞利尼索影响食欲吗？").matched] == ["selinexor"]


def test_the_real_assistant_reads_everyday_english(real_assistant) -> None:
    """Words no glossary of the field lists ("die", "throughout") meet the review's."""
    cells = real_assistant.ask(
        "According to the review, which cells die when XPO-1's export function is inhibited?"
    )
    assert cells.answered and cells.citations[0].section == "2"
    assert "高度DNA损伤的细胞" in cells.answer
    arm = real_assistant.ask(
        "Did the Vd control arm in BOSTON keep twice-weekly bortezomib throughout the study?"
    )
    assert arm.answered and "前8个疗程2次/周" in arm.answer


def test_englishs_most_frequent_words_bring_no_gloss() -> None:
    assert _glosses("can/may/good") == []
    assert _glosses("cell") == ["cell"]  # frequent, still a word of the field
