"""Mending misspelt words: pure lookups on a small vocabulary, then the real assistant."""

from __future__ import annotations

import pytest

from assistant.spelling import Correction, Speller, known_words

KNOWN = frozenset({"carfilzomib", "bortezomib", "selinexor", "staging", "exportin", "hypotension"})
ENGLISH = frozenset({"stating", "dose", "patients", "hypertension"})


def speller() -> Speller:
    return Speller(KNOWN, ENGLISH)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("karfilzomib", "carfilzomib"),  # one edit, first letter too
        ("bortezimib", "bortezomib"),
        ("Selinexer", "Selinexor"),  # a capital at the start of a sentence is kept
        ("stagnig", "staging"),  # two letters swapped are one edit
    ],
)
def test_slips_are_mended_into_known_words(typed: str, read: str) -> None:
    mended = speller().mend(f"{typed} dose?")
    assert mended.text == f"{read} dose?"
    assert mended.corrections == (Correction(typed, read),)
    assert mended.note() == f"Read “{typed}” as “{read}”."


@pytest.mark.parametrize(
    "question",
    [
        "stating the dose",  # an English word, however close to "staging"
        "hypertension",  # an English word two edits from a known one
        "staging and bortezomib",  # known words
        "pts on sel",  # shorthand too short to mend
        "exportins",  # a plural of a known word: the glossary folds it
        "XVd vs Vd, CD38",  # names with capitals or digits are not words
        "stazinq",  # two edits: too far to be sure
        "bortazomab",  # two edits, however long the word (fluoxetine is not duloxetine)
        "阿坦赛利尼索",  # no Latin words at all
    ],
)
def test_words_and_names_are_left_as_typed(question: str) -> None:
    mended = speller().mend(question)
    assert mended.text == question and not mended.corrections and mended.note() == ""


def test_each_part_of_a_hyphenated_run_is_a_word() -> None:
    mended = speller().mend("selinexor-bortezimib-dexamethasone")
    assert mended.text == "selinexor-bortezomib-dexamethasone"


def test_a_slip_equally_close_to_two_words_is_left_as_typed() -> None:
    two = Speller(frozenset({"cytokine", "cytosine"}), frozenset())
    assert two.mend("cytozine").text == "cytozine"


def test_short_acronyms_typed_in_lower_case_get_their_capitals() -> None:
    from assistant.spelling import acronyms

    capitals = acronyms(["XKd and XVd, ORR, PFS; DVd", "dvd", "KRd"], frozenset({"dvd", "orr"}))
    assert capitals == {"xkd": "XKd", "xvd": "XVd", "pfs": "PFS", "krd": "KRd"}
    # English's most frequent words only are words: "orr" is ORR, "all" is all
    from assistant.spelling import COMMON, english_by_frequency

    common = frozenset(english_by_frequency()[:COMMON])
    assert acronyms(["ORR, ALL, CAR"], common) == {"orr": "ORR"}
    mended = Speller(KNOWN, ENGLISH, capitals).mend("xkd cohort: pfs vs orr, XVd, xvds, dvd?")
    assert mended.text == "XKd cohort: PFS vs orr, XVd, xvds, dvd?"
    assert mended.note() == "Read “xkd” as “XKd”, “pfs” as “PFS”."
    # one lower case shared by two acronyms is left alone
    assert acronyms(["PIs", "PIS"], frozenset()) == {}


def test_names_in_capitals_are_mended_into_the_names_of_the_texts() -> None:
    from assistant.spelling import capital_names, one_edit_apart

    names = capital_names(["STORM试验、STOMP试验 and the BOSTON trial; ORR, POEMS"])
    assert names == {"STORM", "STOMP", "BOSTON", "POEMS"}
    capitals = Speller(KNOWN, frozenset({"about"}), names=names)
    mended = capitals.mend("BOSTEN ORR? STROM? ABOUT POEMS, STORM")
    assert mended.text == "BOSTON ORR? STORM? ABOUT POEMS, STORM"
    assert mended.note() == "Read “BOSTEN” as “BOSTON”, “STROM” as “STORM”."
    # one edit from two names (STOMP, STORM): left as typed
    assert capitals.mend("STOPM").text == "STOPM"
    assert one_edit_apart("STROM", "STORM") and one_edit_apart("BOSTN", "BOSTON")
    assert not one_edit_apart("STORM", "STORM") and not one_edit_apart("MORTS", "STORM")


def test_known_words_are_the_lower_case_latin_words() -> None:
    assert known_words(["Selinexor（塞利尼索）and XPO-1", "karyopherin"]) == {
        "selinexor",
        "and",
        "xpo",
        "karyopherin",
    }


def test_the_english_dictionary_is_symspellpys() -> None:
    from assistant.spelling import english_words

    words = english_words()
    assert len(words) > 80_000 and {"stating", "staging", "nausea"} <= words
    assert "bortezimib" not in words


@pytest.mark.slow
def test_a_misspelt_drug_is_read_as_the_reviews(real_assistant) -> None:
    """'karfilzomib' was an unknown drug, and the question refused; it is carfilzomib."""
    answer = real_assistant.ask("karfilzomib cohort of STOMP: how many pts were enrolled?")
    assert answer.answered, answer.note
    assert answer.question.startswith("karfilzomib")  # the question as typed
    assert answer.citations[0].section == "3.2.2" and "21例" in answer.answer
    assert "“karfilzomib” as “carfilzomib”" in answer.note
    hits = real_assistant.retrieve("bortezimib cohort of STOMP", k=1)
    assert hits[0].section == "3.2.1"
    unknown = real_assistant.ask("What is the dose of zorbitinib with selinexor?")
    assert not unknown.answered and "zorbitinib" in unknown.note  # no drug it could be
    assert "Read" not in real_assistant.ask("Which stage of myeloma was studied?").note
