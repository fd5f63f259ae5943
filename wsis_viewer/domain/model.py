"""Plain, immutable records of the WSIS dataset.

These are what every layer above the store works with: the Qt views, the exports and the
reports never see SQL rows. No Qt and no SQLAlchemy import here, on purpose.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Precision(enum.StrEnum):
    """How much of a date is known. A year-only date must never be drawn as if exact."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class SourceType(enum.StrEnum):
    REPORT = "report"
    EXTERNAL = "external"


class Basis(enum.StrEnum):
    """Whether a claim is the source's own statement or our reasoning.

    `stated`: the report paragraph (or cited public page) says it. `inferred`: we concluded it
    (from dates, symbols, the order of a list …); such a claim always carries a note saying why,
    and the viewer draws it differently so an inference never passes for a fact.
    """

    STATED = "stated"
    INFERRED = "inferred"


class RecordType(enum.StrEnum):
    """The kinds of record a link, a source or a selection can point at."""

    EVENT = "event"
    DOCUMENT = "document"
    RESOLUTION = "resolution"
    RECOMMENDATION = "recommendation"
    PERSON = "person"
    CONTRIBUTOR = "contributor"
    TOPIC = "topic"
    FIGURE = "figure"


EVENT_KINDS: tuple[str, ...] = (
    "cwg-wsis-meeting",
    "council-session",
    "plenipotentiary-conference",
    "wsis-forum",
    "high-level-event",
    "unga",
    "consultation",
    "advisory-group",
    "working-group",
    "observance",
    "summit",
)

DOCUMENT_KINDS: tuple[str, ...] = (
    "meeting-summary",
    "report",
    "addendum",
    "contribution",
    "resolution-text",
    "outcome-document",
    "publication",
)

RESOLUTION_BODIES: tuple[str, ...] = ("council", "plenipotentiary", "unga", "wsis+10")

STEP_ACTIONS: tuple[str, ...] = (
    "adopted",
    "revised",
    "modified",
    "noted",
    "endorsed",
    "examined",
    "recommended",
    "followed-up",
)

RECOMMENDATION_STATUSES: tuple[str, ...] = (
    "led-to-resolution",
    "endorsed",
    "approved",
    "forwarded",
    "proposed",
    "noted",
)

TOPIC_CATEGORIES: tuple[str, ...] = ("initiative", "adjustment", "input")

CONTRIBUTOR_TYPES: tuple[str, ...] = ("member-state", "city", "company", "organization")


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A text in Chinese and English.

    `quoted_from` names the report paragraph ("§4.5.3") whose words `zh` reproduces verbatim;
    None means the text is ours (a summary, or a title the report does not give), written in the
    report's terms. `en_is_translation` is True when `en` is our translation rather than an
    official English title, so the UI and exports can say so.
    """

    zh: str
    en: str
    en_is_translation: bool = False
    quoted_from: str | None = None

    @property
    def is_report_wording(self) -> bool:
        return self.quoted_from is not None

    def get(self, lang: str) -> str:
        """The text in `lang` ("zh" or "en"), falling back to the other language when empty."""
        primary, other = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return primary or other

    def has(self, lang: str) -> bool:
        return bool(self.zh if lang == "zh" else self.en)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record comes from: a report paragraph ("§2.2.5") or an external reference."""

    type: SourceType
    ref: str
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """Why the dataset holds one link or status: its basis, source, evidence and reason.

    `source` is a report paragraph ("§2.3.3") or an external source ("ext:<id>"), the one that
    states the claim or on which the inference rests. `quote` is the report's own words the
    claim rests on, verbatim (whitespace aside) from that paragraph. `note` says, for an
    inferred claim, why we drew it.
    """

    basis: Basis
    source: str
    quote: str | None = None
    note: Bilingual | None = None

    @property
    def inferred(self) -> bool:
        return self.basis is Basis.INFERRED


@dataclass(frozen=True, slots=True)
class LinkClaim:
    """The claim behind one link of a record: `relation` names the field ("event",
    "resolutions", "links.events", "status" …), `target` the id (or status) it points at."""

    relation: str
    target: str
    claim: Claim


def claim_for(claims: tuple[LinkClaim, ...], relation: str, target: str) -> Claim | None:
    """The claim behind `relation` → `target` among `claims`, or None when none is recorded.

    The source files require a claim on every link of the bundled dataset; None occurs only for
    records built in code (tests, synthetic benchmark databases)."""
    return next((c.claim for c in claims if c.relation == relation and c.target == target), None)


@dataclass(frozen=True, slots=True)
class Session:
    """One contiguous sitting of an event. A meeting held on two separate days has two."""

    start: dt.date
    end: dt.date
    time: str | None = None
    end_time: str | None = None
    room: str | None = None
    location: str | None = None
    label: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    lane: str
    title: Bilingual
    start: dt.date
    end: dt.date
    precision: Precision
    sessions: tuple[Session, ...]
    number: int | None = None
    location: str | None = None
    description: Bilingual | None = None
    date_note: str | None = None
    documents: tuple[str, ...] = ()
    # Resolutions discussed or followed up here, beyond the adoption/modification steps that
    # resolutions record themselves (e.g. the extraordinary meeting on revised 1334).
    resolutions: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[LinkClaim, ...] = ()  # relation "resolutions"

    @property
    def is_multi_session(self) -> bool:
        return len(self.sessions) > 1


@dataclass(frozen=True, slots=True)
class Consideration:
    """A document considered at an event, and what the event did with it."""

    event: str
    action: str
    claim: Claim | None = None  # None: not recorded (records built in code)


@dataclass(frozen=True, slots=True)
class Document:
    symbol: str
    kind: str
    title: Bilingual
    submitted_by: str | None = None
    event: str | None = None
    considered_at: tuple[Consideration, ...] = ()
    description: Bilingual | None = None
    sources: tuple[Source, ...] = ()
    claims: tuple[LinkClaim, ...] = ()  # relation "event": the producing meeting


@dataclass(frozen=True, slots=True)
class ResolutionStep:
    """One step in a resolution's life: adopted, modified, noted, endorsed ..."""

    action: str
    year: int
    event: str | None = None
    document: str | None = None
    note: str | None = None
    # The claim that this step happened where and through what `event` and `document` say.
    claim: Claim | None = None  # None: not recorded (records built in code)


@dataclass(frozen=True, slots=True)
class Resolution:
    id: str
    body: str
    number: str
    title: Bilingual
    history: tuple[ResolutionStep, ...]
    description: Bilingual | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class RecommendationLinks:
    resolutions: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: str
    ref: str
    text: Bilingual
    status: str
    event: str | None = None
    links: RecommendationLinks = field(default_factory=RecommendationLinks)
    note: str | None = None
    sources: tuple[Source, ...] = ()
    # Relations "status" (target: the status), "event", "links.resolutions", "links.events",
    # "links.documents".
    claims: tuple[LinkClaim, ...] = ()

    @property
    def status_claim(self) -> Claim | None:
        return claim_for(self.claims, "status", self.status)


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    body: str
    start_year: int | None = None
    end_year: int | None = None
    claim: Claim | None = None  # None: not recorded (records built in code)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    name_zh: str | None
    country: str | None
    roles: tuple[Role, ...]
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Contributor:
    id: str
    name: Bilingual
    type: str
    country: str | None = None
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """An initiative (§2.4), an adjustment of ITU's role (§3.1) or an input (§4.2)."""

    id: str
    category: str
    ref: str
    title: Bilingual
    start_year: int | None = None
    end_year: int | None = None
    events: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    claims: tuple[LinkClaim, ...] = ()  # relation "events"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the report states, kept with its qualifier ("more than 150")."""

    id: str
    value: int
    qualifier: str
    text: Bilingual
    event: str | None = None
    sources: tuple[Source, ...] = ()
    claims: tuple[LinkClaim, ...] = ()  # relation "event"


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything one database holds, in stable order."""

    events: tuple[Event, ...] = ()
    documents: tuple[Document, ...] = ()
    resolutions: tuple[Resolution, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    people: tuple[Person, ...] = ()
    contributors: tuple[Contributor, ...] = ()
    topics: tuple[Topic, ...] = ()
    figures: tuple[Figure, ...] = ()

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def document(self, symbol: str) -> Document | None:
        return next((d for d in self.documents if d.symbol == symbol), None)

    def resolution(self, resolution_id: str) -> Resolution | None:
        return next((r for r in self.resolutions if r.id == resolution_id), None)

    def recommendation(self, rec_id: str) -> Recommendation | None:
        return next((r for r in self.recommendations if r.id == rec_id), None)
