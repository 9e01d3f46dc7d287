"""The bot's web client against a local portal server: what it fetches, refuses, and sends.

The server (tests/portal_server.py) records every request, so each test proves from the
server's side what was and was not fetched; a recording network backend proves where the
client tried to connect at all, without sending a packet to any address but 127.0.0.1.
"""

import gzip
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

import pytest
from fetch_helpers import FakeClock, RecordingBackend, TableResolver
from portal_server import PortalServer, Route

from bot.config import WatchConfig
from bot.fetch.charset import decode_page
from bot.fetch.client import Fetcher
from bot.fetch.download import Validators
from bot.fetch.errors import (
    BlockedURLError,
    ConnectFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    TooLargeError,
    TooManyRedirectsError,
)
from bot.fetch.guard import ip_literal, non_public
from bot.fetch.settings import FetchSettings

LOCAL = ("127.0.0.1",)
MB = 1024 * 1024


@pytest.fixture
def server() -> Iterator[PortalServer]:
    with PortalServer() as portal:
        yield portal


@pytest.fixture
def backend() -> RecordingBackend:
    return RecordingBackend()


def settings(**changes: object) -> FetchSettings:
    base: dict[str, object] = {"allow_hosts": LOCAL, "per_host_seconds": 0.0}
    mb = changes.pop("max_file_mb", 1)
    watch = replace(WatchConfig(), **{**base, **changes})  # type: ignore[arg-type]
    return FetchSettings.from_config(watch, mb)  # type: ignore[arg-type]


@pytest.fixture
async def fetcher(backend: RecordingBackend) -> AsyncIterator[Fetcher]:
    async with Fetcher(settings(), backend=backend) as client:
        yield client


async def test_a_page_is_fetched_with_a_user_agent_naming_the_bot(
    server: PortalServer, fetcher: Fetcher
) -> None:
    server.routes["/nb.htm"] = Route(
        body="<p>年报</p>".encode(), headers={"Content-Type": "text/html"}
    )
    page = await fetcher.get(server.url("/nb.htm"))
    assert (page.status, page.data, page.media_type, page.name) == (
        200,
        "<p>年报</p>".encode(),
        "text/html",
        "nb.htm",
    )
    assert server.requests[0].headers["user-agent"].startswith("disclosure-bot/")


async def test_gbk_page_decoded_by_its_header(server: PortalServer, fetcher: Fetcher) -> None:
    html = "<html><body><p>平潭综合实验区政府信息公开工作年度报告</p></body></html>"
    server.routes["/gbk.htm"] = Route(
        body=html.encode("gbk"), headers={"Content-Type": "text/html; charset=GBK"}
    )
    page = await fetcher.get(server.url("/gbk.htm"))
    assert page.charset == "gbk"
    assert decode_page(page.data, page.charset) == html


async def test_gb18030_page_decoded_by_its_meta_charset(
    server: PortalServer, fetcher: Fetcher
) -> None:
    # 𠮷 (U+20BB7) is in GB18030 only (four bytes), not in GBK or GB2312
    html = '<html><head><meta charset="gb18030"></head><body>𠮷溪村政务公开</body></html>'
    server.routes["/gb18030.htm"] = Route(
        body=html.encode("gb18030"), headers={"Content-Type": "text/html"}
    )
    page = await fetcher.get(server.url("/gb18030.htm"))
    assert page.charset is None
    assert decode_page(page.data, page.charset) == html


async def test_a_latin1_header_does_not_override_a_gbk_page(
    server: PortalServer, fetcher: Fetcher
) -> None:
    html = '<html><head><meta charset="gbk"></head><body>年度报告</body></html>'
    server.routes["/x.htm"] = Route(
        body=html.encode("gbk"), headers={"Content-Type": "text/html; charset=ISO-8859-1"}
    )
    page = await fetcher.get(server.url("/x.htm"))
    assert decode_page(page.data, page.charset) == html


async def test_redirects_are_followed_and_reported(server: PortalServer, fetcher: Fetcher) -> None:
    server.routes["/old"] = Route(301, headers={"Location": "/moved"})
    server.routes["/moved"] = Route(302, headers={"Location": server.url("/new.pdf")})
    server.routes["/new.pdf"] = Route(
        body=b"%PDF-1.4 x", headers={"Content-Type": "application/pdf"}
    )
    page = await fetcher.get(server.url("/old"))
    assert page.final_url == server.url("/new.pdf")
    assert page.redirects == (server.url("/moved"), server.url("/new.pdf"))
    assert page.name == "new.pdf"
    assert server.paths() == ["/old", "/moved", "/new.pdf"]


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/report.pdf",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:192.168.1.1]/",
        "file:///etc/passwd",
    ],
)
async def test_a_redirect_to_a_private_address_is_refused_before_connecting(
    server: PortalServer, fetcher: Fetcher, backend: RecordingBackend, target: str
) -> None:
    server.routes["/go"] = Route(302, headers={"Location": target})
    with pytest.raises(BlockedURLError) as error:
        await fetcher.get(server.url("/go"))
    assert error.value.url == server.url("/go")
    assert "redirects to" in error.value.reason
    assert server.paths() == ["/go"]
    assert backend.connects == ["127.0.0.1"]  # the portal itself, nothing else


async def test_a_redirect_loop_is_refused(server: PortalServer, fetcher: Fetcher) -> None:
    server.routes["/a"] = Route(302, headers={"Location": "/b"})
    server.routes["/b"] = Route(302, headers={"Location": "/a"})
    with pytest.raises(TooManyRedirectsError, match="loop"):
        await fetcher.get(server.url("/a"))
    assert server.paths() == ["/a", "/b"]


async def test_redirects_past_the_cap_are_refused(
    server: PortalServer, backend: RecordingBackend
) -> None:
    for hop in range(5):
        server.routes[f"/r{hop}"] = Route(302, headers={"Location": f"/r{hop + 1}"})
    async with Fetcher(settings(max_redirects=3), backend=backend) as fetcher:
        with pytest.raises(TooManyRedirectsError, match="more than 3 redirects"):
            await fetcher.get(server.url("/r0"))
    assert server.paths() == ["/r0", "/r1", "/r2", "/r3"]


async def test_a_server_that_stops_sending_times_out(
    server: PortalServer, backend: RecordingBackend
) -> None:
    server.routes["/slow"] = Route(hang=True)
    async with Fetcher(settings(read_timeout=0.2), backend=backend) as fetcher:
        with pytest.raises(FetchTimeoutError, match="stopped sending"):
            await fetcher.get(server.url("/slow"))
    assert server.paths() == ["/slow"]


async def test_a_download_past_the_total_time_is_stopped(
    server: PortalServer, backend: RecordingBackend
) -> None:
    server.routes["/slow"] = Route(hang=True)
    async with Fetcher(settings(read_timeout=60, total_timeout=0.2), backend=backend) as fetcher:
        with pytest.raises(FetchTimeoutError, match=r"took longer than 0\.2 s"):
            await fetcher.get(server.url("/slow"))


async def test_a_file_declared_too_large_is_refused(
    server: PortalServer, fetcher: Fetcher
) -> None:
    server.routes["/big.pdf"] = Route(body=b"%PDF" + bytes(MB), repeat=3)
    with pytest.raises(TooLargeError) as error:
        await fetcher.get(server.url("/big.pdf"))
    assert error.value.reason == "the file is 3,145,740 bytes; the limit is 1 MB"


async def test_a_file_too_large_without_a_length_is_cut_off(
    server: PortalServer, fetcher: Fetcher
) -> None:
    server.routes["/big.pdf"] = Route(body=bytes(256 * 1024), repeat=12, no_length=True)
    with pytest.raises(TooLargeError, match="larger than the limit of 1 MB"):
        await fetcher.get(server.url("/big.pdf"))


async def test_a_file_just_under_the_limit_is_read_whole(
    server: PortalServer, fetcher: Fetcher
) -> None:
    server.routes["/ok.pdf"] = Route(body=b"x" * 1024, repeat=1024, no_length=True)
    page = await fetcher.get(server.url("/ok.pdf"))
    assert len(page.data) == MB


async def test_gzip_pages_are_inflated_and_gzip_bombs_refused(
    server: PortalServer, fetcher: Fetcher
) -> None:
    html = "<p>政府信息公开工作年度报告</p>".encode()
    server.routes["/z.htm"] = Route(body=gzip.compress(html), headers={"Content-Encoding": "gzip"})
    server.routes["/bomb.htm"] = Route(
        body=gzip.compress(bytes(20 * MB)), headers={"Content-Encoding": "gzip"}
    )
    assert (await fetcher.get(server.url("/z.htm"))).data == html
    with pytest.raises(TooLargeError):
        await fetcher.get(server.url("/bomb.htm"))


async def test_a_missing_page_says_so(server: PortalServer, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatusError) as error:
        await fetcher.get(server.url("/gone.htm"))
    assert error.value.status == 404
    assert (
        error.value.reason
        == "the server answered 404 Not Found: the page does not exist (any more)"
    )


async def test_conditional_requests_send_the_validators_and_get_304(
    server: PortalServer, fetcher: Fetcher
) -> None:
    stamp = "Wed, 11 Mar 2026 08:00:00 GMT"

    def listing(headers: dict[str, str]) -> Route:
        if headers.get("if-none-match") == '"v1"':
            return Route(304, headers={"ETag": '"v1"'})
        return Route(body=b"<p>list</p>", headers={"ETag": '"v1"', "Last-Modified": stamp})

    server.routes["/list.htm"] = Route(handler=listing)
    first = await fetcher.get(server.url("/list.htm"))
    assert first.validators == Validators('"v1"', stamp)
    again = await fetcher.get(server.url("/list.htm"), validators=first.validators)
    assert again.not_modified and again.data == b""
    sent = server.requests[1].headers
    assert (sent["if-none-match"], sent["if-modified-since"]) == ('"v1"', stamp)
    assert "if-none-match" not in server.requests[0].headers


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/",
        "http://[::1]:{port}/",
        "http://10.1.2.3/",
        "http://169.254.169.254/",
    ],
)
async def test_local_and_private_addresses_are_refused_unless_allowed(
    server: PortalServer, backend: RecordingBackend, url: str
) -> None:
    async with Fetcher(settings(allow_hosts=()), backend=backend) as fetcher:
        with pytest.raises(BlockedURLError, match="not on the public internet"):
            await fetcher.get(url.format(port=server.port))
    assert backend.connects == []
    assert server.requests == []


@pytest.mark.parametrize(
    "url", ["ftp://example.gov.cn/a.pdf", "file:///etc/passwd", "javascript:alert(1)"]
)
async def test_only_http_and_https_are_fetched(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(BlockedURLError, match="only http and https"):
        await fetcher.get(url)


async def test_a_name_resolving_to_a_private_address_is_refused(
    server: PortalServer, backend: RecordingBackend
) -> None:
    resolver = TableResolver(
        {"intranet.test": [["10.0.0.7"]], "mixed.test": [["93.184.216.34", "10.0.0.8"]]}
    )
    async with Fetcher(settings(allow_hosts=()), resolver=resolver, backend=backend) as fetcher:
        for host in ("intranet.test", "mixed.test"):
            with pytest.raises(BlockedURLError, match="private address"):
                await fetcher.get(f"http://{host}/nb.htm")
    assert backend.connects == []


async def test_an_allowed_host_name_may_be_local(
    server: PortalServer, backend: RecordingBackend
) -> None:
    server.routes["/nb.htm"] = Route(body=b"<p>ok</p>")
    resolver = TableResolver({"portal.test": [["127.0.0.1"]]})
    async with Fetcher(
        settings(allow_hosts=("portal.test",)), resolver=resolver, backend=backend
    ) as fetcher:
        page = await fetcher.get(server.url("/nb.htm", host="portal.test"))
    assert page.data == b"<p>ok</p>"
    assert server.requests[0].headers["host"] == f"portal.test:{server.port}"


async def test_the_connection_goes_to_the_address_that_was_checked(
    server: PortalServer, backend: RecordingBackend
) -> None:
    # DNS rebinding: a public address for the first look-up, loopback for any later one
    resolver = TableResolver({"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]})
    async with Fetcher(settings(allow_hosts=()), resolver=resolver, backend=backend) as fetcher:
        with pytest.raises(ConnectFailedError, match="could not connect"):
            await fetcher.get(server.url("/nb.htm", host="rebind.test"))
    assert resolver.asked == ["rebind.test"]
    assert backend.connects == ["93.184.216.34"]  # refused by the test network, never sent
    assert server.requests == []


async def test_requests_to_one_host_are_spaced(
    server: PortalServer, backend: RecordingBackend
) -> None:
    server.routes["/a"] = Route(body=b"a")
    resolver = TableResolver({"portal.test": [["127.0.0.1"]]})
    clock = FakeClock()
    allow = settings(allow_hosts=("127.0.0.1", "portal.test"), per_host_seconds=2.0)
    async with Fetcher(
        allow, clock=clock.now, sleep=clock.sleep, resolver=resolver, backend=backend
    ) as fetcher:
        await fetcher.get(server.url("/a"))
        await fetcher.get(server.url("/a"))  # the same host at once: waits the whole interval
        await fetcher.get(server.url("/a", host="portal.test"))  # another host: no wait
        clock.time += 0.5
        await fetcher.get(server.url("/a"))  # 2 s after the second, less the 0.5 s gone by
    assert clock.sleeps == [2.0, 1.5]
    assert len(server.requests) == 4


async def test_content_disposition_names_in_gbk_are_read(
    server: PortalServer, fetcher: Fetcher
) -> None:
    raw = "attachment; filename=平潭2023年报.pdf".encode("gbk").decode("latin-1")
    server.routes["/download.jsp?id=7"] = Route(
        body=b"%PDF-1.4", headers={"Content-Disposition": raw, "Content-Type": "application/pdf"}
    )
    server.routes["/get?id=8"] = Route(
        body=b"%PDF-1.4", headers={"Content-Type": "application/pdf"}
    )
    assert (await fetcher.get(server.url("/download.jsp?id=7"))).name == "平潭2023年报.pdf"
    assert (await fetcher.get(server.url("/get?id=8"))).name == "get.pdf"


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.100.100.200", "shared (CGNAT)"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped: judged by the IPv4 address
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:a00:1::1", "private"),  # 6to4 of 10.0.0.1
        ("8.8.8.8", None),
        ("::ffff:8.8.8.8", None),
        ("2400:3200::1", None),
    ],
)
def test_address_kinds(address: str, kind: str | None) -> None:
    parsed = ip_literal(address)
    assert parsed is not None
    assert non_public(parsed) == kind
