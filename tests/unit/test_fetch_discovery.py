"""What a portal page holds: the report itself, an attachment that is it, or a listing.

The report pages are the shared portal pages as archived; the listing and the notice page
(tests/fixtures/portal) are written in the shape of the same portal's 政府信息公开年报 column.
"""

import pytest
from conftest import REPORTS
from fetch_helpers import PORTAL

from bot.fetch.charset import decode_page
from bot.fetch.discovery import LinkKind, PageKind, discover

COLUMN = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/"


@pytest.mark.parametrize(
    ("name", "agency", "year"),
    [
        ("004_pingtan_2019.html", "平潭综合实验区", 2019),
        ("008_pingtan_2023.html", "平潭综合实验区", 2023),
        ("010_pingtan_2025.html", "平潭综合实验区", 2025),
        ("020_shuyang_fgj_2023.html", "沭阳县发展和改革局", 2023),
    ],
)
def test_a_report_page_reads_as_the_report(name: str, agency: str, year: int) -> None:
    html = (REPORTS / name).read_text(encoding="utf-8")
    found = discover(COLUMN + "202603/t.htm", html)
    assert found.kind is PageKind.REPORT
    assert found.sections == 6
    assert found.year == year
    assert found.headline is not None and found.headline.startswith(f"{agency}{year}年")


def test_a_listing_page_gives_its_report_links_absolute_and_once() -> None:
    html = decode_page((PORTAL / "listing.html").read_bytes(), None)
    found = discover(COLUMN + "index.htm", html)
    assert found.kind is PageKind.LISTING
    assert [(link.url, link.year, link.kind) for link in found.report_links] == [
        (COLUMN + "202603/t20260313_105587.htm", 2025, LinkKind.PAGE),
        (COLUMN + "202403/t20240320_87885.htm", 2023, LinkKind.PAGE),
        ("https://www.pingtan.gov.cn/upload/2019nb.docx", 2019, LinkKind.DOCX),
    ]
    # the title attribute stands in for the text the portal cut short
    assert found.report_links[0].text == "平潭综合实验区2025年度政府信息公开工作年度报告"


def test_a_notice_page_points_to_its_attachment() -> None:
    url = "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240320_87885.htm"
    found = discover(url, (PORTAL / "notice.html").read_text(encoding="utf-8"))
    assert found.kind is PageKind.ATTACHMENT
    assert found.year == 2023
    assert [(link.url, link.kind) for link in found.attachments] == [
        ("https://www.pingtan.gov.cn/files/P020240320_2023nb.pdf", LinkKind.PDF),
        ("https://www.pingtan.gov.cn/files/P020240320_2023nb.wps", LinkKind.WPS),
    ]  # the application form (申请表.doc) in the sidebar is no report


def test_online_viewers_and_download_links_lead_to_the_file() -> None:
    html = """<html><head><base href="https://www.example.gov.cn/nb/2024/">
    <title>某县2024年政府信息公开工作年度报告</title></head><body>
    <iframe src="/pdfjs/web/viewer.html?file=/uploads/2024nb.pdf"></iframe>
    <a href="download.jsp?id=31">下载附件</a>
    <a href="/xzzx/">下载中心</a>
    <a href="get?id=9" type="application/msword">原文</a>
    </body></html>"""
    found = discover("https://www.example.gov.cn/nb/2024/t1.htm", html)
    assert [(link.url, link.kind) for link in found.attachments] == [
        ("https://www.example.gov.cn/uploads/2024nb.pdf", LinkKind.PDF),
        ("https://www.example.gov.cn/nb/2024/get?id=9", LinkKind.DOC),
        ("https://www.example.gov.cn/nb/2024/download.jsp?id=31", LinkKind.FILE),
    ]


def test_an_attachment_of_another_year_comes_last() -> None:
    html = """<html><head><title>某镇2023年度政府信息公开工作年度报告</title></head><body>
    <a href="/f/2022.pdf">某镇2022年度政府信息公开工作年度报告.pdf</a>
    <a href="/f/2023.doc">某镇2023年度政府信息公开工作年度报告.doc</a></body></html>"""
    found = discover("https://x.gov.cn/nb/t.htm", html)
    assert [link.url for link in found.attachments] == [
        "https://x.gov.cn/f/2023.doc",
        "https://x.gov.cn/f/2022.pdf",
    ]


def test_a_page_without_a_report_is_nothing() -> None:
    html = (
        "<html><head><title>通知公告</title></head>"
        "<body><a href='/a.htm'>关于开展培训的通知</a></body></html>"
    )
    found = discover("https://x.gov.cn/tzgg/", html)
    assert found.kind is PageKind.NONE
    assert (found.attachments, found.report_links) == ((), ())


def test_a_broken_page_is_nothing_rather_than_an_error() -> None:
    assert discover("https://x.gov.cn/", "").kind is PageKind.NONE
    assert (
        discover("https://x.gov.cn/", "<a href='javascript:void(0)'>年报</a>").kind
        is PageKind.NONE
    )
