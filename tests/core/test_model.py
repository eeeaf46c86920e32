"""Annotations.snapshot: what the library indexes stays as it was while the reader corrects."""

from __future__ import annotations

import copy

from reader.core.corrections.operations import (
    AddMention,
    ChangeType,
    MergeEntities,
    RemoveMention,
    RenameEntity,
)
from reader.core.corrections.undo import CorrectionStack
from reader.core.model import Annotations, Article, Block, DateMention, Entity, Mention, Quote


def _annotations() -> Annotations:
    text = "Ada met Grace in Paris. Ada said it rained. Grace left Paris."
    article = Article(text, title="Ada in Paris", blocks=[Block(0, len(text), "paragraph")])
    ada = Entity(
        "e1",
        "person",
        "Ada",
        [Mention(0, 3, "Ada"), Mention(24, 27, "Ada")],
        title_mentions=[Mention(0, 3, "Ada")],
    )
    grace = Entity("e2", "person", "Grace", [Mention(8, 13, "Grace"), Mention(44, 49, "Grace")])
    paris = Entity("e3", "place", "Paris", [Mention(17, 22, "Paris"), Mention(55, 60, "Paris")])
    quotes = [Quote(33, 42, "it rained", "Ada", "e1")]
    dates = [DateMention(0, 3, "Ada", None, None)]
    return Annotations(article, entities=[ada, grace, paris], quotes=quotes, dates=dates)


def test_a_snapshot_equals_its_annotations_and_keeps_them_through_corrections() -> None:
    ann = _annotations()
    before = copy.deepcopy(ann)
    snapshot = ann.snapshot()
    assert snapshot == ann
    stack = CorrectionStack(ann)
    stack.apply(RenameEntity("e1", "Ada Lovelace"))
    stack.apply(RemoveMention("e2", 44, 49))
    stack.apply(AddMention("e3", 4, 7))
    stack.apply(ChangeType("e3", "country"))
    stack.apply(MergeEntities("e1", "e2"))
    ann.article.notices.append("corrected")
    ann.entities[0].title_mentions.clear()
    assert ann != before
    assert snapshot == before
