"""LLM synthesis: config, prompt, reply checks, and synthesize() against a real local HTTP server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant.cli import CommandError, build_parser, llm_config, main
from assistant.reply import NOT_IN_REVIEW, check_reply, renumber, split_sentences
from assistant.synthesis import SynthesisConfig, build_messages, synthesize
from assistant.types import Answer, Citation

STORM_DESIGN = "STORM试验（临床编号NCT02336815）是一项全球、多中心、开放标签的2b期研究，旨在评估塞利尼索+低剂量地塞米松（Xd）方案的疗效和安全性。"
STORM_RESULTS = "实验共纳入122例RRMM病人，部分病人具有高危细胞遗传学特征，如t（4；14）、t（14；16）和del（17p），年龄中位数为65岁，每周给予2次塞利尼索（80 mg，第1、3天）和地塞米松（20 mg，第1、3天），4周为1个疗程，结果显示，客观缓解率（ORR）达26%，2例经嵌合抗原受体T细胞免疫疗法（CAR-T）治疗后复发的病人也观察到了部分缓解，中位缓解持续时间（DOR）达4.4个月，中位PFS达3.7个月，中位OS达8.6个月，在达到最小反应的病人中，中位OS可达15.6个月，对于四重、五重难治病人均观察到了一定的疾病缓解。"
HALF_LIFE = "给药后3~4 h，血药浓度达到峰值，重复给药不会导致药物在血液中明显蓄积，其终末半衰期约为6 h，全身清除率可达18 L/h，这些数值在年龄、性别和种族上差异无统计学意义。"
QUESTION = "STORM试验中塞利尼索联合地塞米松的客观缓解率是多少？"


def cite(marker: int, sid: str, text: str, section: str = "3.1") -> Citation:
    title, title_en = ("STORM试验", "STORM trial") if section == "3.1" else ("药代动力学", "")
    pid = sid.rsplit(".", 1)[0]
    return Citation(marker, pid, section, title, text, sid, 0, len(text), 0.0, text, title_en)


CANDIDATES = (
    cite(1, "3.1#p1.s1", STORM_DESIGN),
    cite(2, "2#p2.s1", HALF_LIFE, section="2"),
    cite(3, "3.1#p2.s1", STORM_RESULTS),
)
EXTRACTIVE = Answer(
    QUESTION,
    f"根据综述第3.1节（STORM试验）：{STORM_RESULTS}[1]",
    True,
    "zh",
    (cite(1, "3.1#p2.s1", STORM_RESULTS),),
    timings={"total_s": 0.04},
)
REFUSAL = Answer("塞利尼索在中国的价格是多少？", "综述中没有涉及这个问题。", False, "zh")


# --- configuration ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"base_url": "", "model": "m"}, "http:// or https://"),
        ({"base_url": "localhost:8000/v1", "model": "m"}, "http:// or https://"),
        ({"base_url": "http://h/v1", "model": "  "}, "model"),
        ({"base_url": "http://h/v1", "model": "m", "timeout": 0}, "timeout"),
        ({"base_url": "http://h/v1", "model": "m", "timeout": float("nan")}, "timeout"),
        ({"base_url": "http://h/v1", "model": "m", "max_tokens": 0}, "max_tokens"),
    ],
)
def test_config_rejects_bad_values(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SynthesisConfig(**kwargs)


def test_config_keeps_the_key_out_of_its_repr() -> None:
    config = SynthesisConfig("https://h/v1", "m", api_key="sk-secret")
    assert "sk-secret" not in repr(config)
    assert (config.timeout, config.max_tokens, config.temperature) == (30.0, 1024, 0.0)


def test_from_env_is_off_by_default_and_reads_every_variable() -> None:
    assert SynthesisConfig.from_env({}) is None
    assert SynthesisConfig.from_env({"REVIEWQA_LLM_MODEL": "stray"}) is None
    config = SynthesisConfig.from_env(
        {
            "REVIEWQA_LLM_BASE_URL": "http://127.0.0.1:8000/v1",
            "REVIEWQA_LLM_MODEL": "qwen2.5-7b-instruct",
            "REVIEWQA_LLM_API_KEY": "k",
            "REVIEWQA_LLM_TIMEOUT": "7.5",
        }
    )
    assert config == SynthesisConfig("http://127.0.0.1:8000/v1", "qwen2.5-7b-instruct", "k", 7.5)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"REVIEWQA_LLM_BASE_URL": "http://h/v1"}, "REVIEWQA_LLM_MODEL"),
        (
            {
                "REVIEWQA_LLM_BASE_URL": "http://h/v1",
                "REVIEWQA_LLM_MODEL": "m",
                "REVIEWQA_LLM_TIMEOUT": "soon",
            },
            "REVIEWQA_LLM_TIMEOUT must be a number",
        ),
        ({"REVIEWQA_LLM_BASE_URL": "ftp://h", "REVIEWQA_LLM_MODEL": "m"}, "http://"),
    ],
)
def test_from_env_errors_say_what_to_set(env: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SynthesisConfig.from_env(env)


def test_the_environment_key_never_goes_to_another_endpoint() -> None:
    env = {"REVIEWQA_LLM_BASE_URL": "https://api.example/v1", "REVIEWQA_LLM_API_KEY": "sk-env"}
    other = SynthesisConfig.resolve("http://127.0.0.1:9/v1", "m", environ=env)
    assert other is not None and other.api_key == ""
    same = SynthesisConfig.resolve(None, "m", environ=env)
    assert same is not None and same.api_key == "sk-env"
    given = SynthesisConfig.resolve("http://127.0.0.1:9/v1", "m", "sk-flag", environ=env)
    assert given is not None and given.api_key == "sk-flag"


def test_resolve_prefers_flags_over_the_environment() -> None:
    env = {"REVIEWQA_LLM_BASE_URL": "http://env/v1", "REVIEWQA_LLM_MODEL": "env-model"}
    config = SynthesisConfig.resolve(model="flag-model", environ=env)
    assert (config.base_url, config.model) == ("http://env/v1", "flag-model")
    config = SynthesisConfig.resolve("http://flag/v1", environ=env)
    assert (config.base_url, config.model) == ("http://flag/v1", "env-model")
    with pytest.raises(ValueError, match="--llm-base-url"):
        SynthesisConfig.resolve(model="m", environ={})


# --- the CLI flags ------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT"):
        monkeypatch.delenv(f"REVIEWQA_LLM_{name}", raising=False)
    return monkeypatch


def test_cli_flags_resolve_to_a_config(clean_env: pytest.MonkeyPatch) -> None:
    parse = build_parser().parse_args
    assert llm_config(parse(["ask", "q"])) is None
    args = parse(["ask", "q", "--llm-base-url", "http://h:1/v1", "--llm-model", "m"])
    assert llm_config(args) == SynthesisConfig("http://h:1/v1", "m")
    clean_env.setenv("REVIEWQA_LLM_BASE_URL", "http://env/v1")
    clean_env.setenv("REVIEWQA_LLM_MODEL", "env-model")
    assert llm_config(parse(["ask", "q", "--llm-api-key", "k"])) == SynthesisConfig(
        "http://env/v1", "env-model", "k"
    )
    assert llm_config(parse(["retrieve", "q"])) is None  # no flags there: never synthesises


def test_cli_base_url_without_model_exits_2(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = build_parser().parse_args(["ask", "q", "--llm-base-url", "http://h/v1"])
    with pytest.raises(CommandError, match="--llm-model"):
        llm_config(args)
    started = time.perf_counter()
    assert main(["ask", "STORM的ORR？", "--llm-base-url", "http://h/v1"]) == 2
    assert time.perf_counter() - started < 10  # fails before any model or index is loaded
    assert "--llm-model or set REVIEWQA_LLM_MODEL" in capsys.readouterr().err


# --- prompt and reply checks --------------------------------------------------------------


def test_build_messages_numbers_the_sentences_and_states_the_rules() -> None:
    (role_s, system), (role_u, user) = build_messages(QUESTION, "zh", CANDIDATES)
    assert (role_s, role_u) == ("system", "user")
    assert f"[1] §3.1 STORM试验 (STORM trial): {STORM_DESIGN}" in user
    assert f"[2] §2 药代动力学: {HALF_LIFE}" in user
    assert f"[3] §3.1 STORM试验 (STORM trial): {STORM_RESULTS}" in user
    assert user.endswith(f"Question: {QUESTION}")
    assert "Simplified Chinese" in system and NOT_IN_REVIEW in system
    assert "at most 4" in system and "[1]" in system
    (_, en_system), _ = build_messages("What was the ORR?", "en", CANDIDATES)
    assert "Answer in English" in en_system and "Chinese" not in en_system


@pytest.mark.parametrize(
    ("reply", "sentences"),
    [
        (
            "客观缓解率达26%[3]。中位OS达8.6个月。[3]",
            ["客观缓解率达26%[3]。", "中位OS达8.6个月。[3]"],
        ),
        (
            "The ORR was 26% [3]. Median OS was 8.6 months. [3]",
            ["The ORR was 26% [3].", "Median OS was 8.6 months. [3]"],
        ),
        (
            "Mok et al. reported 1.5 mg/kg [1]. Done [2].",
            ["Mok et al. reported 1.5 mg/kg [1].", "Done [2]."],
        ),
        ("- ORR 26% [3]\n- OS 8.6 months [3]", ["- ORR 26% [3]", "- OS 8.6 months [3]"]),
        ("Was it 26%? Yes [3]!", ["Was it 26%?", "Yes [3]!"]),
    ],
)
def test_split_sentences(reply: str, sentences: list[str]) -> None:
    assert split_sentences(reply) == sentences


@pytest.mark.parametrize(
    ("reply", "ok", "reason", "markers"),
    [
        ("客观缓解率（ORR）达26%［3］。STORM为2b期研究[1]。", True, "", (3, 1)),
        ("The ORR was 26% [3,1]. It was a phase 2b study [1][3].", True, "", (3, 1)),
        ("ORR 26% [1-3].", True, "", (1, 2, 3)),
        ("<think>let me see</think>ORR达26%[3]。", True, "", (3,)),
        ("", False, "the reply is empty", ()),
        ("   \n", False, "the reply is empty", ()),
        ("客观缓解率达26%[3]。中位OS达8.6个月。", False, "sentence 2 cites nothing", ()),
        (
            "ORR 26% [3]. Median OS 8.6 months [4].",
            False,
            "sentence 2 cites [4], but only [1]–[3] exist",
            (),
        ),
        ("ORR 26% [0].", False, "sentence 1 cites [0]", ()),
        ("The ORR was 30% [3].", False, "sentence 1 states 30%, which its citations do not", ()),
        ("客观缓解率达２６％［３］。", True, "", (3,)),  # full-width digits are the same numbers
        ("The half-life was 6 h [1].", False, "sentence 1 states 6", ()),  # true, but cites [1]
    ],
)
def test_check_reply(reply: str, ok: bool, reason: str, markers: tuple[int, ...]) -> None:
    sources = [c.text for c in CANDIDATES]
    check = check_reply(reply, len(CANDIDATES), sources)
    assert (check.ok, check.markers) == (ok, markers)
    assert check.reason.startswith(reason)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        # 80 appears in the source, but as a dose: a response rate of 80% is not stated
        ("The ORR was 80% [3].", "sentence 1 states 80%, which its citations do not"),
        # the source gives twice a week (2次); spelled-out numbers are checked too
        ("塞利尼索每周给予一次[3]。", "sentence 1 states 1 times, which its citations do not"),
        ("Selinexor was given three times a week [3].", "sentence 1 states 3 times"),
        # a section number is not evidence: only the cited sentence's text is
        ("The median PFS was 3.1 months [1].", "sentence 1 states 3.1 month"),
    ],
)
def test_numbers_must_keep_their_units(reply: str, reason: str) -> None:
    check = check_reply(reply, len(CANDIDATES), [c.text for c in CANDIDATES])
    assert not check.ok and check.reason.startswith(reason)


def test_quantities_read_both_languages() -> None:
    from assistant.reply import quantities

    assert quantities("中位PFS达3.7个月，ORR达26%，每周给予2次（80 mg）") == {
        ("3.7", "month"),
        ("26", "%"),
        ("2", "times"),
        ("80", "mg"),
    }
    assert quantities("median PFS 3.7 months, twice weekly, 122 patients") == {
        ("3.7", "month"),
        ("2", "times"),
        ("122", "patients"),
    }
    assert ("100000", "") in quantities("1~2.5/100 000")
    ok = "Median PFS was 3.7 months and ORR 26% with twice-weekly dosing [3]."
    assert check_reply(ok, len(CANDIDATES), [c.text for c in CANDIDATES]).ok


def test_check_reply_without_sources_checks_markers_only_and_spots_declines() -> None:
    assert check_reply("The ORR was 30% [3].", 3).ok
    declined = check_reply(f" {NOT_IN_REVIEW}\n", 3)
    assert declined.declined and not declined.ok


def test_renumber_by_first_appearance() -> None:
    text, cites = renumber("OS 8.6个月［3］。2b期[1，3]。半衰期6 h[2][3]。", CANDIDATES)
    assert text == "OS 8.6个月[1]。2b期[2][1]。半衰期6 h[3][1]。"
    assert [(c.marker, c.sentence_id) for c in cites] == [
        (1, "3.1#p2.s1"),
        (2, "3.1#p1.s1"),
        (3, "2#p2.s1"),
    ]


# --- synthesize() against a real OpenAI-compatible server ---------------------------------


@dataclass
class Endpoint:
    """A local /v1/chat/completions that replies with ``reply`` and records what it got."""

    url: str = ""
    reply: str = ""
    delay: float = 0.0
    status: int = 200
    requests: list[dict] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)


def _completion(model: str, content: str) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    state = Endpoint()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append({"path": self.path, **body})
            state.auth.append(self.headers.get("Authorization", ""))
            time.sleep(state.delay)
            payload = (
                _completion(body["model"], state.reply)
                if state.status == 200
                else {"error": {"message": "model overloaded", "type": "server_error"}}
            )
            data = json.dumps(payload, ensure_ascii=False).encode()
            self.send_response(state.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_port}/v1"
    yield state
    server.shutdown()
    server.server_close()


def config_for(endpoint: Endpoint, **kwargs: object) -> SynthesisConfig:
    return SynthesisConfig(endpoint.url, "test-model", **kwargs)


def test_good_reply_is_renumbered_and_cited(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-must-not-leak")
    endpoint.reply = (
        "STORM试验纳入122例RRMM病人，客观缓解率（ORR）达26%［3］。该研究为2b期研究[1]。"
    )
    answer = synthesize(EXTRACTIVE, CANDIDATES, config_for(endpoint))
    assert (
        answer.answer
        == "STORM试验纳入122例RRMM病人，客观缓解率（ORR）达26%[1]。该研究为2b期研究[2]。"
    )
    assert [(c.marker, c.sentence_id, c.text) for c in answer.citations] == [
        (1, "3.1#p2.s1", STORM_RESULTS),
        (2, "3.1#p1.s1", STORM_DESIGN),
    ]
    assert answer.answered and answer.question == QUESTION and answer.language == "zh"
    assert answer.note.startswith("Synthesised by test-model")
    assert answer.timings["total_s"] == 0.04 and answer.timings["synthesis_s"] > 0
    (request,) = endpoint.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["model"] == "test-model" and request["max_tokens"] == 1024
    assert request["temperature"] == 0.0
    user = request["messages"][-1]["content"]
    assert all(c.text in user for c in CANDIDATES) and QUESTION in user
    assert request["messages"][0]["role"] == "system"
    assert endpoint.auth == ["Bearer not-needed"]  # never $OPENAI_API_KEY


def test_api_key_is_sent_when_configured(endpoint: Endpoint) -> None:
    endpoint.reply = "ORR达26%[3]。"
    answer = synthesize(EXTRACTIVE, CANDIDATES, config_for(endpoint, api_key="local-key"))
    assert answer.answer == "ORR达26%[1]。"
    assert endpoint.auth == ["Bearer local-key"]


@pytest.mark.parametrize(
    ("reply", "note"),
    [
        (
            "客观缓解率达26%[3]。中位OS达8.6个月[7]。",
            "LLM reply rejected: sentence 2 cites [7], but only [1]–[3] exist; showing the extractive answer.",
        ),
        (
            "客观缓解率达26%[3]。该药疗效显著。",
            "LLM reply rejected: sentence 2 cites nothing (“该药疗效显著。”); showing the extractive answer.",
        ),
        (
            "客观缓解率达36%[3]。",
            "LLM reply rejected: sentence 1 states 36%, which its citations do not; showing the extractive answer.",
        ),
        (
            NOT_IN_REVIEW,
            "test-model found no answer in the sentences; showing the extractive answer.",
        ),
        ("", "LLM reply rejected: the reply is empty; showing the extractive answer."),
    ],
)
def test_rejected_replies_fall_back_to_the_extractive_answer(
    endpoint: Endpoint, reply: str, note: str
) -> None:
    endpoint.reply = reply
    answer = synthesize(EXTRACTIVE, CANDIDATES, config_for(endpoint))
    assert (answer.answer, answer.citations) == (EXTRACTIVE.answer, EXTRACTIVE.citations)
    assert answer.answered and answer.note == note
    assert len(endpoint.requests) == 1 and "synthesis_s" in answer.timings


def test_endpoint_down_falls_back_quickly() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    answer = synthesize(EXTRACTIVE, CANDIDATES, SynthesisConfig(f"http://127.0.0.1:{port}/v1", "m"))
    assert time.perf_counter() - started < 5
    assert answer.answer == EXTRACTIVE.answer and answer.citations == EXTRACTIVE.citations
    assert answer.note.startswith("LLM endpoint unreachable (")
    assert answer.note.endswith("; showing the extractive answer.")


def test_slow_endpoint_times_out(endpoint: Endpoint) -> None:
    endpoint.reply, endpoint.delay = "ORR达26%[3]。", 3.0
    started = time.perf_counter()
    answer = synthesize(EXTRACTIVE, CANDIDATES, config_for(endpoint, timeout=0.3))
    assert time.perf_counter() - started < 2.5  # no retries
    assert answer.answer == EXTRACTIVE.answer
    assert answer.note == "LLM endpoint did not answer within 0.3 s; showing the extractive answer."
    assert len(endpoint.requests) == 1


def test_http_error_falls_back(endpoint: Endpoint) -> None:
    endpoint.status = 500
    answer = synthesize(EXTRACTIVE, CANDIDATES, config_for(endpoint))
    assert answer.answer == EXTRACTIVE.answer
    assert answer.note == "LLM endpoint returned HTTP 500; showing the extractive answer."
    assert len(endpoint.requests) == 1  # max_retries=0


def test_refusals_and_empty_candidates_send_nothing(endpoint: Endpoint) -> None:
    assert synthesize(REFUSAL, CANDIDATES, config_for(endpoint)) is REFUSAL
    assert synthesize(EXTRACTIVE, (), config_for(endpoint)) is EXTRACTIVE
    assert endpoint.requests == []


def test_chat_path_never_loads_a_tiktoken_encoding(
    endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tiktoken downloads its encodings from the internet; this machine has none."""
    import tiktoken

    def offline(*args: object, **kwargs: object) -> None:
        raise AssertionError("tiktoken encoding requested: that needs the internet")

    monkeypatch.setattr(tiktoken, "get_encoding", offline)
    monkeypatch.setattr(tiktoken, "encoding_for_model", offline)
    endpoint.reply = "The terminal half-life is about 6 h [2]."
    english = Answer("What is the half-life of selinexor?", "…[1]", True, "en", CANDIDATES[1:2])
    answer = synthesize(english, CANDIDATES, config_for(endpoint))
    assert answer.answer == "The terminal half-life is about 6 h [1]."
    assert [c.sentence_id for c in answer.citations] == ["2#p2.s1"]
    assert "Answer in English" in endpoint.requests[0]["messages"][0]["content"]


def test_an_injected_llama_index_llm_is_used() -> None:
    from llama_index.core.llms import MockLLM

    class Echo(MockLLM):
        def complete(self, prompt: str, formatted: bool = False, **kwargs: object):
            from llama_index.core.llms import CompletionResponse

            return CompletionResponse(text="中位OS达8.6个月[3]。")

    answer = synthesize(
        EXTRACTIVE, CANDIDATES, SynthesisConfig("http://unused/v1", "m"), llm=Echo()
    )
    assert answer.answer == "中位OS达8.6个月[1]。" and answer.citations[0].text == STORM_RESULTS


# --- the real assistant, its real index, and a local endpoint ---------------------------


@pytest.mark.slow
def test_real_assistant_synthesises_from_its_own_sentences(real_assistant, endpoint) -> None:
    """ask() hands the endpoint the review's sentences; a reply citing one is shown with it."""
    import re
    from dataclasses import replace

    from assistant import Assistant

    qa = real_assistant
    config = replace(qa.config, synthesis=SynthesisConfig(endpoint.url, "test-model"))
    llm_qa = Assistant(qa.index, qa.embedder, qa.glossary, config)
    question = "What overall response rate did selinexor plus dexamethasone achieve in STORM?"

    endpoint.reply = NOT_IN_REVIEW  # first call: see what the assistant sends
    declined = llm_qa.ask(question)
    assert declined.answer == qa.ask(question).answer  # the extractive answer, unchanged
    assert "found no answer" in declined.note
    user = endpoint.requests[0]["messages"][-1]["content"]
    numbered = dict(re.findall(r"^\[(\d+)\] §[^:]+: (.+)$", user, flags=re.MULTILINE))
    (n,) = [k for k, text in numbered.items() if "（ORR）达26%" in text]

    endpoint.reply = f"In STORM, the overall response rate with Xd was 26% [{n}]."
    answer = llm_qa.ask(question)
    assert (
        answer.answered
        and answer.answer == "In STORM, the overall response rate with Xd was 26% [1]."
    )
    (cite,) = answer.citations
    sentence = next(s for s in qa.doc.sentences if s.id == cite.sentence_id)
    assert cite.text == sentence.text == numbered[n]
    assert (cite.start, cite.end) == (sentence.start, sentence.end)
    assert answer.note.startswith("Synthesised by test-model")

    assert not llm_qa.ask("What is the price of selinexor in Brazil?").answered
    assert len(endpoint.requests) == 2  # the refusal never reached the endpoint


def test_without_the_llm_extra_the_answer_stays_extractive(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "llama_index.llms.openai_like", None)  # not installed
    config = SynthesisConfig("http://127.0.0.1:9/v1/missing-extra", "m")
    answer = synthesize(EXTRACTIVE, CANDIDATES, config)
    assert answer.answer == EXTRACTIVE.answer and answer.citations == EXTRACTIVE.citations
    assert answer.note == (
        "LLM synthesis needs the llm extra: pip install 'reviewqa[llm]'; "
        "showing the extractive answer."
    )


def test_cli_says_how_to_install_the_llm_extra(
    clean_env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    clean_env.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name.startswith("llama_index.llms") else real(name, *a),
    )
    code = main(["ask", "STORM?", "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m"])
    assert code == 2
    assert "pip install 'reviewqa[llm]'" in capsys.readouterr().err
