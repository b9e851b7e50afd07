"""Which outlet published a document: from its URL, else its ``source`` field, else its lead line.

The outlet is a registered domain (``news.detik.com`` -> ``detik.com``,
``www.utusan.com.my`` -> ``utusan.com.my``), found with the Public Suffix List that
``publicsuffixlist`` ships (no network). Outlet names such as ``Utusan Malaysia`` are mapped
to their domain through ``data/known_outlets.tsv``.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

from newsetl.transforms.lexicons import rows

# A host name: dot-separated labels of letters, digits and hyphens (Unicode letters allowed).
_HOST = re.compile(r"[^\W_](?:[\w-]{0,62})(?:\.[^\W_][\w-]{0,62})+", re.UNICODE)
_NOT_NAME = re.compile(r"[\W_]+", re.UNICODE)
_SCHEME = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<slashes>//)?")
_WEB_SCHEMES = frozenset({"http", "https"})


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    # accept_unknown=False: a made-up TLD ("site.local", "not.a-url") is not an outlet.
    return PublicSuffixList(accept_unknown=False)


def _name_key(name: str) -> str:
    """Return ``name`` case-folded with punctuation and spacing removed (the TSV lookup key)."""
    return _NOT_NAME.sub("", name.casefold())


@lru_cache(maxsize=1)
def _known_outlets() -> dict[str, str]:
    """Return name key -> domain from ``data/known_outlets.tsv``."""
    table = {}
    for name, domain in rows("data/known_outlets.tsv"):
        table[_name_key(name)] = domain.strip()
    return table


def registered_domain(host: str | None) -> str | None:
    """Return the registered domain of a host name (``news.detik.com`` -> ``detik.com``), or None.

    None for IP addresses, single labels (``localhost``), bare public suffixes (``co.uk``)
    and hosts under no known top-level domain.
    """
    if not host:
        return None
    host = host.strip().rstrip(".").casefold()
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None
    except ValueError:
        pass
    if not _HOST.fullmatch(host):
        return None
    return _suffixes().privatesuffix(host)


def url_outlet(url: str | None) -> str | None:
    """Return the registered domain of ``url``'s host, or None if it has no usable host.

    Only http(s) URLs count; one without a scheme (``www.detik.com/berita/...``) is read as host + path.
    """
    url = (url or "").strip()
    if not url or any(c.isspace() for c in url):
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme["slashes"]:
        if scheme["scheme"].casefold() not in _WEB_SCHEMES:
            return None
    elif scheme and not url[scheme.end():scheme.end() + 1].isdigit():
        return None  # mailto:, javascript:, urn: ... name no web host ("host:8080/..." does)
    elif not url.startswith("//"):
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:  # e.g. an unbalanced "[" in the netloc
        return None
    return registered_domain(host)


def named_outlet(name: str | None) -> str | None:
    """Return the domain of an outlet named ``name`` (a domain or URL, or a name in the TSV), or None."""
    name = (name or "").strip()
    if not name:
        return None
    if "." in name and not any(c.isspace() for c in name):
        domain = url_outlet(name)
        if domain:
            return domain
    return _known_outlets().get(_name_key(name))


def document_outlet(url: str | None, source: str | None, text_outlet: str | None) -> tuple[str | None, str | None]:
    """Return ``(outlet, outlet_source)``: the outlet and where it came from (``url``, ``source``, ``text``).

    The URL's registered domain wins, then the ``source`` field mapped to a domain, then the
    outlet named in the lead line (mapped to a domain when known, else as found). Both are
    None when none of them names an outlet.
    """
    outlet = url_outlet(url)
    if outlet:
        return outlet, "url"
    outlet = named_outlet(source)
    if outlet:
        return outlet, "source"
    text_outlet = (text_outlet or "").strip()
    if text_outlet:
        return named_outlet(text_outlet) or text_outlet.casefold(), "text"
    return None, None
