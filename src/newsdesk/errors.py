"""Every error newsdesk raises on purpose.

    NewsdeskError
    ├── BadInput            a document that cannot become an article; names the input
    │   ├── Unreadable      the bytes could not be read at all
    │   ├── EmptyDocument   nothing in it
    │   └── NotANewsPage    read, but no headline and body in it
    ├── StoreError          the store cannot be opened or written
    ├── ModelNotInstalled   a language's spaCy pipeline is not installed
    └── ClusterError        no Dask cluster to be had as the user named it

Foreign errors (OSError, UnicodeDecodeError, SQLAlchemy's) are turned into these at the edge,
so the CLI can print one line and no traceback.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base of newsdesk's own errors."""


class BadInput(NewsdeskError):
    """A document that cannot become an article."""

    reason = "bad input"

    def __init__(self, origin: str, detail: str | None = None):
        self.origin = origin
        self.detail = detail or self.reason
        super().__init__(f"{origin}: {self.detail}")

    def __reduce__(self):  # travels to and from cluster workers intact
        return (self.__class__, (self.origin, self.detail))


class Unreadable(BadInput):
    reason = "cannot be read"


class EmptyDocument(BadInput):
    reason = "empty document"


class NotANewsPage(BadInput):
    reason = "not a news page"


class StoreError(NewsdeskError):
    """The store cannot be opened or written."""


class ModelNotInstalled(NewsdeskError):
    """A language's spaCy pipeline is not installed."""


class ClusterError(NewsdeskError):
    """A Dask cluster cannot be started or reached as named."""
