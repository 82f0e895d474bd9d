"""The Gradio chat window, handed a ready Assistant."""
