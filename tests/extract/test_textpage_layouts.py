"""Page text in layouts other than the seed's: what converters and sites do to a page's lines, and
the general rules that read through it (headline among captions, teaser lists and breadcrumbs;
the body across boxes inside it; dates in other languages)."""

import pytest

from newsdesk.extract import extract
from newsdesk.extract.patterns import date_in
from newsdesk.model import RawDocument

PARAGRAPHS = [
    "The council voted on Tuesday to close the old harbour bridge to lorries from next spring, after engineers found cracks in two of its piers.",
    "Residents on both banks had asked for the closure for years, saying the bridge shook whenever a heavy vehicle crossed it at speed.",
    "The bridge will stay open to cars, bicycles and buses while the council looks for money to repair it properly over the next decade.",
    "Hauliers said the detour would add half an hour to every delivery to the port and asked the council to reconsider its decision soon.",
]


def read(text: str):
    return extract(RawDocument(origin="page.txt", data=text.encode("utf-8")))


def page(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_a_date_glued_to_its_label_in_german_dates_the_page():
    a = read(page("Startseite", "Politik", "Brücke für Lastwagen gesperrt", "Publiziert17. Dezember 2024, 12:17",
                  *PARAGRAPHS))
    assert a.headline == "Brücke für Lastwagen gesperrt"
    assert a.published == "2024-12-17"


@pytest.mark.parametrize("line, iso", [
    ("17. Dezember 2024", "2024-12-17"),
    ("Publié le 15 mai 2025 à 10h", "2025-05-15"),
    ("3 de marzo de 2024", "2024-03-03"),
    ("14 мая 2025, 10:00", "2025-05-14"),
    ("1 kwietnia 2025", "2025-04-01"),
    ("Marco Rossi 4 Febbraio 2025", "2025-02-04"),
])
def test_dates_with_a_month_name_in_other_languages(line, iso):
    assert date_in(line) == iso


def test_a_word_that_is_no_month_makes_no_date():
    assert date_in("Chapter 12 of 2024 reports") is None


def test_a_caption_printed_twice_is_not_the_headline():
    a = read(page("Home", "Photo: Jane Roe", "The harbour bridge at dusk seen from the east bank",
                  "Photo: Jane Roe", "The harbour bridge at dusk seen from the east bank", "Share",
                  "Council shuts harbour bridge to lorries", *PARAGRAPHS))
    assert a.headline == "Council shuts harbour bridge to lorries"


def test_a_list_of_other_stories_titles_above_the_article_is_not_its_headline():
    teasers = ["Mayor opens new library in the old market hall", "Ferry timetable changes for the winter season",
               "School meals to cost more from January onwards", "Local team wins the regional cup after extra time"]
    a = read(page("News", *teasers, "Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS))
    assert a.headline == "Council shuts harbour bridge to lorries"


def test_a_breadcrumb_glued_to_the_headline_counts_as_its_second_printing():
    a = read(page("NewsLocalCouncil shuts harbour bridge to lorries over cracks", "Engineers warn of cracks",
                  "Council shuts harbour bridge to lorries over cracks", "Anna Berg", *PARAGRAPHS))
    assert a.headline == "Council shuts harbour bridge to lorries over cracks"


def test_the_headline_is_spelt_as_the_breadcrumb_prints_it():
    # an HTML-to-text library spaces a kicker from its title anew; the breadcrumb's item is one text
    a = read(page("• Home", "• Local", "• Bridge: Council shuts it to lorries", "Bridge : Council shuts it to lorries",
                  "By Jane Roe", *PARAGRAPHS))
    assert a.headline == "Bridge: Council shuts it to lorries"


def test_a_credit_in_brackets_is_not_the_headline():
    a = read(page("Council shuts harbour bridge to lorries",
                  "(Photos by the city archive; illustration by the design desk of the paper)", "By Jane Roe",
                  *PARAGRAPHS))
    assert a.headline == "Council shuts harbour bridge to lorries"


def test_the_body_runs_across_a_box_of_other_stories_and_labels_inside_it():
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", "Article content", PARAGRAPHS[0],
                  "Article content", "Article content", "Read more", "Mayor opens new library in the old market hall",
                  "Advertisement", "Article content", PARAGRAPHS[1], "Article content", PARAGRAPHS[2],
                  "Article content", PARAGRAPHS[3], "Article content"))
    assert a.paragraphs == PARAGRAPHS


def test_a_caption_that_ends_with_a_date_does_not_cut_the_body():
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", PARAGRAPHS[0],
                  "Lorries queue on the harbour bridge before the closure, 24 April 2023", *PARAGRAPHS[1:]))
    assert a.paragraphs[0] == PARAGRAPHS[0] and a.paragraphs[-1] == PARAGRAPHS[-1]


def test_teaser_blurbs_cut_short_and_tag_clouds_are_no_body():
    blurbs = [f"Story {n}: the council met again on Tuesday to talk about the bridge and what it will cost the town..."
              for n in range(1, 8)]
    tags = " ".join(["bridge harbour council lorries port traffic repair engineers river town"] * 4)
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS[:2], "Related", *blurbs,
                  tags))
    assert a.paragraphs == PARAGRAPHS[:2]


def test_readers_comments_under_the_story_are_not_its_body():
    comment = ("I think the council should have closed the bridge to lorries years ago, and to cars as well, "
               "because everyone in town knew the piers were cracking long before the engineers said so, and "
               "nobody listened to the residents who wrote letter after letter about the shaking.")
    story = PARAGRAPHS * 2  # a story of 100 words or more: a "Comments" line after less ends nothing
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story, "[ 3 comments ]",
                  "Top Rated Comments", "riverbank_resident", "2 days ago at 07:52 am", comment, comment,
                  "Rating: 12 Votes", "harbour_watcher", "vor 3 Stunden", comment, comment, comment))
    assert a.paragraphs == story


def test_a_comments_button_over_the_story_ends_nothing():
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", "Comments", *PARAGRAPHS))
    assert a.paragraphs == PARAGRAPHS


@pytest.mark.parametrize("line, iso", [
    ("le 22/11/2024 à 09:24", "2024-11-22"),
    ("公開日：2025/01/31 11:30", "2025-01-31"),
    ("Posted 11/22/2024", "2024-11-22"),
    ("03/04/2024", None),  # the 3rd of April or the 4th of March: not guessed
    ("https://example.com/2011/09/07/a-story", None),
])
def test_slashed_dates(line, iso):
    assert date_in(line) == iso


def test_a_long_story_does_not_run_on_across_the_dates_of_comments_under_it():
    story = PARAGRAPHS * 10
    reply = "I agree with every word of this, and I have said so to the council for years on end now."
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story, "Ed Roe says:",
                  "6 May 2025 at 11:17", reply, "Log in to Reply", "Ann Lee says:", "6 May 2025 at 11:20",
                  reply, "Log in to Reply"))
    assert a.paragraphs == story


def test_a_post_embedded_in_the_story_with_its_date_does_not_cut_it():
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS[:2],
                  "The bridge is shaking again tonight, as it has all week. Please close it.",
                  "— Jane Roe (@janeroe) November 1, 2019", *PARAGRAPHS[2:]))
    assert a.paragraphs[-1] == PARAGRAPHS[-1] and a.paragraphs[0] == PARAGRAPHS[0]


def test_an_image_shown_by_a_dated_file_name_does_not_cut_the_story():
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS[:2],
                  "[2022-05-11-harbour-bridge-03]", *PARAGRAPHS[2:]))
    assert a.paragraphs == PARAGRAPHS


def test_a_link_to_read_the_comments_ends_the_story():
    story = PARAGRAPHS * 2
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story, "Lire les 10 commentaires",
                  "spoup", "I agree with every word of this, and I have said so to the council for years on end "
                  "now, and I will say it again at the next meeting of the council in the town hall."))
    assert a.paragraphs == story


def test_a_caption_that_ends_with_its_photos_date_is_not_the_headline():
    a = read(page("Lorries queue on the old harbour bridge before the closure, 24 April 2023",
                  "Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS))
    assert a.headline == "Council shuts harbour bridge to lorries"


def test_a_short_headline_printed_right_under_the_breadcrumb_ending_in_it():
    a = read(page("Du befindest dich hier: Home » Gesellschaft » „Brücke gesperrt“", "„Brücke gesperrt“",
                  "erstellt: 01. April 2025, 15:20", *PARAGRAPHS))
    assert a.headline == "„Brücke gesperrt“"


def test_the_body_runs_across_a_dated_teaser_inside_it_but_not_across_its_own_dateline():
    a = read(page("Council shuts harbour bridge to lorries", "12 May 2025", "By Jane Roe", *PARAGRAPHS[:2],
                  "Analysis 11 April 2024", "Why the harbour bridge has cost the town so much",
                  "The bridge was cracked long before anyone wanted to pay for it more", *PARAGRAPHS[2:]))
    assert a.paragraphs == PARAGRAPHS
    lead = "The council met on Tuesday night in the town hall and decided what to do with the bridge in a long vote."
    a = read(page("Council shuts harbour bridge to lorries", lead, "Jane Roe, 12 May 2025 10:00",
                  "bridge, harbour, council, lorries, port, traffic, repair, engineers, river", "What the council decided",
                  *PARAGRAPHS))
    assert a.paragraphs[-4:] == PARAGRAPHS and "bridge, harbour" not in " ".join(a.paragraphs)


def test_a_short_paragraph_between_two_boxes_inside_the_story_does_not_cut_it():
    story = PARAGRAPHS * 2
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story[:4], "Also read",
                  "Mayor opens new library in the old market hall", "The vote was close, as everyone in town expected.", "Also read",
                  "Advertisement", "Five things to know about the harbour", *story[4:]))
    assert a.paragraphs == story[:4] + ["The vote was close, as everyone in town expected."] + story[4:]


LATER = [
    "Engineers will inspect the cracks in the piers of the harbour bridge again in the spring, before the council decides on repairs.",
    "The council said the bridge closure to lorries would be reviewed once the engineers report on the cracked piers next year.",
    "Residents welcomed the closure of the bridge to lorries, though hauliers said the council had not consulted the port.",
]


def test_the_story_goes_on_past_a_rail_inside_it_that_costs_more_than_what_follows_weighs():
    story = PARAGRAPHS * 3
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story, "Read More",
                  "Mayor opens new library in the old market hall", "Ferry timetable changes for the winter season",
                  "Advertisement", *LATER))
    assert a.paragraphs == story + LATER


def test_blurbs_on_other_subjects_after_a_rail_heading_are_not_the_story():
    story = PARAGRAPHS * 3
    blurbs = ["The new library in the old market hall opens on Saturday with a concert and a reading for children.",
              "Ferries will sail less often from November, and the last boat of the evening leaves an hour earlier.",
              "School meals will cost more from January onwards, after suppliers raised their prices for a second time."]
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *story, "Read More",
                  "Mayor opens new library in the old market hall", "Advertisement", *blurbs))
    assert a.paragraphs == story


def test_a_rail_that_prints_its_teasers_captions_again_is_not_the_story():
    captions = ["Photo: the mayor opens the new library on Saturday.",
                "Photo: a ferry leaves the harbour in the evening fog."]
    titles = ["Mayor opens new library in the old market hall", "Ferry timetable changes for the winter season"]
    rail = [line for caption, title in zip(captions, titles) for line in (caption, caption, title)]
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS, *LATER, *rail))
    assert a.paragraphs == PARAGRAPHS + LATER
    # a page that repeats its own sentences is read as it is
    steps = ["Eat a small meal of eggs and toast before the workout.", "Drink a glass of water during the workout."]
    plan = [line for day in ("Monday", "Tuesday", "Wednesday") for line in (day, *steps, f"Rest on {day} evening, and sleep for at least eight hours before the next day's workout begins.")]
    a = read(page("A week of meals for the workout plan", "By Jane Roe", *plan))
    assert a.paragraphs[:3] == steps + ["Rest on Monday evening, and sleep for at least eight hours before the next day's workout begins."]


def test_a_paywall_box_inside_the_story_is_not_part_of_it():
    box = ["THIS CONTENT IS RESERVED FOR SUBSCRIBERS ONLY", "Unlimited digital access to the Harbour Gazette.",
           "Create an account or sign in to continue with your reading experience.",
           "Register to unlock this article — it’s free", "Already a subscriber? Sign in to read the rest of it here."]
    a = read(page("Council shuts harbour bridge to lorries", "By Jane Roe", *PARAGRAPHS[:2], *box, *PARAGRAPHS[2:],
                  *LATER))
    assert a.paragraphs == PARAGRAPHS + LATER
