"""Saved web pages: the article body, title and dates come back; boilerplate does not."""

from __future__ import annotations

import html
import socket
from datetime import date
from pathlib import Path

import pytest

from newsetl.transforms.html_pages import MAX_HTML_CHARS, html_article
from newsetl.transforms.inputs import RejectedInput, RejectReason

SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HTML_DATA = Path(__file__).resolve().parent / "data" / "html"
SEED_NAMES = [
    "000_e52eedfedc524ddc.txt",
    "001_15981b2f45500d2b.txt",
    "002_3fb0d75080ae01dc.txt",
    "003_a67f1ab52618c4be.txt",
    "004_8f93afd6af636940.txt",
]
# Words that occur only in the page furniture, never in a seed article.
NAV, SCRIPT = "Beritaterkini", "trackingPixelId"
COMMENT, FOOTER = "Komentarwarga", "Hakciptaredaksi"
HEADLINE = "Perang Armenia dan Azerbaijan Kian Memanas"


def _seed_page(paragraphs: list[str]) -> str:
    """Return a news page around ``paragraphs`` with nav, scripts, comments and footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    comments = "".join(
        f'<div class="comment"><span class="user">pembaca{i}</span>'
        f"<p>{COMMENT} {i}: semoga konflik ini cepat selesai dan warga sipil selamat.</p></div>"
        for i in range(4)
    )
    return f"""<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>{HEADLINE} - Sosok.ID</title>
<meta property="og:title" content="{HEADLINE}">
<meta property="article:published_time" content="2020-09-30T08:15:00+07:00">
<script>var {SCRIPT} = "UA-000000-1"; document.write("{SCRIPT}");</script>
</head><body>
<header><a href="/">Sosok.ID</a> <span>{NAV} setiap hari</span></header>
<nav><ul><li><a href="/news">{NAV} Nasional</a></li><li><a href="/world">{NAV} Dunia</a></li>
<li><a href="/sport">{NAV} Olahraga</a></li></ul></nav>
<article><h1>{HEADLINE}</h1>
{body}
</article>
<div class="comments"><h3>Komentar</h3>{comments}</div>
<footer><p>{FOOTER} 2020 Sosok.ID. Dilarang mengutip tanpa izin tertulis.</p></footer>
<script>console.log("{SCRIPT}");</script>
</body></html>"""


@pytest.fixture(params=SEED_NAMES)
def seed_paragraphs(request) -> list[str]:
    path = SHARED_SEEDS / request.param
    if not path.exists():
        pytest.skip(f"seed not found at {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def test_seed_page_gives_back_the_body_paragraphs_and_no_furniture(seed_paragraphs):
    article = html_article(_seed_page(seed_paragraphs), url="https://sosok.id/berita/1")

    assert article.text.split("\n\n") == seed_paragraphs
    for furniture in (NAV, SCRIPT, COMMENT, FOOTER):
        assert furniture not in article.text
    assert article.title == HEADLINE
    assert HEADLINE not in article.text  # the headline is the title, not body text
    assert article.published == date(2020, 9, 30)
    assert article.url == "https://sosok.id/berita/1"


def test_paragraph_offsets_are_those_of_the_joined_text(seed_paragraphs):
    text = html_article(_seed_page(seed_paragraphs)).text
    offset = 0
    for paragraph in seed_paragraphs:
        start = text.index(paragraph, offset)
        assert start == offset
        offset = start + len(paragraph) + 2


NAV_ONLY = f"""<html><head><title>Sosok.ID</title></head><body>
<header>Sosok.ID - {NAV}</header><nav><ul>{"".join(
    f'<li><a href="/k{i}">Kategori berita nomor {i} dan lainnya</a></li>' for i in range(12))}
</ul></nav><footer><p>{FOOTER} 2020 Sosok.ID. Semua hak dilindungi undang-undang.
Dilarang mengutip tanpa izin tertulis dari redaksi.</p></footer></body></html>"""
TEASER = """<html><head><title>Live</title></head><body><article><h1>Live</h1>
<p>Ikuti terus perkembangannya.</p></article></body></html>"""
SCRIPTS_ONLY = f"""<html><head><script>var {SCRIPT} = 1;</script></head>
<body><div id="app"></div><script>render("{SCRIPT}")</script></body></html>"""


@pytest.mark.parametrize("page", [NAV_ONLY, TEASER, SCRIPTS_ONLY], ids=["nav", "teaser", "app"])
def test_page_without_an_article_is_rejected(page):
    with pytest.raises(RejectedInput) as caught:
        html_article(page)
    assert caught.value.reason is RejectReason.no_article


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("", RejectReason.empty),
        (" \n\t", RejectReason.empty),
        ("<p>x</p>" * (MAX_HTML_CHARS // 8 + 1), RejectReason.too_large),
    ],
    ids=["empty", "blank", "huge"],
)
def test_empty_and_oversized_input_is_rejected(page, reason):
    with pytest.raises(RejectedInput) as caught:
        html_article(page)
    assert caught.value.reason is reason


def test_detik_page():
    article = html_article((HTML_DATA / "detik_like.html").read_text(encoding="utf-8"))
    paragraphs = article.text.split("\n\n")

    assert article.title == (
        "Mendagri Imbau Pemda Kendalikan Harga Komoditas Pangan Penyumbang Inflasi"
    )
    assert article.published == date(2025, 10, 13)
    assert article.site_name.casefold() == "detiknews"
    assert paragraphs[0].startswith("Menteri Dalam Negeri (Mendagri) Muhammad Tito Karnavian")
    assert paragraphs[2].endswith("ujar Tito dalam keterangannya, Senin (13/10/2025).")
    assert any(p.startswith("Hal tersebut disampaikannya") for p in paragraphs)
    for boilerplate in (
        "Baca juga",
        "SCROLL TO CONTINUE",
        "Berita Terpopuler",
        "Polisi Tangkap Pelaku Begal",
        "tengkulak",  # a reader's comment
        "Pedoman Media Siber",
        "dataLayer",
    ):
        assert boilerplate not in article.text


def test_bbc_page_takes_the_original_not_the_modified_date():
    article = html_article(
        (HTML_DATA / "bbc_like.html").read_text(encoding="utf-8"),
        url="https://www.bbc.co.uk/news/business-4270000",
    )
    paragraphs = article.text.split("\n\n")

    assert article.title == "Ad sales boost Time Warner profit"
    assert article.published == date(2005, 2, 19)
    assert article.site_name == "BBC News"
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Quarterly profits at US media giant TimeWarner jumped 76%")
    assert paragraphs[3].endswith("chairman and chief executive Richard Parsons said.")
    for boilerplate in ("Google shares hit record high", "AOL is still a drag", "Privacy Policy"):
        assert boilerplate not in article.text


@pytest.mark.parametrize("separator", ["<br><br>", "<br>\n<br>", "<br>", "</p><p>"])
def test_line_breaks_separate_paragraphs(separator):
    sentences = [
        "Menteri Dalam Negeri Muhammad Tito Karnavian mengimbau pemerintah daerah "
        "mengendalikan harga komoditas pangan.",
        "Tito menyampaikan inflasi nasional pada September 2025 meningkat dibanding Agustus.",
        "Rapat tersebut berlangsung secara hybrid dari Gedung Sasana Bhakti Praja, Jakarta.",
    ]
    body = separator.join(sentences)
    page = f"<html><body><div class='detail__body-text'><p>{body}</p></div></body></html>"
    assert html_article(page).text.split("\n\n") == sentences


def test_copyright_year_is_not_a_publication_date():
    paragraphs = [
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the "
        "three months to December.",
        "Time Warner said on Friday that it now owns 8% of search-engine Google.",
    ]
    page = (
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><footer>Copyright 2025 BBC.</footer></body></html>"
    )
    article = html_article(page)
    assert article.published is None
    assert article.text.split("\n\n") == paragraphs


def test_no_network_is_used(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("html_article opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    with pytest.raises(RejectedInput):
        html_article("https://news.detik.com/berita/d-8158552/mendagri-imbau-pemda")
    page = (HTML_DATA / "bbc_like.html").read_text(encoding="utf-8")
    assert html_article(page, url="https://www.bbc.co.uk/news/business-4270000").text


def test_a_saved_page_in_the_inbox_is_read_as_its_article(tmp_path):
    """Through discovery and reading: raw_text is the extracted article, with title and date from the page."""
    from newsetl.flows.discovery import discovered_inputs
    from newsetl.flows.reading import slice_content

    page = (Path(__file__).parent / "data" / "html" / "detik_like.html").read_bytes()
    (tmp_path / "saved.html").write_bytes(page)
    (tmp_path / "menu.htm").write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>")
    discovery = discovered_inputs([str(tmp_path)], max_bytes=1 << 20, batch_size=10)
    content = slice_content(discovery.slices[0], 1 << 20)
    [doc] = content.documents.to_dicts()
    article = html_article(page.decode("utf-8"))
    assert doc["raw_text"] == article.text and doc["title"] == article.title
    assert doc["metadata_published_date"] == article.published is not None
    assert "<" not in doc["raw_text"]
    assert content.rejects["reason"].to_list() == ["no_article"]
