"""Guarded URL fetching, against a local http.server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from newsgraph.errors import FetchError, TooLargeError
from newsgraph.ingest import SourceItem
from newsgraph.ingest import url as url_module
from newsgraph.ingest.loader import expand_sources, load
from newsgraph.ingest.url import check_url, fetch

PAGE = (
    "<html><head><title>Pipeline deal signed after years of talks</title></head><body>"
    "<nav>Home | World</nav><article><h1>Pipeline deal signed after years of talks</h1>"
    "<p>Two neighbouring states signed an agreement on Friday to build a gas pipeline across their border, "
    "ending a dispute over transit fees that had lasted nearly a decade.</p>"
    "<p>The line is expected to cost about 1.2 billion dollars and to open within four years.</p>"
    "</article></body></html>"
)
TEXT = "Grain ships leave port\n\nThree grain ships left the port on Monday under a new inspection regime.\n"


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {
        "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode()),
        "/story.txt": (200, {"Content-Type": "text/plain; charset=windows-1252"}, TEXT.encode("cp1252")),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ..."),
        "/moved": (302, {"Location": "/article.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-private": (301, {"Location": "http://10.1.2.3/secret"}, b""),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>"),
    }

    def do_GET(self) -> None:
        if self.path.startswith("/drip"):
            # One byte every 0.2 s for as long as the client listens: a slow-drip attack.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                self.wfile.write(b"<html><body><p>")
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
            return
        status, headers, body = self.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://[::1]/",
        "http://10.0.0.5/",
        "http://192.168.1.1/admin",
        "http://172.16.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.100.100.200/",
        "http://224.0.0.1/",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
        "http://metadata.google.internal/computeMetadata/v1/",
    ],
)
def test_private_and_special_addresses_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match=r"private|metadata"):
        check_url(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/a.txt", "gopher://x/", "http:///path"]
)
def test_only_http_urls_with_a_host(url: str) -> None:
    with pytest.raises(FetchError, match=r"http|host"):
        check_url(url)


def test_public_address_passes_the_guard() -> None:
    assert url_module.is_public(ipaddress.ip_address("93.184.216.34"))
    assert not url_module.is_public(ipaddress.ip_address("fd00:ec2::254"))


def test_fetch_html_from_local_server(server: str) -> None:
    [item] = expand_sources([f"{server}/article.html"], allow_private=True)
    raw = load(item)
    assert raw.title == "Pipeline deal signed after years of talks"
    assert "transit fees" in raw.body and "Home | World" not in raw.body
    assert raw.url == f"{server}/article.html"


def test_loopback_refused_without_allow_private(server: str) -> None:
    [item] = expand_sources([f"{server}/article.html"])
    with pytest.raises(FetchError, match="allow-private"):
        load(item)


def test_text_with_declared_charset(server: str) -> None:
    raw = load(SourceItem(source="s", url=f"{server}/story.txt", allow_private=True))
    assert raw.title == "Grain ships leave port" and "inspection regime" in raw.body


def test_redirect_is_followed_and_reported(server: str) -> None:
    raw = load(SourceItem(source="s", url=f"{server}/moved", allow_private=True))
    assert raw.url == f"{server}/article.html"


def test_redirect_loop_stops(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_MAX_REDIRECTS", "3")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(f"{server}/loop", allow_private=True)


def test_every_redirect_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # let the local server count as public so that only the redirect target is judged
    original = url_module.is_public
    loopback = ipaddress.ip_address("127.0.0.1")
    monkeypatch.setattr(url_module, "is_public", lambda a: a == loopback or original(a))
    assert fetch(f"{server}/article.html").data.startswith(b"<html>")
    with pytest.raises(FetchError, match=r"10\.1\.2\.3"):
        fetch(f"{server}/to-private")


def test_wrong_content_type(server: str) -> None:
    with pytest.raises(FetchError, match="application/pdf"):
        fetch(f"{server}/report.pdf", allow_private=True)


def test_http_error_status(server: str) -> None:
    with pytest.raises(FetchError, match="404"):
        fetch(f"{server}/missing", allow_private=True)


def test_size_cap(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_MAX_BYTES", "1000")
    with pytest.raises(TooLargeError):
        fetch(f"{server}/big", allow_private=True)


def test_refused_connection() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="refused or is unreachable"):
        fetch(f"http://127.0.0.1:{port}/", allow_private=True)


def test_unresolvable_host() -> None:
    with pytest.raises(FetchError, match="cannot resolve"):
        check_url("http://no-such-host.invalid/story")


def test_connects_to_the_vetted_address_not_a_second_lookup(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "news.test" resolves (in this test) to the local server; httpx never resolves it again,
    # so an attacker's DNS cannot swap in another address after the check (DNS rebinding).
    port = int(server.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    lookups: list[str] = []

    def fake(host: str, *args: object, **kwargs: object) -> object:
        if host == "news.test":
            lookups.append(host)
            if len(lookups) > 1:  # a rebinding resolver would answer differently the second time
                raise socket.gaierror("second lookup")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    fetched = fetch(f"http://news.test:{port}/article.html", allow_private=True)
    assert fetched.url == f"http://news.test:{port}/article.html"
    assert b"Pipeline deal signed" in fetched.data
    assert lookups == ["news.test"]


def test_localhost_with_allow_private(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    assert fetch(f"http://localhost:{port}/article.html", allow_private=True).content_type == "text/html"


def test_slow_drip_is_cut_by_the_minimum_rate(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each read returns quickly (one byte), so no per-read timeout would ever fire.
    monkeypatch.setattr("newsgraph.ingest.url.RATE_GRACE", 0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="bytes/s, under the 2,048 bytes/s minimum"):
        fetch(f"{server}/drip", allow_private=True)
    assert time.monotonic() - started < 20


def test_whole_fetch_deadline(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_FETCH_DEADLINE", "1.5")
    monkeypatch.setenv("NEWSGRAPH_MIN_RATE", "0.001")  # only the deadline can stop it
    with pytest.raises(FetchError, match=r"the whole fetch took over 1.5 s .*NEWSGRAPH_FETCH_DEADLINE"):
        fetch(f"{server}/drip", allow_private=True)


def test_deadline_settings_are_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.errors import ConfigError
    from newsgraph.ingest.settings import settings

    monkeypatch.setenv("NEWSGRAPH_FETCH_DEADLINE", "soon")
    with pytest.raises(ConfigError, match="NEWSGRAPH_FETCH_DEADLINE='soon' is not a number"):
        settings()
