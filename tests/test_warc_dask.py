"""WARC input and crawl-scale ingestion on a local Dask cluster, end to end."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow.parquet as pq

from newsgraph.corpus import distributed
from newsgraph.corpus.store import Store
from newsgraph.ingest.loader import expand_sources, load
from newsgraph.ingest.warc import declared_language

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PAGE = """<html lang="en"><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>{body}</p><p>Officials gave the figures on {date}.</p></article>
<footer>Share this story</footer></body></html>"""

STORIES = [
    (
        "Dam repairs finish in Mosul",
        "Engineers completed grouting work at the Mosul dam, the ministry said.",
        "4 June 2019",
    ),
    (
        "Port of Aden reopens",
        "The port of Aden resumed container traffic after a two-week closure.",
        "12 May 2020",
    ),
    (
        "Flood aid reaches Sindh",
        "Aid agencies delivered $20 million of supplies to Sindh province.",
        "2 October 2022",
    ),
]


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)

        def add(uri: str, payload: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
            )

        for i, (title, body, date) in enumerate(STORIES):
            add(
                f"https://news.example.org/{i}",
                PAGE.format(title=title, body=body, date=date).encode(),
                "text/html; charset=utf-8",
            )
        for example in sorted(EXAMPLES.glob("*.html")):
            add(f"https://news.example.org/{example.stem}", example.read_bytes(), "text/html")
        add("https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n0000", "image/png")
        add(
            "https://news.example.org/fr",
            b'<html lang="fr"><body><p>Bonjour tout le monde</p></body></html>',
            "text/html",
        )
        add(
            "https://news.example.org/gone",
            b"<html><body>Not found</body></html>",
            "text/html",
            "404 Not Found",
        )


def test_warc_selects_english_html_responses(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(expand_sources([str(warc)]))
    expected = len(STORIES) + len(list(EXAMPLES.glob("*.html")))
    assert len(items) == expected
    assert all(i.source.startswith(f"{warc}#") and i.url and i.url.startswith("https://") for i in items)
    assert "Mosul dam" in load(items[0]).body


def test_a_broken_warc_is_one_failed_item(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a warc file at all")
    items = list(expand_sources([str(bad)]))
    assert len(items) == 1 and items[0].error is not None


def test_declared_language() -> None:
    assert declared_language(b'<!doctype html><html class="x" lang="en-GB">') == "en"
    assert declared_language(b"<html><body>") is None


def test_dask_ingest_writes_parquet_and_loads_once(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    items = list(expand_sources([str(warc)]))
    out = tmp_path / "dataset"
    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        summary = distributed.run(items, out, client=client, partition_size=2)
        # A re-run (as after a lost worker) rewrites the same partitions instead of adding rows.
        distributed.run(items, out, client=client, partition_size=2)
    assert summary.documents == len(items) and summary.failed == 0
    table = pq.read_table(out / "documents")
    assert table.num_rows == len(items)
    assert len(set(table["doc_id"].to_pylist())) == len(items)
    with Store(tmp_path / "c.duckdb") as store:
        assert distributed.load_dataset(out, store) == len(items)
        assert distributed.load_dataset(out, store) == 0
        assert store.count("documents") == len(items)
