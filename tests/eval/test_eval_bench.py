"""The benchmark's pure helpers (its figures are printed by `reviewqa bench`, not asserted)."""

from __future__ import annotations

from pathlib import Path

from eval.bench import Timing, folder_size, timed


def test_timed_summarizes_runs() -> None:
    calls = []
    result = timed(lambda: calls.append(1), runs=5)
    assert isinstance(result, Timing) and result.runs == 5 and len(calls) == 5
    assert 0 <= result.p50_ms <= result.p95_ms


def test_folder_size_counts_nested_files(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.bin").write_bytes(b"12345")
    (tmp_path / "y.bin").write_bytes(b"123")
    assert folder_size(tmp_path) == 8
