"""The REST API, tested against its real server process on 127.0.0.1 (started and stopped here)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from newsgraph.out.json import check_analysis

ARTICLE = (
    "Ceasefire talks resume in Doha\n\n"
    "Negotiators from both sides met in Doha on 14 February 2024, the Qatari foreign ministry said.\n\n"
    "The World Bank has promised $300 million for reconstruction, according to a statement."
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    db = tmp_path_factory.mktemp("api") / "corpus.duckdb"
    exe = Path(sys.executable).with_name("newsgraph")
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--db", str(db), "--queue", "1", "--max-body-mb", "2",
         "--allow-url-fetch"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "NEWSGRAPH_API_KEY": ""},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"server did not start: {proc.stdout.read() if proc.stdout else ''!r}")
    yield base
    proc.terminate()
    proc.wait(timeout=30)


def post(base: str, body: bytes | str, content_type: str = "application/json") -> httpx.Response:
    return httpx.post(f"{base}/v1/analyze", content=body, headers={"content-type": content_type}, timeout=120)


def test_analyze_text_returns_a_sound_analysis_and_stores_it(server: str) -> None:
    response = post(server, json.dumps({"text": ARTICLE, "date": "2024-02-20", "store": True}))
    assert response.status_code == 200
    data = response.json()
    assert check_analysis(data) == []
    assert data["document"]["reference_date"] == "2024-02-20"
    listed = httpx.get(f"{server}/v1/documents").json()
    assert data["document"]["id"] in {d["id"] for d in listed}
    stored = httpx.get(f"{server}/v1/documents/{data['document']['id']}").json()
    assert stored["document"]["body"] == data["document"]["body"]
    report = httpx.get(f"{server}/v1/documents/{data['document']['id']}/report")
    assert report.status_code == 200 and "Content-Security-Policy" in report.text


def test_bad_inputs_get_clear_4xx_answers(server: str) -> None:
    assert post(server, b"", "application/json").status_code == 422  # empty body
    assert post(server, json.dumps({"text": "   "})).status_code == 422  # empty article
    assert post(server, b"plain words", "text/plain").status_code == 415  # wrong content type
    assert post(server, json.dumps({"text": "abc", "html": "<p>x</p>"})).status_code == 422  # two inputs
    binary = post(server, json.dumps({"text": "\x00\x01\x02\xff" * 200}))
    assert binary.status_code in (415, 422)
    big = post(server, json.dumps({"text": "word " * (11 * 1024 * 1024)}))  # ~55 MB, over the 2 MB cap
    assert big.status_code == 413
    for response in (binary, big):
        assert "error" in response.json() and "Traceback" not in response.text


def test_hostile_html_is_analyzed_as_text(server: str) -> None:
    html = (
        "<html><head><title>Port <script>alert(1)</script> reopens</title></head><body><article>"
        "<p>The port of Mombasa reopened on 3 May 2021 after repairs, officials said.</p>"
        "<p><img src=x onerror=alert(2)>Cargo volumes fell by 12 percent in April.</p>"
        "<script>document.write('pwned')</script></article></body></html>"
    )
    response = post(server, json.dumps({"html": html}))
    assert response.status_code == 200
    body = response.json()["document"]["body"]
    assert "Mombasa" in body and "pwned" not in body and "onerror" not in body


def test_private_address_urls_are_refused(server: str) -> None:
    response = post(server, json.dumps({"url": "http://127.0.0.1:9/"}))
    assert response.status_code in (422, 502)
    assert "private" in response.text.lower() or "loopback" in response.text.lower()


def test_overload_sheds_with_429_never_500(server: str) -> None:
    long_article = (
        ARTICLE
        + "\n\n"
        + "\n\n".join(
            f"On {d} March 2023 the council met again in Doha and approved ${d} million in aid."
            for d in range(1, 29)
        )
    )
    body = json.dumps({"text": long_article * 3})
    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = Counter(r.status_code for r in pool.map(lambda _: post(server, body), range(12)))
    assert codes[200] >= 1
    assert codes[429] >= 1
    assert set(codes) <= {200, 429, 503}
    assert httpx.get(f"{server}/healthz").json()["status"] == "ok"


def test_corpus_routes_answer_json(server: str) -> None:
    for path in (
        "/v1/entities?q=doha",
        "/v1/claims?min_checkworthy=0.1",
        "/v1/events?from=2020-01-01&to=2030-01-01",
    ):
        response = httpx.get(server + path)
        assert response.status_code == 200, path
        assert isinstance(response.json(), list)
    assert httpx.get(f"{server}/v1/documents/nope").status_code == 404


def test_openapi_documents_the_analysis_format(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    analyze = spec["paths"]["/v1/analyze"]["post"]
    assert analyze["responses"]["200"]["content"]["application/json"]["schema"]["title"].startswith(
        "newsgraph/1"
    )
    assert "examples" in json.dumps(analyze["requestBody"])


def test_binding_beyond_loopback_needs_an_api_key() -> None:
    exe = Path(sys.executable).with_name("newsgraph")
    result = subprocess.run(
        [str(exe), "serve", "--host", "0.0.0.0", "--port", str(_free_port())],
        capture_output=True, text=True, timeout=60, env={k: v for k, v in os.environ.items() if k != "NEWSGRAPH_API_KEY"},
    )  # fmt: skip
    assert result.returncode == 2
    assert "api-key" in result.stderr.lower()


def test_deeply_nested_json_is_a_400_not_a_crash(server: str) -> None:
    response = post(server, "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400
    assert "nested" in response.json()["error"]
    # a server that survived answers the next request normally
    assert post(server, json.dumps({"text": "The mayor of Lyon resigned on Monday."})).status_code == 200


def test_invalid_reference_date_is_a_422(server: str) -> None:
    response = post(server, json.dumps({"text": "The mayor resigned on Monday.", "date": "next tuesday"}))
    assert response.status_code == 422
    assert "is not a date" in response.json()["error"]


def test_json_depth_ignores_brackets_inside_strings() -> None:
    from newsgraph.api.app import json_depth

    assert json_depth(b'{"text": "[[[[{{{{ \\" ]]"}') == 1
    assert json_depth(b"[[[]]]") == 3
