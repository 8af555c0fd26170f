"""newsdesk: turns raw news into knowledge people can read, search and trust."""

from .errors import BadInput, NewsdeskError
from .model import Article, RawDocument

__all__ = ["Article", "BadInput", "NewsdeskError", "RawDocument"]
__version__ = "0.1.0"
