"""Plain data that flows through the app: file -> Article -> Annotations -> view / export.

Every offset is a Python ``str`` index into ``Article.text`` (code points, not UTF-16 units);
the view converts to Qt positions in exactly one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

EntityType = str
"""One of ENTITY_TYPES; a plain str so new layers need no schema change."""

PERSON = "person"
COUNTRY = "country"
ORGANIZATION = "organization"
PLACE = "place"
NATIONALITY = "nationality"

HIGHLIGHTED_TYPES: tuple[str, ...] = (PERSON, COUNTRY, ORGANIZATION)
"""Types the reader highlights by default."""
EXTRA_TYPES: tuple[str, ...] = (PLACE, NATIONALITY)
"""Optional layers, hidden by default."""
ENTITY_TYPES: tuple[str, ...] = HIGHLIGHTED_TYPES + EXTRA_TYPES

Source = Literal["model", "user"]
QuoteKind = Literal["speech", "scare"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Block:
    """A structural block of the article text (paragraph, heading, list item, ...).

    Attributes:
        start: offset of the first character in ``Article.text``.
        end: offset just past the last character (the separator is not included).
        kind: "paragraph", "heading", "list_item", "blockquote", "preformatted", "dateline".
        level: heading level (1-6) for headings, else 0.
    """

    start: int
    end: int
    kind: str = "paragraph"
    level: int = 0


@dataclass
class Article:
    """A loaded article: the text the view shows and every offset indexes.

    Attributes:
        text: body text; blocks are separated by a single "\\n" (or "\\n\\n" between blocks,
            the loader decides and records it in ``blocks``). Never contains the title line
            of the sample's ``date YYYY-MM-DD <headline>`` header.
        title: headline, or None.
        byline: author(s) as written, or None.
        published: publication date, or None when unknown (never guessed from today).
        source: the path (or name) the article was loaded from.
        blocks: structure of ``text``; may be empty for unstructured text.
        site: publishing site or agency ("UNN", "Reuters"), or None.
        dateline: place named in a wire dateline ("Kyiv"), or None.
        format: loader that produced it: "txt", "md", "html", "pdf", "docx", "annotated".
        notices: plain sentences for the user ("Little article text was found on this page.").
    """

    text: str
    title: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    source: str = ""
    blocks: list[Block] = field(default_factory=list)
    site: str | None = None
    dateline: str | None = None
    format: str = "txt"
    notices: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    source: Source = "model"


@dataclass
class Entity:
    """One real-world thing, with every mention of it merged under a canonical name.

    Attributes:
        id: stable within one Annotations ("e1", "e2", ... or "u1" for the reader's own).
        type: one of ENTITY_TYPES.
        name: canonical name ("Emmanuel Macron", "United States").
        mentions: sorted by start.
        source: "model" or "user" (added or changed by the reader).
        country: ISO 3166 alpha-2 code for countries and nationalities, else None.
        title_mentions: its mentions in the headline; these offsets index ``Article.title``
            (``title[start:end] == text``), not the body, so no body offset moves.
    """

    id: str
    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)
    source: Source = "model"
    country: str | None = None
    title_mentions: list[Mention] = field(default_factory=list)

    @property
    def mention_count(self) -> int:
        """How often the article names it, headline included (what lists and counts show)."""
        return len(self.mentions) + len(self.title_mentions)

    def copy(self) -> Entity:
        """A copy whose mention lists can change without touching this one (mentions are frozen)."""
        return replace(self, mentions=list(self.mentions), title_mentions=list(self.title_mentions))


@dataclass(frozen=True)
class Quote:
    """A direct quotation; start/end exclude the quotation marks."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_id: str | None = None
    kind: QuoteKind = "speech"
    source: Source = "model"


@dataclass(frozen=True)
class DateMention:
    """A date expression with its calendar value resolved against the publication date.

    ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" matching ``precision``, or None when it
    cannot be computed (e.g. relative date and unknown publication date).
    """

    start: int
    end: int
    text: str
    value: str | None = None
    precision: Precision | None = None


@dataclass(frozen=True)
class PipelineInfo:
    """What produced the annotations, so a cache or a reader can tell them apart."""

    model: str = ""
    model_version: str = ""
    reader_version: str = ""


@dataclass
class Annotations:
    """Everything the reader knows about one article (JSON schema version 1)."""

    article: Article
    pipeline: PipelineInfo = field(default_factory=PipelineInfo)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    def snapshot(self) -> Annotations:
        """A copy that later corrections of these annotations leave unchanged.

        Only the mutable parts are copied (the entities and every list); mentions, quotes and
        dates are frozen, so they are shared. ``copy.deepcopy`` of 155,000 mentions held the UI
        thread 3.4 s; this copies pointers.
        """
        article = replace(
            self.article, blocks=list(self.article.blocks), notices=list(self.article.notices)
        )
        entities = [e.copy() for e in self.entities]
        return Annotations(article, self.pipeline, entities, list(self.quotes), list(self.dates))

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return next((e for e in self.entities if e.id == entity_id), None)
