"""The pure part of reading a saved web page (``.html``/``.htm``): HTML in, article out.

trafilatura finds the main text and the metadata (title, author, site name, date);
htmldate finds the publication date, which it does better than trafilatura's own
pass because it weighs the original date over "updated" dates. Nothing here touches
the network: both libraries get an already parsed tree, never a string that
``htmldate`` could mistake for a URL and download.

``HtmlArticle.text`` is the article body only (no navigation, scripts, comments,
header or footer), one paragraph per block separated by a blank line; downstream
character offsets are computed on exactly this string.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsetl.transforms.inputs import RejectedInput, RejectReason

# A saved article page is rarely above 2 MB; beyond this it is a dump, not a page,
# and lxml plus two extractors on it would stall a worker.
MAX_HTML_CHARS = 5_000_000
# Less body text than this is a teaser, a cookie wall or an index page, not an article.
MIN_ARTICLE_CHARS = 80
PARAGRAPH_SEPARATOR = "\n\n"

# trafilatura's output tree: these elements start a new paragraph.
_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "list", "table", "code", "div"})
_WHITESPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlArticle:
    """The main content of one web page; ``None`` where the page does not say."""

    text: str
    title: str | None
    author: str | None
    published: date | None
    site_name: str | None
    url: str | None


def html_article(html: str, url: str | None = None) -> HtmlArticle:
    """Return the article in ``html`` (``url``: where it was saved from, if known).

    Raises ``RejectedInput`` with ``empty``, ``too_large`` or ``no_article`` (no body
    text of at least ``MIN_ARTICLE_CHARS`` characters once boilerplate is removed).
    """
    if not html or not html.strip():
        raise RejectedInput(RejectReason.empty, "no HTML")
    if len(html) > MAX_HTML_CHARS:
        raise RejectedInput(
            RejectReason.too_large, f"{len(html)} characters of HTML (limit {MAX_HTML_CHARS})"
        )
    tree = load_html(html)
    if tree is None:
        raise RejectedInput(RejectReason.no_article, "not parseable as HTML")
    document = trafilatura.bare_extraction(
        deepcopy(tree),  # trafilatura prunes the tree it is given; htmldate needs it whole
        url=url,
        # Without these trafilatura falls back to the page's whole text when it finds
        # no article, and an index page of links then passes for one.
        fast=True,
        favor_precision=True,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,  # a process-wide cache would make results depend on call order
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    paragraphs = _paragraphs(document.body) if document is not None else []
    title = _clean(document.title) if document is not None else None
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the headline is ``title``, not body text
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    if len(text) < MIN_ARTICLE_CHARS:
        raise RejectedInput(
            RejectReason.no_article,
            f"{len(text)} characters of body text after removing boilerplate "
            f"(minimum {MIN_ARTICLE_CHARS})",
        )
    return HtmlArticle(
        text=text,
        title=title,
        author=_clean(document.author),
        published=_publication_date(tree, url) or _iso_date(document.date),
        site_name=_clean(document.sitename),
        url=url or _clean(document.url),
    )


def _publication_date(tree: HtmlElement, url: str | None) -> date | None:
    """Return htmldate's original publication date of the page, or None."""
    # extensive_search scans the free text and turns "Copyright 2020" into 2020-01-01.
    found = htmldate.find_date(
        tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", url=url
    )
    return _iso_date(found)


def _iso_date(value: str | None) -> date | None:
    """Return the date in a ``YYYY-MM-DD...`` string, or None for missing or malformed."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _paragraphs(element) -> list[str]:
    """Return the non-empty paragraphs of a trafilatura body tree, in order.

    A block element is one paragraph; a line break inside one (``<br>`` in the page)
    also separates paragraphs, because pages like Detik's separate them with
    ``<br><br>`` rather than ``<p>``. Whitespace runs collapse to one space.
    """
    paragraphs: list[str] = []
    pending: list[str] = [element.text or ""]

    def flush() -> None:
        for line in "".join(pending).split("\n"):
            line = _clean(line)
            if line:
                paragraphs.append(line)
        pending.clear()

    for child in element:
        if child.tag in _BLOCK_TAGS:
            flush()
            paragraphs.extend(_paragraphs(child))
        else:
            pending.append(_inline_text(child))
        pending.append(child.tail or "")
    flush()
    return paragraphs


def _inline_text(element) -> str:
    """Return the text of an inline element, ``\\n`` for a line break, spaced table cells."""
    if element.tag == "lb":
        return "\n"
    parts = [element.text or ""]
    for child in element:
        parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts) + (" " if element.tag == "cell" else "")


def _clean(value: str | None) -> str | None:
    """Return ``value`` with whitespace runs collapsed and trimmed; None when blank."""
    if value is None:
        return None
    value = _WHITESPACE_RUN.sub(" ", value).strip()
    return value or None


def _same(a: str, b: str) -> bool:
    """Return whether two short strings are the same text, ignoring case and spacing."""
    return a.casefold() == b.casefold()
