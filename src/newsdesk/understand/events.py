"""Events: meetings, negotiations, appointments and statements, with who, where and when.

Each sentence with a trigger word gives a frame: its chair, participants, place, date, parties,
mediator, host and delegations, read from the words around the trigger. Frames then merge into
events: a meeting with the same chair, or one the sentence refers back to ("The gathering
included ..."), is the same meeting; talks are the article's main talks unless dated well before
the article or referred to as past ("at the time", "previously").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ..lang import Language
from ..lang.countries import country_of
from ..model import Entity, Event, EventType, Participant
from .analysis import Analysis, Mention
from .quotes import FoundQuote
from .time import FoundTime
from .timex import parse_anchor


class EventWords:
    """One language's event words and patterns (`[events]` of its data file), compiled once.
    A pattern a language leaves out is a frame that language's rules do not read."""

    def __init__(self, lang: Language):
        e = lang.events
        self.meeting = e.words("meeting")
        self.negotiation = e.words("negotiation")
        self.delegation = e.words("delegation")
        self.chair_verbs = e.words("chair_verbs")
        self.group_verbs = e.words("group_verbs")
        self.participant_cues = e.words("participant_cues")
        self.place_before = e.words("place_before")
        self.place_heads = e.words("place_heads")
        self.appointing_qualifiers = frozenset(e.list("appointing_qualifiers"))
        self.appointed = e.regex("appointed", 0)
        self.past_reference = e.regex("past_reference")
        self.anaphor = e.regex("anaphor")
        self.mediator = e.regex("mediator", 0)
        self.host = e.regex("host", 0)
        self.members = e.regex("members")
        self.led_by = e.regex("led_by")
        self.along_with = e.regex("along_with", 0)
        self.and_words = lang.roles.words("and_word")


_WORDS: dict[str, EventWords] = {}


def event_words(lang: Language) -> EventWords:
    if lang.code not in _WORDS:
        _WORDS[lang.code] = EventWords(lang)
    return _WORDS[lang.code]


#: Dates this much older than the article belong to an earlier event.
EARLIER_EVENT = timedelta(days=30)
EVIDENCE = 3


@dataclass
class Frame:
    type: EventType
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
        self.words = event_words(analysis.lang)
        self.code = analysis.lang.code
        self.times = [t for t in times if t.quote is None and t.expression.kind == "date"]
        self.anchor = parse_anchor(analysis.article.published)
        self.display: dict[str, str] = {}  # country code -> the article's name for it
        for e in entities:
            if e.type == "place" and (c := country_of(e.name, capitals=False, lang=self.code)):
                self.display.setdefault(c.code, e.name)
        self.last_delegation: tuple[Frame, str | None] | None = None

    def country_name(self, text: str) -> str | None:
        country = country_of(text, lang=self.code)
        return self.display.get(country.code, country.name) if country else None

    def persons_in(self, s: int, start_token: int = 0) -> list[Mention]:
        return [m for m in self.a.persons() if m.sentence == s and m.span.start >= start_token]

    def frames(self) -> list[Frame]:
        frames = []
        w = self.words
        kinds: list[tuple[EventType, frozenset[str]]] = [("meeting", w.meeting), ("negotiation", w.negotiation)]
        for s, sent in enumerate(self.a.sentences):
            triggers = [(t.i, kind) for t in sent for kind, words in kinds if t.lower_ in words]
            if not triggers:
                if self.last_delegation is not None and w.members and w.members.search(sent.text):
                    self.add_members(s, *self.last_delegation)
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
            if prev in self.words.place_before:
                kind = self.nearest_trigger(triggers, m.span.start, before_only=True)
            elif nxt in self.words.place_heads and not country_of(m.name, capitals=False, lang=self.code):
                # "the Istanbul talks" is where; "Ukraine talks" is what about
                kind = "negotiation" if nxt in self.words.negotiation else "meeting"
            else:
                continue
            if kind is None:
                continue
            frame = by_type[kind]
            name = self.entities[m.entity_index].name
            if country_of(name, capitals=False, lang=self.code):
                frame.country = frame.country or name
            else:
                frame.place = frame.place or name

    def read_meeting(self, s, sent, frame: Frame) -> None:
        doc = sent.doc
        w = self.words
        for t in sent:
            if t.lower_ in w.chair_verbs and frame.chair is None:
                before = [m for m in self.persons_in(s) if m.span.end <= t.i and t.i - m.span.end <= 3]
                if before:
                    frame.chair = before[-1].entity_index
            if t.lower_ in w.participant_cues:
                clause_end = next((u.i for u in doc[t.i : sent.end] if u.text in ("”", '"', ";")), sent.end)
                for m in self.persons_in(s, t.i):
                    if m.entity_index != frame.chair and m.span.start < clause_end:
                        frame.participants.append((m.entity_index, "participant", None))
        text = sent.text
        along = w.along_with.search(text) if w.along_with else None
        if along:
            frame.unnamed.append(along.group("who").strip())
        trigger = doc[frame.trigger]
        if frame.chair is None and trigger.lower_ in w.group_verbs:
            i = trigger.i - 1
            while i >= sent.start and doc[i].pos_ in ("NOUN", "PROPN", "ADJ"):
                i -= 1
            group = doc[i + 1 : trigger.i].text
            if group and not self.persons_in(s, i + 1):
                frame.unnamed.append(group)
            self.add_who_met(s, trigger.i, frame)

    def add_who_met(self, s: int, trigger: int, frame: Frame) -> None:
        """A named subject of a group verb and the people it met: "Anna Berg met Claire Dubois"."""
        subject = [m for m in self.persons_in(s) if m.span.end <= trigger and trigger - m.span.end <= 2]
        if not subject:
            return
        met = [m for m in self.persons_in(s, trigger + 1) if m.span.start - trigger <= 3]
        for m in subject[-1:] + met[:1]:
            if all(m.entity_index != p[0] for p in frame.participants):
                frame.participants.append((m.entity_index, "participant", None))

    def read_negotiation(self, s, sent, frame: Frame) -> None:
        doc, text = sent.doc, sent.text
        w = self.words
        countries = [c for c in self.a.countries if c[0] == s]
        for (_, span_a, ca), (_, span_b, cb) in zip(countries, countries[1:]):
            if span_b.start - span_a.end == 1 and doc[span_a.end].lower_ in w.and_words and ca.code != cb.code:
                for c in (ca, cb):
                    name = self.display.get(c.code, c.name)
                    if name not in frame.parties:
                        frame.parties.append(name)
        if w.mediator and (m := w.mediator.search(text)):
            frame.mediator = self.country_name(m.group("a") or m.group("b")) or frame.mediator
        if w.host and (m := w.host.search(text)):
            frame.host = self.country_name(m.group("a") or m.group("b")) or frame.host
        for t in sent:
            if t.lower_ in w.delegation:
                side = None
                if t.i > sent.start and (country := country_of(doc[t.i - 1].text, lang=self.code)):
                    side = self.display.get(country.code, country.name)
                elif t.i + 1 < sent.end and (country := country_of(doc[t.i + 1].text, lang=self.code)):
                    side = self.display.get(country.code, country.name)  # "la délégation russe"
                self.last_delegation = (frame, side)
                after = w.led_by.search(text[t.idx - sent.start_char:]) if w.led_by else None
                if after:
                    start = t.idx + after.end()
                    heads = [m for m in self.persons_in(s) if m.span.start_char >= start]
                    if heads:
                        frame.participants.append((heads[0].entity_index, "delegation head", side))
        if w.members and w.members.search(text) and self.last_delegation is not None:
            self.add_members(s, frame, self.last_delegation[1])

    def add_members(self, s: int, frame: Frame, side: str | None) -> None:
        """The people a sentence names as members of the last delegation mentioned (of `side`)."""
        for m in self.persons_in(s):
            if all(m.entity_index != p[0] for p in frame.participants):
                frame.participants.append((m.entity_index, "delegation member", side))


def merge(frames: list[Frame], analysis: Analysis, anchor: date | None) -> list[tuple[Frame, list[int]]]:
    """Frames into events: (the event's frame, the sentences it was read from)."""
    w = event_words(analysis.lang)
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
            if target is None and w.anaphor and w.anaphor.match(text) and same_type:
                target = same_type[-1]
        elif earlier:
            target = next((e for e in same_type if e[0].date == f.date), None)
        elif same_type:
            target = same_type[-1] if w.past_reference and w.past_reference.search(text) else same_type[0]
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


def appointments(analysis: Analysis, entities: list[Entity], times: list[FoundTime]) -> list[Event]:
    """People appointed, by a qualifier ("newly appointed") or a phrase ("was named ..."), dated by
    the first date of the sentence outside quotes ("on Monday")."""
    w = event_words(analysis.lang)
    events: list[Event] = []
    for m in analysis.persons():
        role = m.role
        title = None
        if role is not None and role.qualifier in w.appointing_qualifiers:
            title = role.title
        elif w.appointed and (found := w.appointed.search(
                analysis.sentences[m.sentence].text[m.span.end_char - analysis.sentences[m.sentence].start_char:])):
            title = found.group("title")
        if title is None:
            continue
        person = entities[m.entity_index]
        if any(e.participants[0].name == person.name for e in events):
            continue
        date = next((t.expression.normalized for t in times if t.sentence == m.sentence and t.quote is None
                     and t.expression.kind == "date"), None)
        events.append(Event(
            type="appointment", label=f"{person.name} appointed {title}", role=title, date=date,
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
    return events + appointments(analysis, entities, times) + statements(quotes, entities)
