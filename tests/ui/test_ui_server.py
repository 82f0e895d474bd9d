"""Serving: local-only by default, a readable error for a busy port, and the ``chat`` command."""

from __future__ import annotations

import argparse
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import assistant as assistant_pkg
from ui import server
from ui.server import LOADING_MESSAGE, LaunchError, register


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewqa")
    register(p.add_subparsers(dest="command", required=True))
    return p


def test_chat_defaults_are_local_and_private() -> None:
    args = parser().parse_args(["chat"])
    assert (args.host, args.port, args.share, args.index_dir, args.open) == (
        "127.0.0.1",
        7860,
        False,
        None,
        False,
    )
    assert args.func is server.cmd_chat


def test_chat_flags() -> None:
    args = parser().parse_args(
        ["chat", "--host", "0.0.0.0", "--port", "8000", "--share", "--index-dir", "ix"]
    )
    assert (args.host, args.port, args.share, args.index_dir) == ("0.0.0.0", 8000, True, Path("ix"))


def test_cmd_chat_announces_loading_then_launches(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fake: Any
) -> None:
    calls: list[tuple[str, Any]] = []

    class StubAssistant:
        @classmethod
        def load(cls, index_dir: Path | None = None, llm: Any = None) -> Any:
            calls.append(("load", (index_dir, llm)))
            return fake

    def stub_launch(qa: Any, **kw: Any) -> None:
        calls.append(("launch", (qa, kw)))

    monkeypatch.setattr(assistant_pkg, "Assistant", StubAssistant, raising=False)
    monkeypatch.setattr(server, "launch", stub_launch)
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT"):
        monkeypatch.delenv(f"REVIEWQA_LLM_{name}", raising=False)
    args = parser().parse_args(["chat", "--port", "8123", "--index-dir", "ix"])
    assert args.func(args) == 0
    assert capsys.readouterr().out.startswith(LOADING_MESSAGE)
    assert calls == [
        ("load", (Path("ix"), None)),  # no LLM unless asked for
        (
            "launch",
            (fake, {"host": "127.0.0.1", "port": 8123, "share": False, "open_browser": False}),
        ),
    ]

    calls.clear()
    llm_flags = ["--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m"]
    args = parser().parse_args(["chat", "--index-dir", "ix", *llm_flags])
    assert args.func(args) == 0
    (_, (_, llm)), _ = calls
    assert (llm.base_url, llm.model) == ("http://127.0.0.1:9/v1", "m")


def test_launch_binds_to_loopback_without_a_share_link(
    fake: Any, serve: Callable[..., Any], capsys: pytest.CaptureFixture[str]
) -> None:
    running = serve(fake)
    assert running.url.startswith("http://127.0.0.1:")
    assert running.share_url is None
    assert f"Review QA is running at {running.url}" in capsys.readouterr().out


def test_launch_on_a_busy_port_says_what_to_do(fake: Any) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(LaunchError, match="another --port"):
            server.launch(fake, port=port, block=False)


def test_app_exposes_one_public_endpoint(fake: Any, serve: Callable[..., Any]) -> None:
    from gradio_client import Client

    running = serve(fake)
    api = Client(running.url, verbose=False, analytics_enabled=False).view_api(
        return_format="dict", print_info=False
    )
    assert list(api["named_endpoints"]) == ["/ask"]
    params = [p["parameter_name"] for p in api["named_endpoints"]["/ask"]["parameters"]]
    assert params == ["message", "history", "k", "show_retrieved"]
