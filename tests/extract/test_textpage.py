"""Scraped page text to Article: the seed against its gold, and variations that a general reader must handle."""

from pathlib import Path

import pytest

from newsdesk.errors import EmptyDocument, NotANewsPage
from newsdesk.extract import extract
from newsdesk.model import RawDocument


def read(text: str | bytes, origin: str = "page.txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return extract(RawDocument(origin=origin, data=data))


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def without(text: str, *unwanted: str) -> str:
    return "\n".join(line for line in lines_of(text) if line.strip() not in unwanted)


def test_seed_equals_gold_field_by_field(seed_text, gold):
    want = gold["article"]
    a = read(seed_text)
    assert a.published == want["published"]
    assert a.category == want["category"]
    assert a.reading_time_minutes == want["reading_time_minutes"]
    assert a.headline == want["headline"]
    assert a.standfirst == want["standfirst"]
    assert a.image.caption == want["image_caption"]
    assert a.image.credit == want["image_credit"]
    assert a.source == want["source"]
    assert [b.text for b in a.body if b.type == "heading"] == want["subheadings"]
    assert len(a.paragraphs) == want["body_paragraphs"]
    assert a.paragraphs[0] == want["body_first_sentence"]
    assert a.paragraphs[-1] == want["body_last_sentence"]
    assert [r.title for r in a.related] == want["related"]
    assert a.dateline == "May 15, 2025"
    body = a.body_text
    for chrome in want["must_not_appear_in_body"]:
        assert chrome not in body


def test_headline_printed_twice_is_kept_once(seed_text, gold):
    a = read(seed_text)
    assert a.headline not in a.body_text
    assert a.standfirst not in a.body_text


def test_every_body_line_of_the_seed_is_kept_in_order(seed_text):
    a = read(seed_text)
    body_lines = lines_of(seed_text)[8 : lines_of(seed_text).index("SOURCE:TRT World and Agencies")]
    assert [b.text for b in a.body] == [line for line in body_lines if line.strip()]


def test_crlf_line_ends(seed_text, gold):
    a = read(seed_text.replace("\n", "\r\n"))
    assert a.headline == gold["article"]["headline"]
    assert len(a.paragraphs) == 15
    assert not any("\r" in b.text for b in a.body)


def test_byte_order_mark(seed_text, gold):
    a = read(b"\xef\xbb\xbf" + seed_text.encode("utf-8"))
    assert a.category == "POLITICS"
    assert a.published == "2025-05-15"


def test_windows_1252_bytes_are_read():
    page = "date 2024-01-02 WORLD\nCaf\xe9 owners protest new rules\nThe owners of the caf\xe9s said they would close for a day in protest against the rules.\n"
    a = read(page.encode("cp1252"))
    assert a.headline == "Café owners protest new rules"


def test_no_caption(seed_text):
    text = "\n".join(line for line in lines_of(seed_text) if "(Photo: AA)" not in line)
    a = read(text)
    assert a.image is None
    assert a.standfirst.startswith("Kremlin confirms")
    assert len(a.paragraphs) == 15


def test_no_rail(seed_text):
    text = seed_text.split("Explore")[0]
    a = read(text)
    assert a.related == []
    assert a.source == "TRT World and Agencies"
    assert a.paragraphs[-1].startswith("As the delegations convene")


def test_no_source_line_and_no_rail(seed_text):
    text = seed_text.split("SOURCE:")[0]
    a = read(text)
    assert a.source is None
    assert len(a.paragraphs) == 15


def test_another_category_and_date(seed_text):
    a = read(seed_text.replace("date 2025-05-15 POLITICS", "date 2024-11-03 SPORT"))
    assert (a.published, a.category) == ("2024-11-03", "SPORT")


@pytest.mark.parametrize(
    "line, published, category",
    [
        ("Published: 3 March 2024 | Business", "2024-03-03", "Business"),
        ("WORLD · March 3, 2024", "2024-03-03", "WORLD"),
        ("date 2024-03-03T08:15:00Z TECH", "2024-03-03T08:15:00+00:00", "TECH"),
    ],
)
def test_metadata_line_forms(seed_text, line, published, category):
    a = read(seed_text.replace("date 2025-05-15 POLITICS", line))
    assert (a.published, a.category) == (published, category)
    assert a.headline.startswith("Putin gathers")


def test_extra_chrome_lines(seed_text, gold):
    text = "Skip to content\nMenu\nSearch\n" + seed_text.replace("3 min read\n", "3 min read\nShare\n")
    text = text.replace("The meeting reflected", "Advertisement\nThe meeting reflected")
    text += "\nPrivacy policy\n© 2025 All rights reserved"
    a = read(text)
    assert a.headline == gold["article"]["headline"]
    assert a.category == "POLITICS"
    assert len(a.paragraphs) == 15
    assert "Advertisement" not in a.body_text
    assert [r.title for r in a.related] == gold["article"]["related"]


def test_longer_body_with_three_subheadings(seed_text):
    extra = (
        "\nWhat comes next\n\nDiplomats expect a second round of talks within weeks if the first goes well.\n"
        "\nA further paragraph of the new section explains the schedule of the talks in some detail.\n"
    )
    text = seed_text.replace("\nSOURCE:", extra + "\nSOURCE:")
    a = read(text)
    assert [b.text for b in a.body if b.type == "heading"] == [
        "Composition of Russian delegation revealed",
        "Türkiye’s role reaffirmed as diplomatic hub",
        "What comes next",
    ]
    assert len(a.paragraphs) == 17


def test_paragraphs_without_final_full_stop(seed_text):
    text = seed_text.replace("century.", "century").replace("legal experts.", "legal experts")
    a = read(text)
    assert len(a.paragraphs) == 15
    assert a.paragraphs[-1].endswith("21st century")
    assert len([b for b in a.body if b.type == "heading"]) == 2


def test_page_without_metadata_line(seed_text):
    a = read(without(seed_text, "date 2025-05-15 POLITICS"))
    assert a.category is None
    assert a.published == "2025-05-15"  # from the dateline
    assert a.headline.startswith("Putin gathers")
    assert a.reading_time_minutes == 3


def test_page_without_reading_time_gets_an_estimate(seed_text):
    a = read(without(seed_text, "3 min read"))
    words = sum(len(b.text.split()) for b in a.body)
    assert a.reading_time_minutes == -(-words // 230)


HAND_MADE_PAGE = """\
Home
World
Published: 3 March 2024 | Business
Harbour strike halts exports for a third day
By Jane Smith and Tom Brown
Dockworkers at the port walked out on Monday over pay. Photo: Port Authority
Dockworkers walked out on Monday after talks over pay broke down, their union said.

Shipping companies said dozens of vessels were waiting outside the harbour.
Why the talks failed
The union wants a rise in line with inflation; the employers have offered less than half of that.
Neither side has scheduled new talks
Economic impact
Economists estimate the strike costs the economy millions each day.
Exporters of grain and timber are worst affected
Related stories
Port automation plan sparks union anger
Grain prices rise as ships wait at sea
Contact us
"""


def test_a_page_in_another_layout():
    a = read(HAND_MADE_PAGE)
    assert a.headline == "Harbour strike halts exports for a third day"
    assert (a.published, a.category) == ("2024-03-03", "Business")
    assert a.byline == "Jane Smith and Tom Brown"
    assert a.image.credit == "Port Authority"
    assert a.image.caption == "Dockworkers at the port walked out on Monday over pay."
    assert a.standfirst is None
    assert [b.text for b in a.body if b.type == "heading"] == ["Why the talks failed", "Economic impact"]
    assert a.paragraphs[0].startswith("Dockworkers walked out")
    assert a.paragraphs[-1] == "Exporters of grain and timber are worst affected"
    assert [r.title for r in a.related] == [
        "Port automation plan sparks union anger",
        "Grain prices rise as ships wait at sea",
    ]
    assert "Contact us" not in a.body_text and "Home" not in a.body_text


@pytest.mark.parametrize("data", [b"", b"   \n\n  \r\n"])
def test_empty_document(data):
    with pytest.raises(EmptyDocument, match="page.txt: empty document"):
        read(data)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        (b"just one line of text", "no article body"),
        (b"Menu\nSearch\nShare\n", "no article body: no run of sentences"),
        (b"The harbour strike entered its third day on Monday, and exporters began to look for other ports.", "no headline"),
    ],
)
def test_not_a_news_page(data, reason):
    with pytest.raises(NotANewsPage, match=reason):
        read(data)


# -- page text from other sites: a browser's select-all of pages laid out unlike the seed -----------

TEXT_PAGES = Path(__file__).parents[1] / "data" / "textpages"


def test_an_english_page_copied_with_its_chrome():
    a = read((TEXT_PAGES / "en_copied.txt").read_bytes(), origin="en_copied.txt")
    assert a.headline == "Harbour strike halts exports for a third day"
    assert a.standfirst.startswith("Talks between the dockworkers' union")
    assert a.published == "2024-03-03T08:15:00-05:00"
    assert (a.image.caption, a.image.credit) == ("Ships wait outside the harbour on Monday.", "Port Authority")
    assert a.paragraphs[0].startswith("Dockworkers at the city's container port")
    assert a.paragraphs[-1].startswith("A spokesperson for the employers")
    assert [b.text for b in a.body if b.type == "heading"] == ["Exporters feel the pinch"]
    for chrome in ("Skip to Main Content", "Social Sharing", "Advertisement", "newsletter", "Sign up now",
                   "terms of use", "RELATED:", "Corrections", "Facebook", "All rights reserved"):
        assert chrome not in a.body_text
    assert [r.title for r in a.related] == ["Port automation plan sparks union anger",
                                            "Grain prices rise as ships wait at sea"]


def test_a_german_page_copied_with_its_chrome():
    a = read((TEXT_PAGES / "de_copied.txt").read_bytes(), origin="de_copied.txt")
    assert a.headline == "Hafenstreik legt Exporte den dritten Tag lahm"
    assert a.standfirst.startswith("Die Gespräche zwischen Gewerkschaft")
    assert (a.byline, a.authors, a.published) == ("Anna Berg", ["Anna Berg"], "2024-03-03")
    assert a.paragraphs[0].startswith("Die Hafenarbeiter im Containerhafen")
    assert a.paragraphs[-1].startswith("Besonders betroffen sind")
    assert [b.text for b in a.body if b.type == "heading"] == ["Exporteure unter Druck"]
    for chrome in ("Zum Inhalt springen", "Artikel teilen", "Lesen Sie auch", "Anzeige", "Impressum", "Datenschutz"):
        assert chrome not in a.body_text
    assert a.language == "de"


def test_the_title_line_gives_way_to_the_headline_it_repeats():
    text = "Harbour strike halts exports | Coast News\nMenu\n" + HAND_MADE_PAGE.replace(
        "Harbour strike halts exports for a third day", "Harbour strike halts exports")
    assert read(text).headline == "Harbour strike halts exports"


def test_a_site_name_from_the_url_is_cut_from_the_headline():
    text = HAND_MADE_PAGE.replace("Harbour strike halts exports for a third day",
                                  "Harbour strike halts exports for a third day - Coast News")
    a = extract(RawDocument(origin="page.txt", url="https://www.coastnews.com/2024/strike", data=text.encode()))
    assert a.headline == "Harbour strike halts exports for a third day"


def test_the_body_is_the_run_of_sentences_not_the_menus_around_it():
    menu = "\n".join(f"Section {i}" for i in range(60))
    a = read(menu + "\n" + HAND_MADE_PAGE + menu)
    assert a.headline == "Harbour strike halts exports for a third day"
    assert "Section" not in a.body_text


def test_a_kicker_over_the_headline_and_a_caption_over_its_credit_are_not_the_headline():
    text = HAND_MADE_PAGE.replace(
        "Harbour strike halts exports for a third day\n",
        "Port dispute\nHarbour strike halts exports for a third day\n"
        "Dockworkers stand at the gates of the container terminal on Monday morning\nFoto: Port Authority\n")
    a = read(text)
    assert a.headline == "Harbour strike halts exports for a third day"
    assert "Foto: Port Authority" not in a.body_text


@pytest.mark.parametrize("line, written", [
    ("Posted: Mar 03, 2024 8:15 AM EST | Last Updated: March 3, 2024", "Mar 03, 2024 8:15 AM EST"),
    ("03.03.2024, 08:15 Uhr", "2024-03-03"),
    ("29.04.2024Chemnitz", "2024-04-29"),  # glued to a teaser's place name
    ("2025年1月14日 01時28分", "2025-01-14"),
    ("The talks resumed on 3 March 2024 after a week in which neither side moved at all.", None),  # a sentence
    ("31.13.2024", None),
])
def test_dates_in_short_lines(line, written):
    from newsdesk.extract.patterns import date_in
    assert date_in(line) == written
