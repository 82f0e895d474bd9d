"""Serving the page: a local-only server by default, and the ``reviewqa chat`` subcommand."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ui.chat import AssistantLike

if TYPE_CHECKING:
    import gradio as gr

LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOADING_MESSAGE = (
    "Loading the assistant (the first run prepares the model and index; this takes a minute)…"
)


class LaunchError(ValueError):
    """The server could not start (e.g. the port is taken); the message says what to change."""


@dataclass
class Running:
    """A started server: its page address, the public link if one was asked for, and a stop."""

    demo: gr.Blocks
    url: str
    share_url: str | None = None

    def close(self) -> None:
        """Stop serving and free the port."""
        self.demo.close(verbose=False)


def launch(
    assistant: AssistantLike,
    *,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    open_browser: bool = False,
    concurrency_limit: int = 4,
    block: bool = True,
) -> Running:
    """Serve the chat for ``assistant`` and print its address.

    Binds to 127.0.0.1 unless another host is given, and creates a public gradio.live link
    only when ``share`` is True. With ``block`` (the CLI) this returns after Ctrl-C; tests pass
    ``block=False`` and call ``close()``.
    """
    from ui.app import build_app

    demo = build_app(assistant, concurrency_limit=concurrency_limit)
    try:
        _, local_url, share_url = demo.launch(
            server_name=host,
            server_port=port,
            share=share,
            inbrowser=open_browser,
            prevent_thread_lock=True,
            quiet=True,
            show_error=False,
            footer_links=["api", "settings"],
            run_history=False,  # questions stay out of the browser's storage on shared machines
        )
    except OSError as err:
        raise LaunchError(
            f"cannot serve on {host}:{port} ({err}); pass another --port, or stop the other server"
        ) from err
    running = Running(demo=demo, url=local_url, share_url=share_url or None)
    _announce(running, host)
    if block:
        demo.block_thread()
    return running


def _announce(running: Running, host: str) -> None:
    print(f"Review QA is running at {running.url}  (Ctrl-C to stop)", flush=True)
    if host not in LOOPBACK:
        print(f"Note: listening on {host}: other machines on the network can open it.", flush=True)
    if running.share_url:
        print(f"Public link (anyone with it can use the app): {running.share_url}", flush=True)


def cmd_chat(args: argparse.Namespace) -> int:
    """Load the assistant, then serve the chat until interrupted."""
    from assistant.cli import llm_config

    llm = llm_config(args)  # a bad LLM setting fails now, before the model loads
    print(LOADING_MESSAGE, flush=True)
    from assistant import Assistant  # heavy: loads the embedding model and the index

    qa = Assistant.load(index_dir=args.index_dir, llm=llm)
    launch(qa, host=args.host, port=args.port, share=args.share, open_browser=args.open)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``chat`` subcommand to the ``reviewqa`` command line."""
    p = sub.add_parser("chat", help="open the chat window (http://127.0.0.1:7860 by default)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port to serve on (default: 7860)")
    p.add_argument(
        "--share",
        action="store_true",
        help="also create a public gradio.live link (traffic goes through Gradio's servers)",
    )
    p.add_argument("--index-dir", type=Path, default=None, help="index folder (default: built-in)")
    p.add_argument("--open", action="store_true", help="open the page in the default browser")
    from assistant.cli import add_llm_flags

    add_llm_flags(p)
    p.set_defaults(func=cmd_chat)
