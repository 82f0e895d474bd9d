"""Retrieval index: the embedding model and the search structures built on it."""
