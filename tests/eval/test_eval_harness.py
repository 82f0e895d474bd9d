"""The harness, reports, gate and CLI, run on a fake assistant over the real review."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from eval import cli
from eval.dataset import Question
from eval.errors import EvalError, UnknownSystemError
from eval.gate import THRESHOLDS, Thresholds, check
from eval.harness import run_eval
from eval.report import format_table, to_json, to_markdown
from eval.results import EvalReport
from eval.systems import parse_system, parse_systems

if TYPE_CHECKING:
    from conftest import FakeAssistant


@pytest.fixture()
def report(fake: FakeAssistant, questions: list[Question]) -> EvalReport:
    systems = ("hybrid+glossary", "hybrid", "bm25", "dense", "naive")
    return run_eval(fake, questions, systems=systems, progress=False, label="unit")


def test_every_system_retrieves_every_question(report: EvalReport) -> None:
    assert [s.name for s in report.systems] == [
        "hybrid+glossary",
        "hybrid",
        "bm25",
        "dense",
        "naive",
    ]
    for system in report.systems:
        assert len(system.records) == 6 and system.latency.n == 6
        assert {g: s.n for g, s in system.retrieval.items()} == {"zh": 2, "en": 2, "all": 4}


def test_main_system_retrieval_scores(report: EvalReport) -> None:
    main = report.system("hybrid+glossary")
    assert main is not None
    assert main.retrieval["all"].recall_at_1 == 1.0
    assert main.retrieval["all"].mrr_at_10 == 1.0
    assert main.retrieval["all"].ndcg_at_10 == 1.0
    tmax = next(r for r in main.records if r.id == "tmax")
    assert tmax.retrieved[0] == "2#p2" and tmax.relevant_ranks == (1,) and tmax.n_relevant == 1
    unanswerable = next(r for r in main.records if r.id == "price")
    assert unanswerable.relevant_ranks == ()


def test_ablations_differ_as_the_fake_says(report: EvalReport) -> None:
    dense = report.system("dense")
    assert dense is not None  # the fake puts the relevant passage second
    assert (dense.retrieval["all"].recall_at_1, dense.retrieval["all"].recall_at_5) == (0.0, 1.0)
    assert dense.retrieval["all"].mrr_at_10 == 0.5
    naive = report.system("naive")
    assert naive is not None  # built by from_document over raw windows
    assert all(pid.startswith("w") for r in naive.records for pid in r.retrieved)


def test_answer_scores(report: EvalReport) -> None:
    overall, zh, en = (report.answers[g] for g in ("all", "zh", "en"))
    assert (overall.n_answerable, overall.n_answered, overall.n_unanswerable) == (4, 4, 2)
    assert overall.fact_accuracy == 0.75  # boston-os-en misses one of its two facts
    assert (zh.fact_accuracy, en.fact_accuracy) == (1.0, 0.5)
    assert overall.fact_coverage == pytest.approx((1 + 1 + 1 + 0.5) / 4)
    assert overall.citation_precision == 1.0 and overall.citation_recall == 1.0
    assert (overall.refusal_precision, overall.refusal_recall) == (1.0, 1.0)
    assert overall.false_refusal_rate == 0.0
    assert report.ask_latency is not None and report.ask_latency.n == 6


def test_ask_records_keep_what_a_report_needs(report: EvalReport) -> None:
    record = next(r for r in report.asks if r.id == "boston-os-en")
    assert record.answered and "17.3个月" in record.answer
    assert record.missing_facts == (("not in the answer",),)
    (citation,) = record.citations
    assert citation.supports and citation.passage_id == "3.3#p3"
    assert record.relevant_ranks == (1,)
    refused = next(r for r in report.asks if r.id == "maker")
    assert not refused.answered and refused.citations == () and refused.note == "fake refusal"


def test_extra_unsupported_citation_lowers_precision(
    fake: FakeAssistant, questions: list[Question]
) -> None:
    fake.extra_citation = True
    result = run_eval(fake, questions, systems=("hybrid+glossary",), progress=False)
    assert result.answers["all"].citation_precision == 0.5
    assert result.answers["all"].citation_recall == 1.0


def test_the_main_system_alone_is_asked(fake: FakeAssistant, questions: list[Question]) -> None:
    result = run_eval(fake, questions, systems=("bm25",), progress=False)
    assert result.answers == {} and result.asks == () and result.ask_latency is None
    assert not any(call.startswith("ask:") for call in fake.calls)
    assert check(result) == [
        "the main system 'hybrid+glossary' was not evaluated; include it in --systems"
    ]


def test_no_questions_is_an_error(fake: FakeAssistant) -> None:
    with pytest.raises(EvalError, match="no questions"):
        run_eval(fake, [], progress=False)


def test_gate_lists_each_miss(report: EvalReport) -> None:
    assert check(report, THRESHOLDS) == ["fact accuracy 0.750 < 0.85 (n=4)"]
    assert check(report, Thresholds(fact_accuracy=0.75)) == []


def test_gate_catches_false_refusals_and_missed_retrieval(
    fake: FakeAssistant, questions: list[Question]
) -> None:
    del fake.oracle["Half-life?"]  # now refused, and retrieved in document order
    failures = check(run_eval(fake, questions, systems=("hybrid+glossary",), progress=False))
    assert "recall@5 (en) 0.500 < 0.90 (n=2)" in failures
    assert "false refusal rate 0.250 > 0.12 (n=4)" in failures


def test_gate_fails_what_it_cannot_measure(fake: FakeAssistant, questions: list[Question]) -> None:
    answerable = [q for q in questions if q.answerable]
    failures = check(run_eval(fake, answerable, systems=("hybrid+glossary",), progress=False))
    assert failures[-1] == "refusal recall: not measured (no questions in its denominator; n=0)"


def test_table_shows_languages_and_systems(report: EvalReport) -> None:
    table = format_table(report)
    assert "unit set, 6 questions" in table
    for needle in ("metric", "zh", "en", "all", "recall@5", "fact accuracy", "false refusal rate"):
        assert needle in table
    for name in ("hybrid+glossary", "bm25", "dense", "naive"):
        assert name in table.split("Ablations")[1]


def test_markdown_lists_failing_questions(report: EvalReport) -> None:
    md = to_markdown(report)
    assert md.startswith("# Review QA evaluation")
    assert "| recall@5 | 1.000 | 1.000 | 1.000 |" in md
    wrong = md.split("### Wrong facts")[1].split("###")[0]
    assert "**boston-os-en**" in wrong and "missing facts: not in the answer" in wrong
    assert "`17.3个月，未达到中位OS`" in wrong  # the expected evidence
    assert "### False refusals (answerable, refused) — 0" in md


def test_json_is_plain_data_without_nan(fake: FakeAssistant, questions: list[Question]) -> None:
    answerable = [q for q in questions if q.answerable]
    result = run_eval(fake, answerable, systems=("hybrid+glossary",), progress=False)
    assert math.isnan(result.answers["all"].refusal_recall)
    data = json.loads(json.dumps(to_json(result), allow_nan=False))
    assert data["answers"]["all"]["refusal_recall"] is None
    assert data["systems"][0]["records"][0]["retrieved"][0] == "3.1#p2"


@pytest.mark.parametrize(
    ("name", "parsed"),
    [("hybrid", ("hybrid", False)), ("bm25+glossary", ("bm25", True)), ("dense", ("dense", False))],
)
def test_parse_system(name: str, parsed: tuple[str, bool]) -> None:
    assert parse_system(name) == parsed


def test_parse_systems_checks_names() -> None:
    assert parse_systems(" naive, bm25 ,naive") == ("naive", "bm25")
    with pytest.raises(UnknownSystemError, match="unknown system 'bm42'"):
        parse_systems("hybrid,bm42")
    with pytest.raises(UnknownSystemError, match="no system named"):
        parse_systems(" , ")


def _write_set(path: Path, questions: list[Question]) -> Path:
    lines = [json.dumps(dataclasses.asdict(q), ensure_ascii=False) for q in questions]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="reviewqa")
    cli.register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_cli_defaults() -> None:
    args = _parse(["eval"])
    assert (args.split, args.set, args.json, args.report, args.no_gate) == (
        "test",
        None,
        None,
        None,
        False,
    )
    assert args.systems == "hybrid+glossary,hybrid,bm25,dense,naive"
    assert cli.default_report_path("dev") == Path(cli.__file__).parent / "reports" / "dev.md"


@pytest.mark.parametrize(("extra", "status"), [([], 1), (["--no-gate"], 0)])
def test_cli_writes_reports_and_gates(
    fake: FakeAssistant,
    questions: list[Question],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    status: int,
) -> None:
    monkeypatch.setattr(cli, "_load_assistant", lambda: fake)
    qset = _write_set(tmp_path / "q.jsonl", questions)
    md, js = tmp_path / "out" / "r.md", tmp_path / "out" / "r.json"
    argv = ["eval", "--set", str(qset), "--split", "all", "--report", str(md), "--json", str(js)]
    args = _parse([*argv, "--systems", "hybrid+glossary,naive", *extra])
    assert args.func(args) == status
    out, err = capsys.readouterr()
    assert "recall@5" in out and f"Report written to {md}" in out
    assert ("gate: FAIL fact accuracy 0.750 < 0.85" in err) is (status == 1)
    assert md.read_text(encoding="utf-8").startswith("# Review QA evaluation — all set")
    assert [s["name"] for s in json.loads(js.read_text(encoding="utf-8"))["systems"]] == [
        "hybrid+glossary",
        "naive",
    ]
