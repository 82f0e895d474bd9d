"""The Gradio page: chat beside its sources, examples, settings and the About panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.chat import K_DEFAULT, K_MAX, K_MIN, AssistantLike, Message, respond
from ui.format import EMPTY_SOURCES, EXAMPLES, about_markdown

if TYPE_CHECKING:
    import gradio as gr

__all__ = ["TITLE", "build_app", "respond"]

TITLE = "Review QA · 塞利尼索综述问答"

INTRO = (
    "Ask about the review *Selinexor in relapsed/refractory multiple myeloma* in Chinese or "
    "English. Every answer quotes the review and marks each claim with [n]; the cited sentences "
    "are highlighted on the right. 可用中文或英文提问；答案引用综述原句，并在右侧高亮出处。"
)

# Scoped to the sources panel by gr.HTML. Colours come from theme variables so the panel follows
# light and dark mode; the highlight sets its own text colour to stay readable on yellow.
SOURCES_CSS = """
.rq-sources h3 { margin: 0 0 0.5em; font-size: 1.05em; }
.rq-source, .rq-nearest, .rq-hit {
  border: 1px solid var(--border-color-primary); border-radius: 8px;
  padding: 0.6em 0.8em; margin: 0 0 0.6em; background: var(--background-fill-secondary);
}
.rq-nearest { border-style: dashed; }
.rq-head { font-weight: 600; margin-bottom: 0.3em; }
.rq-marker { color: var(--color-accent); }
.rq-passage { margin: 0; line-height: 1.65; }
.rq-id, .rq-score, .rq-rank { font-size: 0.8em; color: var(--body-text-color-subdued); }
.rq-note, .rq-empty { font-style: italic; color: var(--body-text-color-subdued); }
.rq-retrieved { margin-top: 1em; }
mark { background: #fde68a; color: #1f2937; padding: 0 0.1em; border-radius: 2px; }
"""


def _clear() -> tuple[list[Message], str, str, str]:
    return [], EMPTY_SOURCES, "", ""


@dataclass
class _Widgets:
    """The components the events connect; built inside an open ``gr.Blocks``."""

    chatbot: Any
    msg: Any
    send: Any
    clear: Any
    copy_box: Any
    sources: Any = None
    k: Any = None
    show_retrieved: Any = None


def _chat_column(gr: Any) -> _Widgets:
    """The chat, the input row, the examples and the copy box."""
    chatbot = gr.Chatbot(
        label="Chat · 对话",
        elem_id="rq-chat",
        height=520,
        buttons=[],  # the built-in copy would copy escaped Markdown; the copy box is plain
        feedback_options=None,
        latex_delimiters=[],  # "$" in a question is text, not maths
        placeholder="Ask a question below · 请在下方提问",
    )
    with gr.Row():
        msg = gr.Textbox(
            label="Question · 问题",
            show_label=False,
            placeholder="Ask in Chinese or English · 用中文或英文提问",
            elem_id="rq-input",
            scale=6,
            autofocus=True,
        )
        send = gr.Button("Send · 发送", variant="primary", elem_id="rq-send", scale=1)
        clear = gr.Button("Clear · 清空", elem_id="rq-clear", scale=1)
    gr.Examples(
        examples=[[q] for q in EXAMPLES],
        inputs=[msg],
        label="Example questions · 示例问题",
        cache_examples=False,
    )
    copy_box = gr.Textbox(
        label="Copy answer with citations · 复制答案及引用",
        elem_id="rq-copy",
        lines=3,
        max_lines=12,
        interactive=False,
        buttons=["copy"],
    )
    return _Widgets(chatbot, msg, send, clear, copy_box)


def _side_column(gr: Any, widgets: _Widgets) -> None:
    """The sources panel and, under it, the retrieval settings."""
    widgets.sources = gr.HTML(
        EMPTY_SOURCES,
        elem_id="rq-sources",
        css_template=SOURCES_CSS,
        js_on_load=None,
        max_height=760,
        padding=True,
    )
    with gr.Accordion("Settings · 设置", open=False):
        widgets.k = gr.Slider(
            K_MIN, K_MAX, value=K_DEFAULT, step=1, label="Passages to retrieve (k)"
        )
        widgets.show_retrieved = gr.Checkbox(
            value=False, label="Show retrieved passages · 显示检索到的段落"
        )


def _connect(gr: Any, w: _Widgets, assistant: AssistantLike) -> None:
    """One public event, ``ask``; clearing is private to the page."""

    def ask(
        message: str, history: list[Message], k: float, show_retrieved: bool
    ) -> tuple[list[Message], str, str]:
        """Answer one question; returns the new history, the sources HTML and the copy text."""
        return respond(assistant, message, history, k, show_retrieved)

    outputs = [w.chatbot, w.sources, w.copy_box]
    gr.on(
        [w.msg.submit, w.send.click],
        ask,
        inputs=[w.msg, w.chatbot, w.k, w.show_retrieved],
        outputs=outputs,
        api_name="ask",
    ).then(lambda: "", None, w.msg, api_visibility="private", queue=False)
    w.clear.click(_clear, None, [*outputs, w.msg], api_visibility="private", queue=False)
    # The Chatbot's own trash icon empties the chat; the sources must not outlive it.
    w.chatbot.clear(_clear, None, [*outputs, w.msg], api_visibility="private", queue=False)


def build_app(assistant: AssistantLike, *, concurrency_limit: int = 4) -> gr.Blocks:
    """The page for one loaded assistant, with its queue enabled.

    All per-user state lives in the components' values (the Chatbot holds the history), so
    sessions never share anything but the read-only assistant. ``concurrency_limit`` bounds
    how many answers are computed at once; further users wait in the queue.
    """
    import gradio as gr

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"## {TITLE}\n\n{INTRO}")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=360):
                widgets = _chat_column(gr)
            with gr.Column(scale=2, min_width=320):
                _side_column(gr, widgets)
        with gr.Accordion("About this review · 关于本综述", open=False):
            gr.Markdown(about_markdown(assistant.doc))
        _connect(gr, widgets, assistant)
    demo.queue(default_concurrency_limit=concurrency_limit)
    return demo
