"""What the gazetteer file is: where it lives, its schema version, and the name-folding words
both the builder (:mod:`.build`) and the reader (:mod:`.gazetteer`) must agree on.

Kept apart so the builder and the reader each import this module and never each other's.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_PATH = "NEWSGRAPH_GAZETTEER"

# Bumped whenever the schema or the build rules change, so an old file is rebuilt.
SCHEMA_VERSION = "11"

# Words that name the kind of an administrative area; "Anbar Province" and "Basra Governorate"
# are indexed (and looked up) without them as well.
ADMIN_WORDS = (
    "province",
    "governorate",
    "state",
    "region",
    "oblast",
    "prefecture",
    "department",
    "district",
    "territory",
    "emirate",
    "canton",
    "county",
    "municipality",
    "voivodeship",
)
ADMIN_PREFIXES = ("muhafazat ", "mayorality of ", "province of ", "state of ", "region of ", "ostan e ")
# Arabic and similar articles that English text writes either way ("al Anbar" / "Anbar").
ARTICLES = ("al ", "el ", "ar ", "as ", "an ", "ad ", "at ", "az ", "ash ", "ath ", "adh ")


def database_path() -> Path:
    """Where the gazetteer file lives: ``$NEWSGRAPH_GAZETTEER``, else beside this package.

    A user cache directory is used when the package directory is read-only.
    """
    env = os.environ.get(ENV_PATH)
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent / "_data"
    if os.access(here if here.exists() else here.parent, os.W_OK):
        return here / "gazetteer.sqlite"
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return cache / "newsgraph" / "gazetteer.sqlite"
