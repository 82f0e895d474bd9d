"""Optional LLM synthesis: rephrase the cited sentences, keep every claim cited, else fall back."""

from __future__ import annotations

import functools
import math
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.reply import NOT_IN_REVIEW, check_reply, renumber
from assistant.types import Answer, Citation

ENV_BASE_URL = "REVIEWQA_LLM_BASE_URL"
ENV_MODEL = "REVIEWQA_LLM_MODEL"
ENV_API_KEY = "REVIEWQA_LLM_API_KEY"
ENV_TIMEOUT = "REVIEWQA_LLM_TIMEOUT"

#: The longest answer the LLM is asked for, in sentences.
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


#: How to install the optional client; said when it is missing.
INSTALL_HINT = "LLM synthesis needs the llm extra: pip install 'reviewqa[llm]'"


class MissingExtra(RuntimeError):
    """The optional LLM client is not installed."""


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
    try:
        from llama_index.llms.openai_like import OpenAILike
    except ImportError as err:
        raise MissingExtra(INSTALL_HINT) from err

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
    except MissingExtra as err:
        return _fallback(extractive, str(err), started)
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
