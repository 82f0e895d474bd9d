"""Optional LLM synthesis: rephrase the cited sentences, keep every claim cited, else fall back."""

from __future__ import annotations

import functools
import math
import os
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.types import Answer, Citation

ENV_BASE_URL = "REVIEWQA_LLM_BASE_URL"
ENV_MODEL = "REVIEWQA_LLM_MODEL"
ENV_API_KEY = "REVIEWQA_LLM_API_KEY"
ENV_TIMEOUT = "REVIEWQA_LLM_TIMEOUT"

#: What the LLM must reply, alone, when the numbered sentences do not answer the question.
NOT_IN_REVIEW = "NOT_IN_REVIEW"
MAX_SENTENCES = 4
#: Sent when no key is configured: an empty key would make the OpenAI client fall back to
#: $OPENAI_API_KEY, which must never leak to a local or third-party endpoint.
NO_KEY = "not-needed"


@dataclass(frozen=True)
class SynthesisConfig:
    """Where the OpenAI-compatible endpoint is (``base_url`` ends in ``/v1``) and how to call it."""

    base_url: str
    model: str
    api_key: str = field(default="", repr=False)  # kept out of reprs and logs
    timeout: float = 30.0
    max_tokens: int = 1024  # room for a reasoning model's <think> block before the answer
    temperature: float = 0.0

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("http://", "https://")):
            raise ValueError(
                f"LLM base URL must start with http:// or https:// (got {self.base_url!r}); "
                f"e.g. http://127.0.0.1:8000/v1"
            )
        if not self.model.strip():
            raise ValueError(f"an LLM model name is required: set {ENV_MODEL} or --llm-model")
        if not (math.isfinite(self.timeout) and self.timeout > 0):
            raise ValueError(f"LLM timeout must be a positive number of seconds ({self.timeout})")
        if self.max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1 ({self.max_tokens})")
        if self.temperature < 0:
            raise ValueError(f"temperature must not be negative ({self.temperature})")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> SynthesisConfig | None:
        """The configuration from ``REVIEWQA_LLM_*``, or None (synthesis off) when unset."""
        return cls.resolve(environ=environ)

    @classmethod
    def resolve(
        cls,
        base_url: str | None = None,
        model: str | None = None,
        api_key: str | None = None,
        timeout: float | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> SynthesisConfig | None:
        """Flags first, then ``REVIEWQA_LLM_*``; None when no base URL is given either way.

        A model or key passed as a flag without any base URL is a mistake worth reporting;
        a stray environment variable on its own is not, since synthesis is off by default.
        """
        env = os.environ if environ is None else environ
        url = base_url or env.get(ENV_BASE_URL, "").strip()
        if not url:
            if model or api_key:
                raise ValueError(
                    f"--llm-model/--llm-api-key need an endpoint: pass --llm-base-url "
                    f"or set {ENV_BASE_URL}"
                )
            return None
        name = model or env.get(ENV_MODEL, "").strip()
        if not name:
            raise ValueError(
                f"LLM base URL {url!r} is set but no model: pass --llm-model or set {ENV_MODEL}"
            )
        # The environment's key belongs to the environment's endpoint: never send it to
        # another one named on the command line.
        same_endpoint = not base_url or base_url == env.get(ENV_BASE_URL, "").strip()
        env_key = env.get(ENV_API_KEY, "") if same_endpoint else ""
        key = api_key if api_key is not None else env_key
        return cls(url, name, key.strip(), _timeout(timeout, env))


def _timeout(flag: float | None, env: Mapping[str, str]) -> float:
    if flag is not None:
        return flag
    raw = env.get(ENV_TIMEOUT, "").strip()
    if not raw:
        return SynthesisConfig.__dataclass_fields__["timeout"].default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{ENV_TIMEOUT} must be a number of seconds (got {raw!r})") from None


LANGUAGE_NAMES = {"zh": "Simplified Chinese (简体中文)", "en": "English"}

SYSTEM_PROMPT = """\
You answer questions about one medical review (selinexor in relapsed/refractory multiple \
myeloma) using only the numbered sentences from it that the user gives you.
Rules:
1. Use only facts stated in the numbered sentences; add nothing else.
2. End every sentence with at least one citation marker such as [1] or [2][3], naming the \
numbered sentences that support it. Use only the numbers given.
3. Write at most {max_sentences} short sentences. Copy numbers, units and doses exactly.
4. Answer in {language}.
5. If the numbered sentences do not answer the question, reply exactly {token} and nothing \
else."""


def build_messages(
    question: str, language: str, candidates: Sequence[Citation]
) -> list[tuple[str, str]]:
    """The (role, content) chat messages: rules as the system message, sentences and question.

    Candidates are numbered by position (1..n), whatever markers they carried before, so a
    reply's [n] always means ``candidates[n - 1]``.
    """
    system = SYSTEM_PROMPT.format(
        max_sentences=MAX_SENTENCES,
        language=LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"]),
        token=NOT_IN_REVIEW,
    )
    lines = [f"[{n}] {_source_line(c)}" for n, c in enumerate(candidates, start=1)]
    user = "Sentences from the review:\n" + "\n".join(lines) + f"\n\nQuestion: {question}"
    return [("system", system), ("user", user)]


def _source_line(cite: Citation) -> str:
    title = cite.section_title
    if cite.section_title_en and cite.section_title_en != title:
        title = f"{title} ({cite.section_title_en})"
    return f"§{cite.section} {title}: {cite.text}"


# [1], ［2］, [1,2], [1，2], [1、2], [1-3]; markers are written as [k] after renumbering.
MARKER = re.compile(r"[\[［]\s*(\d+(?:\s*[,，、\-–~]\s*\d+)*)\s*[\]］]")
# Sentence ends: Chinese and English stops, and line breaks (lists). A full stop ends a
# sentence only before a space, a marker or the end, so 1.5 and 3.1 stay whole.
SENTENCE_END = re.compile(r"[。！？!?]+|\.(?=\s|$|[\[［])|\n+")
TRAILING_MARKERS = re.compile(rf"(?:\s*{MARKER.pattern})+")
ABBREVIATIONS = frozenset({"al", "e.g", "i.e", "vs", "approx", "fig", "cf", "u.s"})
NUMBER = re.compile(r"\d+(?:\.\d+)?")
THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)


def clean_reply(reply: str | None) -> str:
    """The reply without a reasoning model's <think> block or surrounding whitespace."""
    return THINKING.sub("", reply or "").strip()


def split_sentences(text: str) -> list[str]:
    """Sentences of a reply, each keeping the markers that follow its full stop ("。[1]")."""
    pieces, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() < start or (m.group() == "." and _abbreviation(text, m.start())):
            continue
        tail = TRAILING_MARKERS.match(text, m.end())
        end = tail.end() if tail else m.end()
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p.strip() for p in pieces if any(ch.isalnum() for ch in MARKER.sub("", p))]


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"[A-Za-z]+(?:\.[A-Za-z]+)*$", text[:dot])
    return word is not None and word.group().lower() in ABBREVIATIONS


def marker_numbers(group: str) -> list[int]:
    """The numbers a marker's inside names: "1,2" → [1, 2]; "2-4" → [2, 3, 4]."""
    out: list[int] = []
    for part in re.split(r"\s*[,，、]\s*", group):
        bounds = [int(b) for b in re.split(r"\s*[\-–~]\s*", part)]
        lo, hi = bounds[0], bounds[-1]
        out += list(range(lo, hi + 1)) if 0 < hi - lo <= 20 else bounds
    return out


@dataclass(frozen=True)
class ReplyCheck:
    """Whether a reply may be shown; ``markers`` are the cited numbers by first appearance."""

    ok: bool
    reason: str = ""
    markers: tuple[int, ...] = ()
    declined: bool = False  # the LLM replied NOT_IN_REVIEW


def check_reply(reply: str, n_candidates: int, sources: Sequence[str] = ()) -> ReplyCheck:
    """Every sentence cites at least one of the ``n_candidates`` sentences, and nothing else.

    With ``sources`` (the candidates' sentences, in order) every number a sentence states
    must also appear in a sentence it cites, with the same unit when it has one (26% is not
    26 mg), number words included (每周一次, twice): a rephrased dose or response rate is
    the costliest mistake an LLM can make here. Claims without numbers are not verified.
    """
    text = clean_reply(reply)
    if not text:
        return ReplyCheck(False, "the reply is empty")
    if NOT_IN_REVIEW in text:
        return ReplyCheck(False, "the LLM found no answer in the sentences", declined=True)
    used: dict[int, None] = {}
    for i, sentence in enumerate(split_sentences(text), start=1):
        cited = [n for m in MARKER.finditer(sentence) for n in marker_numbers(m.group(1))]
        if not cited:
            return ReplyCheck(False, f"sentence {i} cites nothing ({_clip(sentence)})")
        outside = [n for n in cited if not 1 <= n <= n_candidates]
        if outside:
            return ReplyCheck(
                False, f"sentence {i} cites [{outside[0]}], but only [1]–[{n_candidates}] exist"
            )
        if sources:
            unsupported = _unsupported_numbers(sentence, [sources[n - 1] for n in cited])
            if unsupported:
                return ReplyCheck(
                    False, f"sentence {i} states {unsupported[0]}, which its citations do not"
                )
        used.update(dict.fromkeys(cited))
    return ReplyCheck(True, markers=tuple(used))


def _unsupported_numbers(sentence: str, cited: Sequence[str]) -> list[str]:
    """The quantities of ``sentence`` (number and unit) that no cited sentence states."""
    given = quantities(" ".join(cited))
    given_numbers = {number for number, _ in given}
    out = []
    for number, unit in quantities(MARKER.sub("", sentence)):
        supported = (number, unit) in given if unit else number in given_numbers
        if not supported:
            out.append(number + unit if unit in ("", "%") else f"{number} {unit}")
    return out


#: Units a reply may restate in either language, each folded to one name.
_UNITS = {
    "%": "%",
    "mg/m2": "mg/m2",
    "mg/m²": "mg/m2",
    "mg": "mg",
    "l/h": "l/h",
    "个月": "month",
    "月": "month",
    "month": "month",
    "months": "month",
    "周": "week",
    "week": "week",
    "weeks": "week",
    "天": "day",
    "日": "day",
    "d": "day",
    "day": "day",
    "days": "day",
    "h": "hour",
    "小时": "hour",
    "hour": "hour",
    "hours": "hour",
    "例": "patients",
    "名": "patients",
    "patients": "patients",
    "patient": "patients",
    "次": "times",
    "times": "times",
}
_WORD_NUMBERS = {
    "once": "1 times",
    "twice": "2 times",
    "thrice": "3 times",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}
_CJK_DIGITS = {
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
    "十": "10",
}
_UNIT_RE = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
_QUANTITY = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_RE})?(?![a-z])")


def quantities(text: str) -> set[tuple[str, str]]:
    """(number, unit) pairs of a text, in either language: "26%", "3.7 months" = "3.7个月".

    Number words become digits first (两次 → 2次, twice → 2 times), so a reply cannot slip
    a changed schedule past the check by spelling it out.
    """
    import unicodedata

    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 1,000 → 1000
    text = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)  # 100 000 → 100000
    text = re.sub(
        rf"([{''.join(_CJK_DIGITS)}])(?=\s*(?:次|周|个月|天|例|名|倍))",
        lambda m: _CJK_DIGITS[m.group(1)],
        text,
    )
    text = re.sub(rf"\b({'|'.join(_WORD_NUMBERS)})\b", lambda m: _WORD_NUMBERS[m.group(1)], text)
    return {(m.group(1), _UNITS.get(m.group(2) or "", "")) for m in _QUANTITY.finditer(text)}


def _clip(text: str, n: int = 40) -> str:
    return f"“{text[:n]}…”" if len(text) > n else f"“{text}”"


def renumber(reply: str, candidates: Sequence[Citation]) -> tuple[str, tuple[Citation, ...]]:
    """The reply with markers renumbered 1..k by first appearance, and the k citations.

    The same contract as extractive answers: every [k] in the text is one Citation.
    """
    order: dict[int, int] = {}

    def rewrite(m: re.Match[str]) -> str:
        names = dict.fromkeys(marker_numbers(m.group(1)))
        for n in names:
            order.setdefault(n, len(order) + 1)
        return "".join(f"[{order[n]}]" for n in names)

    text = MARKER.sub(rewrite, clean_reply(reply))
    return text, tuple(replace(candidates[n - 1], marker=k) for n, k in order.items())


def describe_failure(err: BaseException, timeout: float) -> str:
    """Endpoint trouble in one phrase, without importing the client's exception classes."""
    name = type(err).__name__
    status = getattr(err, "status_code", None)
    if "Timeout" in name:
        return f"LLM endpoint did not answer within {timeout:g} s"
    if isinstance(status, int):
        return f"LLM endpoint returned HTTP {status}"
    if "Connect" in name:
        return f"LLM endpoint unreachable ({_short(str(err))})"
    return f"LLM call failed ({name}: {_short(str(err))})"


def _short(text: str, n: int = 120) -> str:
    return text if len(text) <= n else text[:n] + "…"


@functools.lru_cache(maxsize=4)
def make_llm(config: SynthesisConfig) -> Any:
    """A llama-index ``OpenAILike`` chat LLM: no retries, so a down endpoint fails fast.

    One client per configuration, reused across questions (and threads: it is thread-safe),
    so connections to the endpoint are kept alive.

    The chat path never loads a tokenizer (``tokenizer=None``, ``max_tokens`` set), so no
    tiktoken file is fetched.
    """
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(
        model=config.model,
        api_base=config.base_url,
        api_key=config.api_key or NO_KEY,
        is_chat_model=True,
        is_function_calling_model=False,
        timeout=config.timeout,
        max_retries=0,
        max_tokens=config.max_tokens,
        temperature=config.temperature,
    )


def _chat(llm: Any, messages: list[tuple[str, str]]) -> str:
    from llama_index.core.llms import ChatMessage

    response = llm.chat([ChatMessage(role=role, content=content) for role, content in messages])
    return response.message.content or ""


def synthesize(
    extractive: Answer,
    candidates: Sequence[Citation],
    config: SynthesisConfig,
    llm: Any = None,
) -> Answer:
    """The LLM's cited answer if it passes ``check_reply``, else ``extractive`` with a note.

    Refusals and answers without candidates come back unchanged and no request is sent.
    Endpoint trouble never raises: the extractive answer is always there to fall back on.
    """
    if not extractive.answered or not candidates:
        return extractive
    started = time.perf_counter()
    try:
        messages = build_messages(extractive.question, extractive.language, candidates)
        reply = _chat(llm if llm is not None else make_llm(config), messages)
    except Exception as err:  # any endpoint or client failure: fall back, never raise
        return _fallback(extractive, describe_failure(err, config.timeout), started)
    check = check_reply(reply, len(candidates), [c.text for c in candidates])
    if check.declined:
        return _fallback(extractive, f"{config.model} found no answer in the sentences", started)
    if not check.ok:
        return _fallback(extractive, f"LLM reply rejected: {check.reason}", started)
    text, citations = renumber(reply, candidates)
    note = f"Synthesised by {config.model}; every sentence cites the review's sentences shown."
    return replace(
        extractive,
        answer=text,
        citations=citations,
        note=_join(extractive.note, note),
        timings=_timed(extractive, started),
    )


def _fallback(extractive: Answer, why: str, started: float) -> Answer:
    note = f"{why}; showing the extractive answer."
    return replace(
        extractive, note=_join(extractive.note, note), timings=_timed(extractive, started)
    )


def _timed(answer: Answer, started: float) -> dict[str, float]:
    return {**answer.timings, "synthesis_s": time.perf_counter() - started}


def _join(first: str, second: str) -> str:
    return f"{first} {second}" if first else second
