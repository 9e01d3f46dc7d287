"""The links of an HTML page that matter here: attached files and annual-report links.

A link is an attachment when it points to a PDF, DOCX, DOC or WPS file (by the extension of its
path or of a ``file=`` parameter of an online viewer, by its text such as ``报告.pdf``, by its
``type`` attribute), or when its text calls it one (附件, 下载附件). It reads as an annual
report when its text or ``title`` names one (…2023年度政府信息公开工作年度报告, 2023年政府信息
公开年报), including a title the portal cut short with an ellipsis. URLs come back absolute
(against ``<base href>`` when the page has one), without fragments, without duplicates.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, unquote, urldefrag, urljoin, urlsplit

import lxml.html
from lxml import etree


class LinkKind(StrEnum):
    """What a link points to, as far as the page tells."""

    PAGE = "page"
    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"
    WPS = "wps"
    FILE = "file"  # an attachment of a type the page does not tell


@dataclass(frozen=True)
class Link:
    """One link: absolute URL, its text (or title), what it points to, the year it names."""

    url: str
    text: str
    kind: LinkKind
    year: int | None
    names_report: bool  # the text reads as an annual report's title


@dataclass(frozen=True)
class PageLinks:
    """The page's own URL (after ``<base>``), headline, attachments and annual-report links."""

    own_url: str
    #: The page's title when it names an annual report with its year (an article page's
    #: does; a listing's names the column), from ``<meta name=ArticleTitle>``, ``<title>``…
    headline: str | None
    attachments: tuple[Link, ...]
    reports: tuple[Link, ...]


_EXTENSIONS = {".pdf": LinkKind.PDF, ".docx": LinkKind.DOCX, ".doc": LinkKind.DOC}
_EXTENSIONS[".wps"] = LinkKind.WPS
_MIME = {
    "application/pdf": LinkKind.PDF,
    "application/msword": LinkKind.DOC,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": LinkKind.DOCX,
}
_SOURCES = (
    ("a", "href"),
    ("area", "href"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
)
_ATTACHMENT_TEXT = re.compile(
    r"附\s*件|^(?:点击)?下载(?:附件|全文|原文|文件)?$|^(?:全文|原文)下载$"
)
# Files a portal attaches beside reports that are not reports.
_NOT_REPORT = re.compile(r"申请表|申请书|登记表|委托书|指南|目录|流程图")
_REPORT_TITLE = re.compile(
    r"(?:政府|政务)?信息公开\s*(?:工作)?\s*(?:年度)?\s*(?:工作)?\s*(?:报\s*告|年\s*报)"
)
_CUT_SHORT = re.compile(r"(?:政府|政务)信息公开.*(?:\.\.\.|…|。。。)\s*$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PAGE_SUFFIXES = frozenset({".htm", ".html", ".shtml", ".xhtml", ".php", ".asp", ".aspx"})
_SCHEMES = ("http", "https")


def page_links(url: str, html: str) -> PageLinks:
    """The attachments and annual-report links of the page at ``url``."""
    root = _parse(html)
    if root is None:
        return PageLinks(url, None, (), ())
    base = _base_url(root, url)
    found: dict[str, Link] = {}
    for tag, attribute in _SOURCES:
        for element in root.iter(tag):
            link = _link(base, element, element.get(attribute))
            if link is not None:
                _keep(found, link)
    links = list(found.values())
    attachments = tuple(link for link in links if link.kind is not LinkKind.PAGE)
    reports = tuple(link for link in links if link.names_report and link.year is not None)
    return PageLinks(urldefrag(base)[0], _headline(root), attachments, reports)


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)


def _headline(root: etree._Element) -> str | None:
    """The first of the page's titles that names an annual report and a year."""
    candidates = [
        meta.get("content") or ""
        for meta in root.iter("meta")
        if (meta.get("name") or meta.get("property") or "").lower()
        in ("articletitle", "og:title", "title")
    ]
    candidates += [_flat(element) for tag in ("title", "h1") for element in root.iter(tag)]
    for candidate in candidates:
        text = " ".join(candidate.split())
        if _REPORT_TITLE.search(text) and _YEAR.search(text):
            # the portal's and column's names follow after _, | or -
            parts = re.split(r"\s*[_|｜—–-]\s*", text)
            return next(part for part in parts if _REPORT_TITLE.search(part))
    return None


def _base_url(root: etree._Element, url: str) -> str:
    for base in root.iter("base"):
        href = (base.get("href") or "").strip()
        if href and urlsplit(urljoin(url, href)).scheme in _SCHEMES:
            return urljoin(url, href)
    return url


def _keep(found: dict[str, Link], link: Link) -> None:
    """Add ``link``; a second link to the same URL lends its text if it has more."""
    known = found.get(link.url)
    if known is None or (len(link.text) > len(known.text) and not known.names_report):
        found[link.url] = link


def _link(base: str, element: etree._Element, href: str | None) -> Link | None:
    if not href or href.strip().lower().startswith(("javascript:", "mailto:", "tel:", "#")):
        return None
    target = urldefrag(urljoin(base, href.strip()))[0]
    if urlsplit(target).scheme not in _SCHEMES:
        return None
    text = _text(element)
    kind, target = _kind(target, text, element.get("type"))
    if kind is not LinkKind.PAGE and _NOT_REPORT.search(text + unquote(target)):
        return None
    year = _YEAR.search(text)
    names = bool(_REPORT_TITLE.search(text) or _CUT_SHORT.search(text))
    return Link(target, text, kind, int(year[1]) if year else None, names)


def _text(element: etree._Element) -> str:
    """The link's text or its ``title``, whichever says more (titles are often uncut)."""
    text = _flat(element) if element.tag == "a" else ""
    title = " ".join((element.get("title") or "").split())
    cut = text.endswith(("...", "…", "。。。"))
    return title if title and (cut or len(title) > len(text)) else text


def _flat(element: etree._Element) -> str:
    return " ".join("".join(str(part) for part in element.itertext()).split())


def _kind(url: str, text: str, mime: str | None) -> tuple[LinkKind, str]:
    """What ``url`` points to, and the file's own URL when it is an online viewer's page."""
    parts = urlsplit(url)
    kind = _by_name(parts.path)
    if kind is not None:
        return kind, url
    for _, value in parse_qsl(parts.query):
        kind = _by_name(urlsplit(value).path)
        if kind is not None:  # viewer.html?file=/upload/report.pdf: the file itself
            return kind, urldefrag(urljoin(url, value))[0]
    kind = _by_name(text) or _MIME.get((mime or "").split(";")[0].strip().lower())
    if kind is not None:
        return kind, url
    if _ATTACHMENT_TEXT.search(text) and PurePosixPath(parts.path).suffix not in _PAGE_SUFFIXES:
        return LinkKind.FILE, url
    return LinkKind.PAGE, url


def _by_name(name: str) -> LinkKind | None:
    suffix = PurePosixPath(unquote(name).strip().lower()).suffix
    return _EXTENSIONS.get(suffix)
