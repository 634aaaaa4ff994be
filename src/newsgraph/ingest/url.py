"""Guarded URL fetching: http(s) only, public addresses only, redirects checked, size and type capped.

Every hop (the URL and each redirect, followed here by hand) is resolved with DNS first and
refused when any address it resolves to is loopback, private, link-local (cloud metadata lives
at 169.254.169.254), multicast, reserved or otherwise not globally routable, unless the caller
passes ``allow_private`` (``--allow-private``). The body is read in chunks and cut off at the
configured size limit; only HTML and plain text are accepted.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from newsgraph import __version__
from newsgraph.errors import FetchError, TooLargeError
from newsgraph.ingest.settings import settings

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


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise :class:`FetchError` unless ``url`` is http(s) and its host resolves only to public addresses."""
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
    for address in resolve(host, port, source=url):
        if not allow_private and not is_public(address):
            raise FetchError(
                f"{host} resolves to {address}, a private/loopback/reserved address; "
                "pass --allow-private (allow_private=True) to fetch from your own network",
                source=url,
            )


def resolve(host: str, port: int, *, source: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(
            f"cannot resolve host {host!r} ({exc}); check the URL and your network", source=source
        ) from exc
    addresses = []
    for info in infos:
        raw = str(info[4][0]).split("%")[0]  # drop an IPv6 zone id
        address = ipaddress.ip_address(raw)
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        addresses.append(address)
    return addresses


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable unicast (``is_global`` already excludes private, loopback, link-local, reserved)."""
    return address.is_global and not address.is_multicast


def fetch(url: str, *, allow_private: bool = False) -> Fetched:
    """Download an article page, following at most ``NEWSGRAPH_MAX_REDIRECTS`` checked redirects."""
    limits = settings()
    timeout = httpx.Timeout(limits.fetch_timeout)
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(limits.max_redirects + 1):
            check_url(current, allow_private=allow_private)
            try:
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    return _read(response, url=current, source=url, max_bytes=limits.max_bytes)
            except httpx.TimeoutException as exc:
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


def _read(response: httpx.Response, *, url: str, source: str, max_bytes: int) -> Fetched:
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
    return Fetched(url=url, data=b"".join(chunks), content_type=media, charset=response.charset_encoding)
