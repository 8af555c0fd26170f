"""XML from the web, parsed with entity declarations and external entities refused."""

from __future__ import annotations

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import BadInput, NotANewsPage


def parse_xml(data: bytes, origin: str):
    """An ElementTree element; a document declaring entities (billion laughs, XXE) is refused."""
    try:
        return fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BadInput(origin, f"XML declaring entities is refused ({type(exc).__name__})") from exc
    except Exception as exc:  # ParseError and friends: not well-formed
        raise NotANewsPage(origin, f"not well-formed XML: {exc}") from exc


def local_name(tag: str) -> str:
    """A tag without its namespace: "{http://www.sitemaps.org/...}url" -> "url"."""
    return tag.rsplit("}", 1)[-1].lower()
