"""Credentials in source URLs: a feed URL (or a provider's) names a key as a placeholder,
`${NEWSIMPACT_..._KEY}`, and the key's value comes from the environment at the moment of the
request. Everything that is kept or shown (fetch_log, landing/, logs, errors) holds the
placeholder, never the value: the value is put in only for the request and taken out of any
text the request produces (an error quoting the URL, a header echoing it).

Only NEWSIMPACT_* variables can be named, so a reference file cannot send any other secret of
the environment to a host.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote, quote_plus

PLACEHOLDER = re.compile(r"\$\{(NEWSIMPACT_[A-Z0-9_]+)\}")


class MissingSecret(Exception):
    """A placeholder whose variable is not set."""

    def __init__(self, name: str):
        super().__init__(f"{name} is not set (the URL needs it as a credential)")
        self.name = name


def placeholders(url: str) -> list[str]:
    return PLACEHOLDER.findall(url)


def expand(url: str) -> tuple[str, dict[str, str]]:
    """The URL to request, and the values put in (by variable name)."""
    values = {}
    for name in placeholders(url):
        value = os.environ.get(name, "")
        if not value:
            raise MissingSecret(name)
        values[name] = value
    return PLACEHOLDER.sub(lambda m: quote(values[m.group(1)], safe=""), url), values


def redact(text: str | None, values: dict[str, str]) -> str | None:
    """text with every value (as it is, and as a URL carries it) back to its placeholder."""
    if not text or not values:
        return text
    for name, value in values.items():
        for form in {value, quote(value, safe=""), quote_plus(value)}:
            text = text.replace(form, f"${{{name}}}")
    return text
