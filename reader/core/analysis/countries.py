"""Is a place name a country? pycountry plus the common names news text uses."""

from __future__ import annotations

from functools import lru_cache

import pycountry

COMMON_NAMES = {
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "the uk": "GB",
    "uk": "GB",
    "the united states": "US",
    "united states": "US",
    "the us": "US",
    "us": "US",
    "america": "US",
    "russia": "RU",
}


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-2 code when ``name`` names a sovereign country, else None."""
    key = " ".join(name.lower().split())
    if key in COMMON_NAMES:
        return COMMON_NAMES[key]
    bare = key.removeprefix("the ")
    for candidate in (key, bare):
        try:
            return pycountry.countries.lookup(candidate).alpha_2
        except LookupError:
            continue
    return None
