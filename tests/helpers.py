"""Paths the tests share (a module of its own: several folders have a conftest)."""

from pathlib import Path

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
#: HTML pages written for newsdesk (no third-party text), shipped as demo samples and used by the tests.
WIRE_PAGE = ROOT / "samples" / "example-harbour-strike.html"
CAFE_PAGE = ROOT / "samples" / "example-cafe-owners.html"
