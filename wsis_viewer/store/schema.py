"""The SQLite schema, as typed SQLAlchemy 2 ORM classes.

One table per record kind, child tables for ordered lists (sessions, history steps, roles) and
one polymorphic table for sources, so every record cites where it came from. Dates are stored as
ISO text ("2013-05-30"): SQLite has no date type and text sorts correctly and never shifts by a
time zone.

Bump SCHEMA_VERSION whenever a table or column changes; `open_database` refuses files of any
other version with a message instead of failing later on a missing column.

Version history:
  1  the records, their links and their sources.
  2  `claims`: the basis (stated / inferred), source, quotation and reason behind every link
     and status; `quoted_texts`: which texts are the report's own wording.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 2
# PRAGMA application_id: tells our files apart from any other SQLite file ("WSIS" in ASCII).
APPLICATION_ID = 0x57534953


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String, index=True)
    lane: Mapped[str] = mapped_column(String, index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    title_en_is_translation: Mapped[bool]
    start: Mapped[str] = mapped_column(String(10), index=True)
    end: Mapped[str] = mapped_column(String(10))
    precision: Mapped[str] = mapped_column(String(5))
    location: Mapped[str | None] = mapped_column(Text)
    description_zh: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    date_note: Mapped[str | None] = mapped_column(Text)


class SessionRow(Base):
    __tablename__ = "sessions"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[str] = mapped_column(String(10))
    end: Mapped[str] = mapped_column(String(10))
    time: Mapped[str | None] = mapped_column(String(5))
    end_time: Mapped[str | None] = mapped_column(String(5))
    room: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(Text)


class EventResolutionRow(Base):
    """A resolution an event discussed or followed up (beyond the resolution's own steps)."""

    __tablename__ = "event_resolutions"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    resolution_id: Mapped[str] = mapped_column(ForeignKey("resolutions.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class DocumentRow(Base):
    __tablename__ = "documents"
    symbol: Mapped[str] = mapped_column(String, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    title_en_is_translation: Mapped[bool]
    submitted_by: Mapped[str | None] = mapped_column(Text)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    description_zh: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)


class ConsiderationRow(Base):
    """A document considered at an event (and what the event did with it)."""

    __tablename__ = "considerations"
    document_symbol: Mapped[str] = mapped_column(ForeignKey("documents.symbol"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String)


class ResolutionRow(Base):
    __tablename__ = "resolutions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    body: Mapped[str] = mapped_column(String)
    number: Mapped[str] = mapped_column(String, index=True)
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    title_en_is_translation: Mapped[bool]
    description_zh: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)


class ResolutionStepRow(Base):
    __tablename__ = "resolution_steps"
    resolution_id: Mapped[str] = mapped_column(ForeignKey("resolutions.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String)
    year: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    document_symbol: Mapped[str | None] = mapped_column(ForeignKey("documents.symbol"))
    note: Mapped[str | None] = mapped_column(Text)


class RecommendationRow(Base):
    __tablename__ = "recommendations"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    ref: Mapped[str] = mapped_column(String)
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    text_en_is_translation: Mapped[bool]
    status: Mapped[str] = mapped_column(String)
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    note: Mapped[str | None] = mapped_column(Text)


class RecommendationLinkRow(Base):
    """A recommendation's link to a resolution, an event or a document (by `target_type`)."""

    __tablename__ = "recommendation_links"
    recommendation_id: Mapped[str] = mapped_column(
        ForeignKey("recommendations.id"), primary_key=True
    )
    target_type: Mapped[str] = mapped_column(String, primary_key=True)
    target_id: Mapped[str] = mapped_column(String, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_recommendation_links_target", "target_type", "target_id"),)


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)


class RoleRow(Base):
    __tablename__ = "roles"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)


class ContributorRow(Base):
    __tablename__ = "contributors"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name_zh: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str] = mapped_column(Text)
    name_en_is_translation: Mapped[bool]
    type: Mapped[str] = mapped_column(String)
    country: Mapped[str | None] = mapped_column(Text)


class TopicRow(Base):
    __tablename__ = "topics"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    category: Mapped[str] = mapped_column(String)
    ref: Mapped[str] = mapped_column(String)
    title_zh: Mapped[str] = mapped_column(Text)
    title_en: Mapped[str] = mapped_column(Text)
    title_en_is_translation: Mapped[bool]
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)


class TopicEventRow(Base):
    __tablename__ = "topic_events"
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)


class FigureRow(Base):
    __tablename__ = "figures"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String)
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    text_en_is_translation: Mapped[bool]
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"))


class SourceRow(Base):
    """One citation of one record. `record_type` is a RecordType value, `record_id` its key."""

    __tablename__ = "sources"
    record_type: Mapped[str] = mapped_column(String, primary_key=True)
    record_id: Mapped[str] = mapped_column(String, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String)
    ref: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)


class ClaimRow(Base):
    """The claim behind one link or status of one record (see domain.model.Claim).

    `relation` names the link ("event", "considered_at", "resolutions", "links.events",
    "status", "history", "roles" …); `target` is what it points at — an id, a status, or for the
    ordered children (history steps, roles) their `seq` as text.
    """

    __tablename__ = "claims"
    record_type: Mapped[str] = mapped_column(String, primary_key=True)
    record_id: Mapped[str] = mapped_column(String, primary_key=True)
    relation: Mapped[str] = mapped_column(String, primary_key=True)
    target: Mapped[str] = mapped_column(String, primary_key=True)
    basis: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    note_zh: Mapped[str | None] = mapped_column(Text)
    note_en: Mapped[str | None] = mapped_column(Text)


class QuotedTextRow(Base):
    """A text (`field`: title, description, text, name) whose zh is the report's own wording."""

    __tablename__ = "quoted_texts"
    record_type: Mapped[str] = mapped_column(String, primary_key=True)
    record_id: Mapped[str] = mapped_column(String, primary_key=True)
    field: Mapped[str] = mapped_column(String, primary_key=True)
    quoted_from: Mapped[str] = mapped_column(String)
