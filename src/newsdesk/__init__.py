"""newsdesk: turns raw news into knowledge people can read, search and trust."""

from .errors import BadInput, NewsdeskError
from .extract import extract
from .model import Article, RawDocument

__all__ = ["Article", "BadInput", "NewsdeskError", "RawDocument", "extract"]
__version__ = "0.1.0"
