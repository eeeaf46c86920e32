"""spaCy ``DocBin`` (.spacy) export: the training-data format of ``spacy train``.

Lives in reader.core.analysis because it builds spaCy objects. The Doc is tokenised by a
blank English pipeline (the same rules as the model's tokenizer, no model load): mention
offsets that fall inside a token are widened to whole tokens.

Every mention is kept in ``doc.spans["entities"]`` (overlaps allowed) with the entity's
canonical name as ``kb_id``; ``doc.ents`` holds the largest non-overlapping subset, which is
what NER training reads.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reader.core.errors import ReaderError
from reader.core.export.jsonl import span_label
from reader.core.model import Annotations

SPAN_KEY = "entities"


@lru_cache(maxsize=1)
def _tokenizer_pipeline() -> Any:
    import spacy

    return spacy.blank("en")


def to_doc(ann: Annotations, nlp: Any | None = None) -> Any:
    """A spaCy Doc over the article text with every mention as a labelled span."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    nlp = nlp or _tokenizer_pipeline()
    doc = nlp.make_doc(ann.article.text)
    found: list[Any] = []
    for entity in ann.entities:
        for mention in entity.mentions:
            span = doc.char_span(
                mention.start, mention.end, label=span_label(entity.type), alignment_mode="expand"
            )
            if span is None or not len(span):
                continue
            found.append(Span(doc, span.start, span.end, label=span.label_, kb_id=entity.name))
    unique = {(s.start, s.end, s.label_): s for s in found}
    ordered = [unique[k] for k in sorted(unique)]
    doc.spans[SPAN_KEY] = ordered
    doc.ents = filter_spans(ordered)
    doc.user_data["entity_reader"] = {
        "title": ann.article.title,
        "source": ann.article.source,
        "published": ann.article.published.isoformat() if ann.article.published else None,
    }
    return doc


def to_docbin_bytes(ann: Annotations) -> bytes:
    """The serialised DocBin holding the one annotated article."""
    from spacy.tokens import DocBin

    try:
        doc_bin = DocBin(store_user_data=True, docs=[to_doc(ann)])
        return bytes(doc_bin.to_bytes())
    except (ValueError, KeyError) as exc:  # spaCy's own errors for malformed spans
        raise ReaderError("Could not build the spaCy DocBin.", detail=str(exc)) from exc
