"""The Gradio chat window, handed a ready Assistant."""

from ui.app import build_app
from ui.chat import respond
from ui.server import launch, register

__all__ = ["build_app", "launch", "register", "respond"]
