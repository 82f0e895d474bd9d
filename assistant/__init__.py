"""Cited answers over the review: retrieval, answer composition, the public API and the CLI."""
