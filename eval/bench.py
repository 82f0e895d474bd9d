"""``reviewqa bench``: build time, embedding throughput, index size, memory, ask latency."""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

QUESTIONS = (
    "STORM试验的客观缓解率是多少？",
    "What is the terminal half-life of selinexor?",
    "How is hyponatremia managed?",
    "BOSTON试验中XVd组的中位随访时间是多少？",
)


@dataclass(frozen=True)
class Timing:
    """Median and spread of repeated runs, in milliseconds."""

    p50_ms: float
    p95_ms: float
    runs: int


def timed(fn: Callable[[], object], runs: int) -> Timing:
    """Run ``fn`` ``runs`` times and summarize the wall-clock times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return Timing(
        statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], runs
    )


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cmd_bench(args: argparse.Namespace) -> int:
    from assistant import Assistant
    from corpus import load_review
    from index.build import build_index
    from index.embedder import E5Embedder
    from index.model import embed
    from index.store import IndexConfig, passage_index_text

    config = IndexConfig()
    doc = load_review(max_passage_chars=config.max_passage_chars)
    embedder = E5Embedder(progress=False)
    model = embedder.model  # loaded before timing: the build and the bare encode share it
    texts = [passage_index_text(p) for p in doc.passages] + [s.text for s in doc.sentences]
    embed(model, texts[:4], kind="passage")  # warm-up

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        index = build_index(doc, config, embedder, progress=False)
        index.save(Path(tmp) / "index")
        build_s = time.perf_counter() - start
        size = folder_size(Path(tmp) / "index")
    start = time.perf_counter()
    embedder.passages(texts)
    pipeline_s = time.perf_counter() - start
    start = time.perf_counter()
    model.encode(texts, prompt_name="passage", batch_size=32, normalize_embeddings=True)
    bare_s = time.perf_counter() - start

    qa = Assistant.load(args.index_dir, progress=False)
    ask = timed(lambda: [qa.ask(q) for q in QUESTIONS], args.runs)
    one = timed(
        lambda: [model.encode([f"query: {q}"], normalize_embeddings=True) for q in QUESTIONS],
        args.runs,
    )
    start = time.perf_counter()
    cli = [sys.executable, "-m", "assistant.cli", "ask", QUESTIONS[0], "--quiet"]
    subprocess.run(cli, capture_output=True, check=True, timeout=600)
    cold_s = time.perf_counter() - start

    n = len(QUESTIONS)
    print(
        f"review: {len(doc.passages)} passages, {len(doc.sentences)} sentences ({len(texts)} texts)"
    )
    print(f"index build (embed + BM25 + FAISS + save):  {build_s:8.2f} s")
    print(f"embedding, index pipeline:                  {len(texts) / pipeline_s:8.1f} texts/s")
    print(f"embedding, bare SentenceTransformer.encode: {len(texts) / bare_s:8.1f} texts/s")
    print(
        f"pipeline / bare time ratio:                 {pipeline_s / bare_s:8.2f}  (target <= 1.2)"
    )
    print(f"index size on disk:                         {size / 1024:8.1f} KiB")
    print(f"ask, warm, p50 per question:                {ask.p50_ms / n:8.1f} ms")
    print(f"bare encode of the query, p50:              {one.p50_ms / n:8.1f} ms")
    ratio = ask.p50_ms / one.p50_ms
    print(f"ask / bare encode ratio:                    {ratio:8.2f}  (target <= 1.5)")
    print(f"cold `reviewqa ask` end to end:             {cold_s:8.2f} s")
    print(f"peak memory (this process):                 {peak_rss_mib():8.0f} MiB")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``bench`` to the CLI."""
    p = sub.add_parser("bench", help="measure build time, throughput, size, memory and latency")
    p.add_argument("--runs", type=int, default=10, help="repetitions for latency figures")
    p.add_argument("--index-dir", type=Path, default=None, help="index folder to load for ask")
    p.set_defaults(func=cmd_bench)
