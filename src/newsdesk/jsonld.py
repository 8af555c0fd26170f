"""schema.org NewsArticle for an Article: one builder for the web pages and the exports."""

from __future__ import annotations

import json

from .model import Article

SCHEMA_TYPES = {"person": "Person", "org": "Organization", "place": "Place"}


def news_article(article: Article) -> dict:
    """The article as a schema.org NewsArticle (fields without a value left out)."""
    data: dict[str, object] = {
        "@type": "NewsArticle",
        "@id": article.url or f"urn:newsdesk:article:{article.id}",
        "identifier": article.id,
        "headline": article.headline,
        "description": article.standfirst,
        "datePublished": article.published,
        "articleSection": article.category,
        "articleBody": article.body_text,
        "inLanguage": article.language,
        "timeRequired": f"PT{article.reading_time_minutes}M" if article.reading_time_minutes else None,
        "sourceOrganization": {"@type": "Organization", "name": article.source} if article.source else None,
        "author": ([{"@type": "Person", "name": name} for name in article.authors]
                   or ({"@type": "Person", "name": article.byline} if article.byline else None)),
        "url": article.url,
        "mentions": [{"@type": SCHEMA_TYPES[e.type], "name": e.name} for e in article.entities] or None,
    }
    if article.image and (article.image.caption or article.image.credit):
        data["image"] = {"@type": "ImageObject", "caption": article.image.caption,
                         "creditText": article.image.credit, "contentUrl": article.image.url}
    return {k: v for k, v in data.items() if v is not None}


def script_safe(data: dict) -> str:
    """JSON safe inside a <script> element: no "<", ">" or "&" appears raw."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
