"""Guarded URL fetching: http(s) only, public addresses only, redirects checked, size and type capped.

Every hop (the URL and each redirect, followed here by hand) is resolved with DNS first and
refused when any address it resolves to is loopback, private, link-local (cloud metadata lives
at 169.254.169.254), multicast, reserved or otherwise not globally routable, unless the caller
passes ``allow_private`` (``--allow-private``). The body is read in chunks and cut off at the
configured size limit; only HTML and plain text are accepted.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from newsgraph._version import __version__
from newsgraph.errors import FetchError, TooLargeError
from newsgraph.ingest.settings import RATE_GRACE, settings

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Addresses of cloud metadata services that are globally routable in form but must never be fetched.
_METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"}
)
USER_AGENT = f"newsgraph/{__version__} (+https://github.com/newsgraph)"


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str  # media type without parameters ("" when the server sent none)
    charset: str | None


Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_url(url: str, *, allow_private: bool = False) -> list[Address]:
    """The addresses ``url``'s host resolves to; :class:`FetchError` unless it is http(s) and they are public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(
            f"only http:// and https:// URLs can be fetched, not {parts.scheme or 'this'}:", source=url
        )
    host = parts.hostname
    if not host:
        raise FetchError(
            "the URL has no host name; give a full URL such as https://example.org/story", source=url
        )
    if host.lower().rstrip(".") in _METADATA_HOSTS and not allow_private:
        raise FetchError(f"{host} is a cloud metadata service and is never fetched", source=url)
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise FetchError(f"the URL has a bad port: {exc}", source=url) from exc
    addresses = resolve(host, port, source=url)
    for address in addresses:
        if not allow_private and not is_public(address):
            raise FetchError(
                f"{host} resolves to {address}, a private/loopback/reserved address; "
                "pass --allow-private (allow_private=True) to fetch from your own network",
                source=url,
            )
    return addresses


def resolve(host: str, port: int, *, source: str) -> list[Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r} ({exc}); check the URL and your network", source=source
        ) from exc
    addresses: list[Address] = []
    for info in infos:
        raw = str(info[4][0]).split("%")[0]  # drop an IPv6 zone id
        address = ipaddress.ip_address(raw)
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address not in addresses:
            addresses.append(address)
    return addresses


def is_public(address: Address) -> bool:
    """Globally routable unicast (``is_global`` already excludes private, loopback, link-local, reserved)."""
    return address.is_global and not address.is_multicast


def fetch(url: str, *, allow_private: bool = False) -> Fetched:
    """Download an article page, following at most ``NEWSGRAPH_MAX_REDIRECTS`` checked redirects."""
    limits = settings()
    clock = _Clock(limits.fetch_deadline)
    current = url
    with httpx.Client(follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(limits.max_redirects + 1):
            addresses = check_url(current, allow_private=allow_private)
            try:
                # Each connect and read may take at most what is left of the whole fetch.
                timeout = httpx.Timeout(min(limits.fetch_timeout, clock.left(source=url)))
                with _open(client, current, addresses, timeout) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read(
                        response, url=current, source=url, max_bytes=limits.max_bytes, clock=clock,
                        min_rate=limits.min_rate,
                    )  # fmt: skip
            except httpx.TimeoutException as exc:
                if clock.expired():
                    raise clock.error(url) from exc
                raise FetchError(
                    f"timed out after {limits.fetch_timeout:g} s; retry or raise NEWSGRAPH_FETCH_TIMEOUT",
                    source=url,
                ) from exc
            except httpx.HTTPError as exc:
                raise FetchError(
                    f"could not fetch ({type(exc).__name__}: {exc}); the server refused or is unreachable, "
                    "check the URL or save the page and pass the file",
                    source=url,
                ) from exc
    raise FetchError(f"more than {limits.max_redirects} redirects; give the final URL instead", source=url)


@contextlib.contextmanager
def _open(
    client: httpx.Client, url: str, addresses: list[Address], timeout: httpx.Timeout
) -> Iterator[httpx.Response]:
    """GET ``url`` from one of the vetted addresses, never from a fresh DNS answer.

    Connecting to the checked IP (with the real host in the Host header and as the TLS server
    name) closes the DNS-rebinding gap between the check and the request. Addresses are tried in
    order until one accepts the connection.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    headers = {"Host": host if parts.port is None else f"{host}:{parts.port}"}
    extensions = {"sni_hostname": host} if parts.scheme.lower() == "https" else {}
    last: httpx.ConnectError | None = None
    for address in addresses:
        literal = f"[{address}]" if address.version == 6 else str(address)
        netloc = literal if parts.port is None else f"{literal}:{parts.port}"
        pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
        request = client.build_request("GET", pinned, headers=headers, extensions=extensions, timeout=timeout)
        try:
            response = client.send(request, stream=True)
        except httpx.ConnectError as exc:
            last = exc
            continue
        try:
            yield response
        finally:
            response.close()
        return
    raise last if last is not None else httpx.ConnectError(f"no address for {host}")


class _Clock:
    """The whole fetch's deadline, across redirects: connect, headers and body together."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.started = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def expired(self) -> bool:
        return self.elapsed() >= self.deadline

    def left(self, *, source: str) -> float:
        left = self.deadline - self.elapsed()
        if left <= 0:
            raise self.error(source)
        return left

    def error(self, source: str) -> FetchError:
        return FetchError(
            f"the whole fetch took over {self.deadline:g} s (connect, headers and body); the server is too "
            "slow: retry later, save the page and pass the file, or raise NEWSGRAPH_FETCH_DEADLINE",
            source=source,
        )


def _read(
    response: httpx.Response, *, url: str, source: str, max_bytes: int, clock: _Clock, min_rate: float
) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(
            f"the server answered HTTP {response.status_code} {response.reason_phrase}; check the URL",
            source=source,
        )
    content_type = response.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    if media and media not in ACCEPTED_TYPES:
        raise FetchError(f"the URL serves {media}, not HTML or text; give an article page", source=source)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLargeError(
            f"the page is {int(declared):,} bytes, over the {max_bytes:,}-byte limit; "
            "raise NEWSGRAPH_MAX_BYTES",
            source=source,
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise TooLargeError(
                f"the page is over the {max_bytes:,}-byte limit; raise NEWSGRAPH_MAX_BYTES", source=source
            )
        chunks.append(chunk)
        elapsed = clock.elapsed()
        if elapsed >= clock.deadline:
            raise clock.error(source)
        if elapsed > RATE_GRACE and size / elapsed < min_rate:
            raise FetchError(
                f"the server sends {size / elapsed:,.0f} bytes/s, under the {min_rate:,.0f} bytes/s minimum; "
                "retry later, save the page and pass the file, or lower NEWSGRAPH_MIN_RATE",
                source=source,
            )
    return Fetched(url=url, data=b"".join(chunks), content_type=media, charset=response.charset_encoding)
