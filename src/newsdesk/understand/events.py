"""Events: meetings, negotiations, appointments and statements, with who, where and when.

Each sentence with a trigger word gives a frame: its chair, participants, place, date, parties,
mediator, host and delegations, read from the words around the trigger. Frames then merge into
events: a meeting with the same chair, or one the sentence refers back to ("The gathering
included ..."), is the same meeting; talks are the article's main talks unless dated well before
the article or referred to as past ("at the time", "previously").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Entity, Event, Participant
from .analysis import Analysis, Mention
from .gazetteer import country_of
from .quotes import FoundQuote
from .time import FoundTime
from .timex import parse_anchor

MEETING = {"meeting", "meetings", "summit", "gathering", "gathered", "gathers", "gather", "met", "meets",
           "convened", "convenes", "convene"}
NEGOTIATION = {"talks", "negotiations", "negotiation", "delegation", "delegations", "mediation", "negotiating"}
CHAIR_VERBS = {"chaired", "chairs", "chair", "held", "holds", "hold", "convened", "convenes", "convene", "gathers",
               "gathered", "hosted", "hosts", "called"}
PARTICIPANT_CUES = {"included", "includes", "include", "including", "involving", "attended", "with", "joined"}
APPOINTING_QUALIFIERS = {"newly appointed", "recently appointed", "just appointed", "newly named", "recently named",
                         "newly installed", "newly elected", "recently elected"}
APPOINTED = re.compile(r"\b(?:was|has been|had been|is|were|been)\s+(?:appointed|named|nominated)\s+(?:as\s+)?"
                       r"(?:the\s+)?(?:new\s+)?(?P<title>[A-Za-z][\w -]{2,60}?)(?:[,.;]|\s+(?:on|in|by|after|last)\b|$)")
PAST_REFERENCE = re.compile(r"\b(?:at the time|previously|earlier|back then|in the past|then)\b", re.IGNORECASE)
ANAPHOR = re.compile(r"^\s*(?:the|that|this)\s+(?:gathering|meeting|summit|session)\b", re.IGNORECASE)
MEDIATOR = re.compile(r"\bunder\s+(?P<a>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*?)(?:[’']s)?\s+mediation"
                      r"|\bmediated\s+by\s+(?P<b>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
HOST = re.compile(r"(?P<a>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?:\w+ly\s+)?hosted\b"
                  r"|\bhosted\s+by\s+(?P<b>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
MEMBERS = re.compile(r"\bmembers?\b.*\b(?:include|includes|included|are|were|will be)\b|\bdelegation\b.*\binclud", re.I)
LED_BY = re.compile(r"\b(?:led|headed)\s+by\b", re.IGNORECASE)
#: Dates this much older than the article belong to an earlier event.
EARLIER_EVENT = timedelta(days=30)
EVIDENCE = 3


@dataclass
class Frame:
    type: str
    sentence: int
    trigger: int  # token index in the sentence's doc
    date: str | None = None
    place: str | None = None
    country: str | None = None
    chair: int | None = None  # entity index
    participants: list[tuple[int, str, str | None]] = field(default_factory=list)  # (entity, part, side)
    parties: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)
    mediator: str | None = None
    host: str | None = None


class Reader:
    """Reads the frames of one article."""

    def __init__(self, analysis: Analysis, entities: list[Entity], quotes: list[FoundQuote], times: list[FoundTime]):
        self.a = analysis
        self.entities = entities
        self.times = [t for t in times if t.quote is None and t.expression.kind == "date"]
        self.anchor = parse_anchor(analysis.article.published)
        self.display = {}  # country code -> the article's name for it
        for e in entities:
            if e.type == "place" and (c := country_of(e.name, capitals=False)):
                self.display.setdefault(c.code, e.name)
        self.last_delegation: tuple[Frame, str | None] | None = None

    def country_name(self, text: str) -> str | None:
        country = country_of(text)
        return self.display.get(country.code, country.name) if country else None

    def persons_in(self, s: int, start_token: int = 0) -> list[Mention]:
        return [m for m in self.a.persons() if m.sentence == s and m.span.start >= start_token]

    def frames(self) -> list[Frame]:
        frames = []
        for s, sent in enumerate(self.a.sentences):
            triggers = [(t.i, kind) for t in sent for kind, words in (("meeting", MEETING), ("negotiation", NEGOTIATION))
                        if t.lower_ in words]
            if not triggers:
                if self.last_delegation is not None and MEMBERS.search(sent.text):
                    self.add_members(s, self.last_delegation[0])
                continue
            by_type: dict[str, Frame] = {}
            for i, kind in triggers:
                by_type.setdefault(kind, Frame(kind, s, i))
            self.attach_dates(s, sent, triggers, by_type)
            self.attach_places(s, sent, triggers, by_type)
            if "meeting" in by_type:
                self.read_meeting(s, sent, by_type["meeting"])
                meeting = by_type["meeting"]
                if "negotiation" in by_type and meeting.chair is None and not meeting.participants and not meeting.unnamed:
                    del by_type["meeting"]  # "as the delegations convene": the verb of the talks
            if "negotiation" in by_type:
                self.read_negotiation(s, sent, by_type["negotiation"])
            frames += sorted(by_type.values(), key=lambda f: f.trigger)
        return frames

    def nearest_trigger(self, triggers, token: int, before_only: bool = False, reach: int = 3):
        before = [(token - i, kind) for i, kind in triggers if i < token]
        if before:
            return min(before)[1]
        if before_only:
            return None
        after = [(i - token, kind) for i, kind in triggers if i > token and i - token <= reach]
        return min(after)[1] if after else None

    def attach_dates(self, s, sent, triggers, by_type) -> None:
        block_doc = sent.doc
        for t in self.times:
            if t.sentence != s:
                continue
            token = block_doc.char_span(t.start, t.end, alignment_mode="expand")
            if token is None:
                continue
            kind = self.nearest_trigger(triggers, token.start)
            if kind and by_type[kind].date is None:
                by_type[kind].date = t.expression.normalized

    def attach_places(self, s, sent, triggers, by_type) -> None:
        for m in self.a.mentions:
            if m.sentence != s or m.type != "place":
                continue
            doc = m.span.doc
            prev = doc[m.span.start - 1].lower_ if m.span.start > sent.start else ""
            nxt = doc[m.span.end].lower_ if m.span.end < sent.end else ""
            if prev in ("in", "at"):
                kind = self.nearest_trigger(triggers, m.span.start, before_only=True)
            elif nxt in ("talks", "summit", "meeting", "negotiations") and not country_of(m.name, capitals=False):
                # "the Istanbul talks" is where; "Ukraine talks" is what about
                kind = "negotiation" if nxt in NEGOTIATION else "meeting"
            else:
                continue
            if kind is None:
                continue
            frame = by_type[kind]
            name = self.entities[m.entity].name
            if country_of(name, capitals=False):
                frame.country = frame.country or name
            else:
                frame.place = frame.place or name

    def read_meeting(self, s, sent, frame: Frame) -> None:
        doc = sent.doc
        for t in sent:
            if t.lower_ in CHAIR_VERBS and frame.chair is None:
                before = [m for m in self.persons_in(s) if m.span.end <= t.i and t.i - m.span.end <= 3]
                if before:
                    frame.chair = before[-1].entity
            if t.lower_ in PARTICIPANT_CUES:
                clause_end = next((u.i for u in doc[t.i : sent.end] if u.text in ("”", '"', ";")), sent.end)
                for m in self.persons_in(s, t.i):
                    if m.entity != frame.chair and m.span.start < clause_end:
                        frame.participants.append((m.entity, "participant", None))
        text = sent.text
        along = re.search(r"\balong with\s+(?:the\s+)?(?P<who>[^,.;]+)", text)
        if along:
            frame.unnamed.append(along.group("who").strip())
        trigger = doc[frame.trigger]
        if frame.chair is None and trigger.lower_ in ("gathered", "met", "convened", "gather", "meet"):
            i = trigger.i - 1
            while i >= sent.start and doc[i].pos_ in ("NOUN", "PROPN", "ADJ"):
                i -= 1
            group = doc[i + 1 : trigger.i].text
            if group and not self.persons_in(s, i + 1):
                frame.unnamed.append(group)

    def read_negotiation(self, s, sent, frame: Frame) -> None:
        doc, text = sent.doc, sent.text
        countries = [c for c in self.a.countries if c[0] == s]
        for (_, span_a, ca), (_, span_b, cb) in zip(countries, countries[1:]):
            if span_b.start - span_a.end == 1 and doc[span_a.end].lower_ == "and" and ca.code != cb.code:
                for c in (ca, cb):
                    name = self.display.get(c.code, c.name)
                    if name not in frame.parties:
                        frame.parties.append(name)
        if (m := MEDIATOR.search(text)) and (name := self.country_name(m.group("a") or m.group("b"))):
            frame.mediator = name
        if (m := HOST.search(text)) and (name := self.country_name(m.group("a") or m.group("b"))):
            frame.host = name
        for t in sent:
            if t.lower_ == "delegation":
                side = None
                if t.i > sent.start and (c := country_of(doc[t.i - 1].text)):
                    side = self.display.get(c.code, c.name)
                self.last_delegation = (frame, side)
                after = LED_BY.search(text[t.idx - sent.start_char:])
                if after:
                    start = t.idx + after.end()
                    heads = [m for m in self.persons_in(s) if m.span.start_char >= start]
                    if heads:
                        frame.participants.append((heads[0].entity, "delegation head", side))
        if MEMBERS.search(text) and self.last_delegation is not None:
            self.add_members(s, frame)

    def add_members(self, s: int, frame: Frame) -> None:
        """The people a sentence names as members of the last delegation mentioned."""
        side = self.last_delegation[1]
        for m in self.persons_in(s):
            if all(m.entity != p[0] for p in frame.participants):
                frame.participants.append((m.entity, "delegation member", side))


def merge(frames: list[Frame], analysis: Analysis, anchor: date | None) -> list[tuple[Frame, list[int]]]:
    """Frames into events: (the event's frame, the sentences it was read from)."""
    events: list[tuple[Frame, list[int]]] = []
    for f in frames:
        same_type = [e for e in events if e[0].type == f.type]
        target = None
        text = analysis.sentences[f.sentence].text
        dated = parse_anchor(f.date)
        earlier = dated is not None and anchor is not None and anchor - dated > EARLIER_EVENT
        if f.type == "meeting":
            if f.chair is not None:
                target = next((e for e in same_type if e[0].chair == f.chair), None)
            if target is None and ANAPHOR.match(text) and same_type:
                target = same_type[-1]
        elif earlier:
            target = next((e for e in same_type if e[0].date == f.date), None)
        elif same_type:
            target = same_type[-1] if PAST_REFERENCE.search(text) else same_type[0]
        if target is None:
            events.append((f, [f.sentence]))
            continue
        main, sentences = target
        main.date = main.date or f.date
        main.place = main.place or f.place
        main.country = main.country or f.country
        main.chair = main.chair if main.chair is not None else f.chair
        main.mediator = main.mediator or f.mediator
        main.host = main.host or f.host
        main.participants += [p for p in f.participants if p not in main.participants]
        main.parties += [p for p in f.parties if p not in main.parties]
        main.unnamed += [u for u in f.unnamed if u not in main.unnamed]
        if f.sentence not in sentences:
            sentences.append(f.sentence)
    return events


def to_event(frame: Frame, sentences: list[int], analysis: Analysis, entities: list[Entity]) -> Event:
    participants: list[Participant] = []

    def add(name: str, part: str, side: str | None) -> None:
        if not any(p.name == name and p.part == part for p in participants):
            participants.append(Participant(name=name, part=part, side=side))

    if frame.chair is not None:
        add(entities[frame.chair].name, "chair", entities[frame.chair].affiliation)
    for entity, part, side in frame.participants:
        add(entities[entity].name, part, side or entities[entity].affiliation)
    if frame.mediator:
        add(frame.mediator, "mediator", None)
    if frame.host:
        add(frame.host, "host", None)
    where = frame.place or frame.country
    if frame.type == "meeting":
        if frame.chair is not None:
            label = f"meeting chaired by {entities[frame.chair].name}"
        elif frame.unnamed:
            label = f"meeting of {frame.unnamed[0]}"
        else:
            label = "meeting"
    else:
        label = ("–".join(frame.parties) + " talks") if frame.parties else "talks"
    if where:
        label += f" in {where}"
    return Event(
        type=frame.type, label=label, date=frame.date, place=frame.place, country=frame.country,
        participants=participants, parties=frame.parties, unnamed_participants=frame.unnamed,
        evidence=[analysis.sentences[s].text for s in sentences[:EVIDENCE]],
    )


def appointments(analysis: Analysis, entities: list[Entity]) -> list[Event]:
    events = []
    for m in analysis.persons():
        role = m.role
        title = None
        if role is not None and role.qualifier in APPOINTING_QUALIFIERS:
            title = role.title
        elif (found := APPOINTED.search(analysis.sentences[m.sentence].text[m.span.end_char - m.span.sent.start_char:])):
            title = found.group("title")
        if title is None:
            continue
        person = entities[m.entity]
        if any(e.participants[0].name == person.name for e in events):
            continue
        events.append(Event(
            type="appointment", label=f"{person.name} appointed {title}", role=title,
            participants=[Participant(name=person.name, part="appointee", side=person.affiliation)],
            evidence=[analysis.sentences[m.sentence].text],
        ))
    return events


def statements(quotes: list[FoundQuote], entities: list[Entity]) -> list[Event]:
    events = []
    for q in quotes:
        if q.speaker is None:
            continue
        speaker = entities[q.speaker]
        words = q.quote.text.split()
        label = f"{speaker.name}: “{' '.join(words[:8])}{'…' if len(words) > 8 else ''}”"
        events.append(Event(
            type="statement", label=label, date=q.quote.said_on, place=q.quote.place,
            participants=[Participant(name=speaker.name, part="speaker", side=speaker.affiliation)],
            evidence=[q.quote.text],
        ))
    return events


def find_events(analysis: Analysis, entities: list[Entity], quotes: list[FoundQuote],
                times: list[FoundTime]) -> list[Event]:
    reader = Reader(analysis, entities, quotes, times)
    merged = merge(reader.frames(), analysis, reader.anchor)
    events = [to_event(frame, sentences, analysis, entities) for frame, sentences in merged]
    return events + appointments(analysis, entities) + statements(quotes, entities)
