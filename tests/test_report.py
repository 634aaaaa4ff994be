"""The HTML dossier without a browser: escaping, the CSP, the inlined data, and the derived tables."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import itertools
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from newsgraph.out.html import render_html
from newsgraph.out.html.dates import first_day, last_day
from newsgraph.out.html.geometry import Topology, countries_from_topology, path_d
from newsgraph.out.html.ledger import build_ledger
from newsgraph.out.html.render import _environment, json_for_script
from newsgraph.out.html.sample import HOSTILE_PARAGRAPH, HOSTILE_TITLE, sample_analysis
from newsgraph.out.html.sentences import sentence_around
from newsgraph.out.html.timeline import build_timeline
from newsgraph.out.html.view import build_graph, build_markers


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text inside <script> blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))
            else:
                self.styles.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in == "style":
            self.styles[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample_analysis())


@pytest.fixture(scope="module")
def hostile_page() -> str:
    return render_html(sample_analysis(hostile=True))


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_csp_forbids_every_request_and_allows_exactly_our_script_and_style(page: str) -> None:
    parsed = _parse(page)
    csp = next(
        a["content"]
        for t, a in parsed.tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    code = [text for attrs, text in parsed.scripts if "type" not in attrs]
    assert len(code) == 1
    assert directives["script-src"] == _sha(code[0])
    assert directives["style-src"] == _sha(parsed.styles[0])


def test_page_references_nothing_outside_itself(page: str) -> None:
    for tag, attrs in _parse(page).tags:
        for name in ("src", "href", "action", "poster", "srcset"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), (tag, name, value)
    assert "@import" not in page and "url(http" not in page


def test_data_block_round_trips_the_analysis(page: str) -> None:
    parsed = _parse(page)
    block = next(text for attrs, text in parsed.scripts if attrs.get("id") == "ng-data")
    payload = json.loads(block)
    assert payload["analysis"] == sample_analysis().to_dict()
    assert payload["view"]["counts"]["claims"] == len(sample_analysis().claims)


def test_json_for_script_cannot_close_its_block() -> None:
    nasty = {"t": "</script><script>x()</script><!-- ]]> & \u2028 \u2029 </SCRIPT >"}
    text = json_for_script(nasty)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == nasty


def test_jinja_autoescapes() -> None:
    env = _environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b onmouseover=y>") == "&lt;b onmouseover=y&gt;"


def test_hostile_article_stays_text(hostile_page: str) -> None:
    parsed = _parse(hostile_page)
    tags = [t for t, _ in parsed.tags]
    # Only our two script blocks exist, and no element of the article's markup became a tag.
    assert tags.count("script") == 2
    assert "img" not in tags and "b" not in tags
    assert hostile_page.lower().count("</script") == 2
    assert "<!--" not in hostile_page
    for attrs in (a for _, a in parsed.tags):
        assert not any(k.startswith("on") for k in attrs), attrs
    # The title is escaped where the server writes it, and present verbatim in the data.
    assert "&lt;/script&gt;&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in hostile_page
    block = next(text for attrs, text in parsed.scripts if attrs.get("id") == "ng-data")
    data = json.loads(block)["analysis"]
    assert data["document"]["title"] == HOSTILE_TITLE
    assert HOSTILE_PARAGRAPH in data["document"]["body"]


def test_sample_is_small_and_world_outlines_are_inlined_when_installed(page: str) -> None:
    assert len(page.encode()) < 1_000_000
    world = json.loads(next(t for a, t in _parse(page).scripts if a.get("id") == "ng-data"))["world"]
    if not world:
        pytest.skip("world-atlas outlines not installed (scripts/postinstall.d/50-report-assets.sh)")
    assert len(world) > 150 and all(c["d"].startswith("M") for c in world)


# ---- dates, sentences, geometry ----


def test_dates_of_any_precision() -> None:
    assert first_day("2014") == dt.date(2014, 1, 1) and last_day("2014") == dt.date(2014, 12, 31)
    assert last_day("2016-02") == dt.date(2016, 2, 29) and last_day("2015-02") == dt.date(2015, 2, 28)
    assert first_day("2015-07-04") == last_day("2015-07-04") == dt.date(2015, 7, 4)
    assert first_day(None) is None and first_day("PRESENT_REF") is None and last_day("2014-13") is None


def test_sentence_around_prefers_known_spans_then_punctuation() -> None:
    body = "First one here. The fee rose to $3m. Third.\n\nNew paragraph"
    start = body.index("$3m")
    s, e = sentence_around(body, start, start + 3)
    assert body[s:e] == "The fee rose to $3m."
    assert sentence_around(body, start, start + 3, [(0, len(body))]) == (0, len(body))
    s, e = sentence_around(body, body.index("New"), body.index("New") + 3)
    assert body[s:e] == "New paragraph"


def _topology() -> dict[str, Any]:
    # Two squares sharing an edge, quantized and delta-encoded as TopoJSON does it.
    return {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [
            [[0, 0], [0, 2]],  # shared edge, upward: (10,20)->(10,22)
            [[0, 2], [-2, 0], [0, -2], [2, 0]],  # left square's other three sides
            [[0, 0], [2, 0], [0, 2], [-2, 0]],  # right square's other three sides
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
                    {"type": "Polygon", "arcs": [[2, -1]], "properties": {"name": "East"}},
                ],
            }
        },
    }


def test_topology_decodes_quantized_arcs_and_reversed_references() -> None:
    topo = Topology(_topology())
    assert topo.arcs[0] == [(10, 20), (10, 22)]
    assert topo.ring([2, -1]) == [(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]
    countries = countries_from_topology(_topology())
    assert [c["name"] for c in countries] == ["West", "East"]
    assert countries[1]["d"] == "M10.0 -20.0L12.0 -20.0L12.0 -22.0L10.0 -22.0L10.0 -20.0Z"


def test_ring_across_the_antimeridian_is_drawn_on_both_sides_not_across_the_map() -> None:
    ring = [(179.0, 10.0), (-179.0, 10.0), (-179.0, 12.0), (179.0, 12.0), (179.0, 10.0)]
    d = path_d([[ring]])
    assert d.count("M") == 2
    for sub in d.split("M")[1:]:
        xs = [float(x) for x in re.findall(r"(?:^|L)(-?\d+\.\d)", sub)]
        assert max(abs(a - b) for a, b in itertools.pairwise(xs)) <= 2.0
    assert "181.0" in d and "-181.0" in d


# ---- the derived tables (the newsgraph/1 dict in, plain data out) ----


def _doc(body: str, reference: str | None = "2020-06-30") -> dict[str, Any]:
    return {
        "document": {
            "body": body,
            "reference_date": reference,
            "reference_date_method": "given",
            "reference_date_confidence": 1,
        },
        "entities": [],
        "times": [],
        "amounts": [],
        "places": [],
        "events": [],
        "relations": [],
        "claims": [],
    }


def _at(body: str, phrase: str) -> dict[str, int]:
    start = body.index(phrase)
    return {"start": start, "end": start + len(phrase)}


def test_ledger_rate_runs_to_the_reference_date_and_flows_sum_by_payer_and_payee() -> None:
    body = (
        "The ministry has paid the contractor $2 million a month since January 2019. It also paid $5 million."
    )
    d = _doc(body)
    d["entities"] = [
        {"id": "e1", "name": "Ministry", "type": "ORG", "mentions": []},
        {"id": "e2", "name": "Contractor", "type": "ORG", "mentions": []},
    ]
    d["times"] = [
        {"id": "t1", "text": "since January 2019", **_at(body, "since January 2019"), "earliest": "2019-01"}
    ]
    d["amounts"] = [
        {
            "id": "a1",
            "text": "$2 million a month",
            **_at(body, "$2 million a month"),
            "value": 2_000_000,
            "currency": "USD",
            "per": "month",
            "qualifier": "exact",
            "time": "t1",
        },
        {
            "id": "a2",
            "text": "$5 million",
            **_at(body, "$5 million"),
            "value": 5_000_000,
            "currency": "USD",
            "qualifier": "exact",
        },
    ]
    d["relations"] = [
        {
            "id": "r1",
            "subject": "e1",
            "predicate": "pays",
            "object": "e2",
            "evidence": {"start": 0, "end": len(body)},
        }
    ]
    ledger = build_ledger(d)
    a1 = next(r for r in ledger["rows"] if r["id"] == "a1")
    assert (a1["payer_name"], a1["payee_name"], a1["said_by"]) == ("Ministry", "Contractor", "r1")
    assert a1["to_reference"] and a1["to"] == "2020-06-30"
    days = (dt.date(2020, 6, 30) - dt.date(2019, 1, 1)).days
    assert a1["periods"] == pytest.approx(round(days / 30.436875, 1))
    assert a1["total"] == pytest.approx(2_000_000 * a1["periods"])
    (flow,) = ledger["flows"]
    assert flow["counted"] == ["a1", "a2"] and flow["approx"]
    assert flow["total"] == pytest.approx(a1["total"] + 5_000_000)


def test_ledger_leaves_out_parts_bounds_and_repeats_and_uses_the_event_nearest_the_amount() -> None:
    body = "Of the $9 million raised, $4 million was sent by the fund to the clinic. "
    body += "Up to $1 million more. $9 million."
    d = _doc(body, reference=None)
    d["entities"] = [
        {"id": "e1", "name": "Fund", "type": "ORG", "mentions": []},
        {"id": "e2", "name": "Clinic", "type": "ORG", "mentions": []},
    ]
    d["amounts"] = [
        {"id": "a1", "text": "$9 million", **_at(body, "$9 million"), "value": 9_000_000, "currency": "USD"},
        {
            "id": "a2",
            "text": "$4 million",
            **_at(body, "$4 million"),
            "value": 4_000_000,
            "currency": "USD",
            "part_of": "a1",
        },
    ]
    d["events"] = [
        {
            "id": "v1",
            "type": "AID",
            "subtype": "transfer",
            "trigger": {**_at(body, "sent"), "text": "sent"},
            "sentence": {"start": 0, "end": body.index("clinic.") + 7},
            "participants": [{"entity": "e1", "role": "agent"}, {"entity": "e2", "role": "recipient"}],
        }
    ]
    rows = {r["id"]: r for r in build_ledger(d)["rows"]}
    # The event moves the $4m (nearest its trigger), not the $9m whole.
    assert (rows["a2"]["payer"], rows["a2"]["payee"]) == ("e1", "e2")
    assert rows["a1"]["payer"] is None
    assert rows["a1"]["parts"] == ["a2"] and rows["a2"]["part_of_text"] == "$9 million"
    (flow,) = build_ledger(d)["flows"]
    assert flow["counted"] == [] and flow["left_out"] == ["a2"] and flow["total"] is None

    # Bounds and a repeated figure are not added to a flow.
    d["amounts"].append(
        {
            "id": "a3",
            "text": "Up to $1 million",
            **_at(body, "Up to $1 million"),
            "value": 1_000_000,
            "currency": "USD",
            "qualifier": "at_most",
        }
    )
    d["relations"] = [
        {
            "id": "r1",
            "subject": "e1",
            "predicate": "funds",
            "object": "e2",
            "evidence": {"start": 0, "end": len(body)},
        }
    ]
    last = body.rindex("$9 million")
    d["amounts"].append(
        {
            "id": "a4",
            "text": "$9 million",
            "start": last,
            "end": last + 10,
            "value": 9_000_000,
            "currency": "USD",
        }
    )
    (flow,) = build_ledger(d)["flows"]
    assert flow["counted"] == ["a1"] and sorted(flow["left_out"]) == ["a2", "a3", "a4"]
    assert flow["total"] == 9_000_000 and not flow["approx"]


def test_ledger_keeps_non_money_quantities_apart() -> None:
    body = "About 300 families left."
    d = _doc(body)
    d["amounts"] = [
        {
            "id": "a1",
            "text": "About 300",
            **_at(body, "About 300"),
            "value": 300,
            "unit": "people",
            "qualifier": "approx",
        }
    ]
    ledger = build_ledger(d)
    assert ledger["rows"] == [] and [o["id"] for o in ledger["other"]] == ["a1"]


def test_timeline_marks_vague_and_open_ends() -> None:
    body = "x" * 200
    d = _doc(body, reference="2019-05-01")
    d["times"] = [
        {
            "id": "t1",
            "text": "early 2018",
            "start": 0,
            "end": 5,
            "value": "2018",
            "mod": "START",
            "earliest": "2018-01-01",
            "latest": "2018-04-30",
        },
        {
            "id": "t2",
            "text": "late 2017",
            "start": 6,
            "end": 9,
            "value": "2017",
            "mod": "END",
            "earliest": "2017-09-01",
            "latest": "2017-12-31",
        },
        {
            "id": "t3",
            "text": "spring 2016",
            "start": 10,
            "end": 15,
            "value": "2016-SP",
            "earliest": "2016-03-01",
            "latest": "2016-05-31",
        },
        {
            "id": "t4",
            "text": "since 2015",
            "start": 16,
            "end": 20,
            "value": "2015",
            "mod": "AFTER",
            "earliest": "2015-01-01",
            "latest": None,
        },
        {
            "id": "t5",
            "text": "on 3 May 2014",
            "start": 21,
            "end": 25,
            "value": "2014-05-03",
            "earliest": "2014-05-03",
            "latest": "2014-05-03",
        },
    ]
    d["events"] = [
        {
            "id": f"v{i}",
            "type": "ASSAULT",
            "subtype": "raid",
            "trigger": {"start": 30 + i, "end": 31 + i, "text": "x"},
            "sentence": {"start": 0, "end": 100},
            "participants": [],
            "time": f"t{i}",
        }
        for i in range(1, 6)
    ]
    d["events"].append(
        {
            "id": "v9",
            "type": "AID",
            "trigger": {"start": 50, "end": 51, "text": "x"},
            "sentence": {"start": 0, "end": 100},
            "participants": [],
        }
    )  # undated: not drawn
    d["claims"] = [
        {
            "id": "c1",
            "text": "x",
            "start": 0,
            "end": 100,
            "status": "asserted",
            "checkworthy": 0.5,
            "cues": [],
            "times": ["t2", "t1"],
            "entities": [],
            "places": [],
            "amounts": [],
        }
    ]
    items = {i["id"]: i for i in build_timeline(d)}
    assert set(items) == {"v1", "v2", "v3", "v4", "v5", "c1"}
    fuzz = {k: (v["fuzzy_start"], v["fuzzy_end"]) for k, v in items.items()}
    assert fuzz["v1"] == (False, True) and fuzz["v2"] == (True, False) and fuzz["v3"] == (True, True)
    assert fuzz["v5"] == (False, False) and items["v5"]["point"]
    assert items["v4"]["open_end"] and items["v4"]["end"] == "2019-05-01"
    # A claim spans the envelope of its times; its ends are as vague as the times that set them.
    assert (items["c1"]["start"], items["c1"]["end"]) == ("2017-09-01", "2018-04-30")
    assert fuzz["c1"] == (True, True)


def test_markers_merge_mentions_of_one_place_and_graph_has_only_related_entities() -> None:
    d = sample_analysis().to_dict()
    markers = build_markers(d)
    assert sorted(m["name"] for m in markers) == ["Panama City", "Santiago", "Valparaíso"]
    santiago = next(m for m in markers if m["name"] == "Santiago")
    assert len(santiago["places"]) == 2 and santiago["mentions"] == 2 and santiago["events"] == ["v5"]
    graph = build_graph(d)
    related = {r["subject"] for r in d["relations"]} | {r["object"] for r in d["relations"]}
    assert {n["id"] for n in graph["nodes"]} == related
    d["relations"].append({**d["relations"][0], "id": "r99", "object": "e404"})
    assert "r99" not in {e["id"] for e in build_graph(d)["edges"]}


def test_render_handles_an_article_with_no_records() -> None:
    from newsgraph.model import Analysis, Document, ReferenceDate

    doc = Document(
        "0" * 64, "empty.txt", None, None, (), None, ReferenceDate(None, "none", 0.0), "en", "Nothing."
    )
    page = render_html(Analysis(doc))
    assert "(untitled)" in page and "not found: relative dates are unresolved" in page
