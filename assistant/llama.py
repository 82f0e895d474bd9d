"""The retriever as a llama-index BaseRetriever, for use in llama-index query engines."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.core import Assistant


def as_llama_retriever(assistant: Assistant, k: int = 5) -> Any:
    """A llama-index ``BaseRetriever`` returning ``NodeWithScore`` over the review's passages.

    Each node is a ``TextNode`` whose id is the passage id and whose metadata carries the
    section number and titles and the passage's offsets in the clean document.
    """
    from llama_index.core.retrievers import BaseRetriever
    from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

    class ReviewRetriever(BaseRetriever):
        def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
            hits = assistant.retrieve(query_bundle.query_str, k=k)
            return [
                NodeWithScore(
                    node=TextNode(
                        id_=h.passage_id,
                        text=h.text,
                        metadata={
                            "passage_id": h.passage_id,
                            "section": h.section,
                            "section_title": h.section_title,
                            "section_title_en": h.section_title_en,
                            "start": h.start,
                            "end": h.end,
                        },
                    ),
                    score=h.score,
                )
                for h in hits
            ]

    return ReviewRetriever()
