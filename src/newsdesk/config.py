"""Settings, declared once: (name, environment variable, default, help)."""

from __future__ import annotations

import os
from dataclasses import dataclass

SETTINGS = (
    ("db", "NEWSDESK_DB", "newsdesk.db", "SQLite path or postgresql:// URL of the store"),
    ("host", "NEWSDESK_HOST", "127.0.0.1", "address `newsdesk serve` listens on"),
    ("port", "NEWSDESK_PORT", "8000", "port `newsdesk serve` listens on"),
    ("api_token", "NEWSDESK_API_TOKEN", "", "token the API's write endpoints ask for; none: writes disabled"),
    ("allow_private_urls", "NEWSDESK_ALLOW_PRIVATE_URLS", "", "1: fetching private and local addresses is allowed (API, ingest, watch, extract; --allow-private)"),
    ("max_upload", "NEWSDESK_MAX_UPLOAD", str(5 * 1024 * 1024), "largest request body the API accepts, bytes"),
    ("user_agent", "NEWSDESK_USER_AGENT", "", "User-Agent of the fetcher (default: newsdesk/VERSION (...))"),
    ("fetch_delay", "NEWSDESK_FETCH_DELAY", "1.0", "seconds between two requests to one host"),
    ("spacy_models", "NEWSDESK_SPACY_MODELS", "",
     "spaCy pipeline of each language over the language files' own, as en=en_core_web_md,fr=fr_core_news_sm"),
    ("languages", "NEWSDESK_LANGUAGES", "", "a folder of more language files (xx.toml): docs/languages.md"),
    ("site_rules", "NEWSDESK_SITE_RULES", "", "JSON file of per-site extraction rules"),
)


@dataclass(frozen=True)
class Reading:
    """What reading a document depends on besides the document itself. Built from `Config` where
    newsdesk starts (the CLI, the server) and handed to extract and understand, down to cluster
    workers; nothing below the edge reads the environment."""

    site_rules: str = ""  # a JSON file of per-site rules (extract/siterules.py)
    spacy_models: str = ""  # language=pipeline pairs over the language files' own
    languages: str = ""  # a folder of more language files


@dataclass(frozen=True)
class Config:
    db: str
    host: str
    port: int
    api_token: str = ""
    allow_private_urls: bool = False
    max_upload: int = 5 * 1024 * 1024
    user_agent: str = ""
    fetch_delay: float = 1.0
    spacy_models: str = ""
    languages: str = ""
    site_rules: str = ""

    @property
    def reading(self) -> Reading:
        return Reading(site_rules=self.site_rules, spacy_models=self.spacy_models, languages=self.languages)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Config":
        env = os.environ if environ is None else environ
        values = {name: env.get(var) or default for name, var, default, _ in SETTINGS}
        return cls(db=values["db"], host=values["host"], port=int(values["port"]), api_token=values["api_token"],
                   allow_private_urls=values["allow_private_urls"] in ("1", "true", "yes"),
                   max_upload=int(values["max_upload"]), user_agent=values["user_agent"],
                   fetch_delay=float(values["fetch_delay"]), spacy_models=values["spacy_models"],
                   languages=values["languages"], site_rules=values["site_rules"])


def database_url(db: str) -> str:
    """`NEWSDESK_DB` as an SQLAlchemy URL: a plain path means a SQLite file."""
    if "://" in db:
        if db.startswith("postgresql://"):
            return "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return f"sqlite:///{os.path.abspath(db)}"
