"""The English articles of ../shared/bench/fundus-dev annotated by hand in
tests/data/understanding-gold-fundus-en.json: each page's expected date and body paragraphs
from the Fundus project's gold.json (MIT licence), the text that annotation was read from.

Standard library only. The shared folder is $NEWSDESK_SHARED, or ../shared beside the project.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path

SHARED = Path(os.environ.get("NEWSDESK_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
GOLD = SHARED / "bench" / "fundus-dev" / "gold.json"

#: The pages annotated, by gold.json key without ".html" (25 English news pages, read in full).
PAGES = [
    "au__WestAustralian_2024_11_26",
    "be__PoliticoEu_2025_10_23",
    "ca__GlobalNews_2026_05_24",
    "ca__OttawaCitizen_2026_05_26",
    "ls__LesothoTimes_2025_11_24",
    "mx__MexicoNewsDaily_2025_04_16",
    "na__TheNamibian_2023_11_16",
    "na__TheNamibian_2024_02_20",
    "tw__TaipeiTimes_2024_10_15",
    "uk__DailyStar_2026_04_20",
    "uk__EveningStandard_2024_05_02",
    "uk__Metro_2024_07_17",
    "uk__Metro_2024_11_29",
    "uk__TheIndependent_2024_11_22",
    "uk__iNews_2023_08_30",
    "uk__iNews_2025_01_28",
    "us__FoxNews_2023_04_28",
    "us__TheGatewayPundit_2023_04_28",
    "us__TheGatewayPundit_2026_07_19",
    "us__TheNation_2024_01_11",
    "us__VoiceOfAmerica_2024_04_28",
    "us__WashingtonTimes_2023_04_28",
    "za__DailyMaverick_2025_05_22",
    "za__TimesLive_2025_05_22",
    "za__TimesLive_2025_11_10",
]


#: The English pages left (gold.json keys without ".html", in key order), from which
#: tests/data/understanding-gold-heldout6-en.json was picked and annotated blind.
MORE_PAGES = [
    "ca__CanadaCom_2026_06_06", "ca__TheProvince_2026_06_06", "lb__LBCGroup_2026_01_08",
    "ls__LesothoTimes_2025_05_23", "pt__ThePortugalNews_2025_02_03", "uk__BBC_2024_08_01", "uk__BBC_2026_04_25",
    "uk__DailyStar_2024_04_23", "uk__EveningStandard_2024_10_24", "uk__TechRadar_2026_05_21", "uk__TheSun_2024_04_22",
    "us__BusinessInsider_2024_02_14", "us__BusinessInsider_2025_04_01", "us__LATimes_2023_06_26",
    "us__RestOfWorld_2025_10_21", "us__RollingStone_2024_04_25", "us__RollingStone_2024_08_27",
    "us__TheNation_2023_05_15", "us__WorldTruth_2023_04_28", "za__DailyMaverick_2026_01_06", "za__DurbanLocal_2025_11_09",
]


_CANONICAL = re.compile(r"""<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)|<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)""")


def page_url(page: str) -> str | None:
    """The address the page gives itself (its canonical link, else Open Graph's), for the publisher's domain."""
    html = gzip.decompress((GOLD.parent / "html" / f"{page}.html.gz").read_bytes()).decode("utf-8", errors="replace")
    found = _CANONICAL.search(html)
    return (found.group(1) or found.group(2)) if found else None


def english_articles(pages: list[str] = PAGES) -> list[dict]:
    """[{"id", "published", "paragraphs", "url"}] for each page in `pages` (PAGES unless told), in that order."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    found = [(page, gold[page + ".html"]) for page in pages]
    return [{"id": page, "published": g["date"], "paragraphs": list(g["paragraphs"]), "url": page_url(page)}
            for page, g in found]
