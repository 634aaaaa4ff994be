"""Where sources agree and where they disagree.

For every event cluster reported by two or more documents, and every group of claims made by
two or more documents, this lists what each source says (dates, place, amounts, counts) and
flags differences: intervals that do not overlap, places more than ``SAME_PLACE_KM`` apart,
money or counts that differ by more than ``AMOUNT_TOLERANCE``.

Corroboration counts *independent* sources: documents from the same site, by the same author,
or whose bodies are near-copies (one wire story republished) count once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar
from urllib.parse import urlparse

from newsgraph.corpus.event_links import SAME_PLACE_KM, km
from newsgraph.corpus.store import Store
from newsgraph.corpus.unionfind import UnionFind

# Two reported figures "agree" when they are within 5% of each other: rounding ("some $1.7 billion"
# vs "$1.72 billion") stays an agreement, a different figure ("$400 million") does not.
AMOUNT_TOLERANCE = Decimal("0.05")
# Bodies sharing this share of their 5-word shingles are copies of one story.
COPY_SHINGLE_JACCARD = 0.5
# Differing values listed per kind (dates, places) before the rest is summed up in one line: a
# reader acts on the main conflicts; a cluster of hundreds of reports would print hundreds.
MAX_LISTED = 5


@dataclass
class SourceView:
    doc_id: str
    title: str | None
    site: str | None
    earliest: str | None = None
    latest: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    amounts: list[tuple[Decimal, str]] = field(default_factory=list)  # (value, unit or currency)
    text: str = ""


@dataclass
class Comparison:
    kind: str  # "event" or "claim"
    cluster_id: str
    label: str
    sources: list[SourceView]
    differences: list[str]
    independent_sources: int

    @property
    def agree(self) -> bool:
        return not self.differences

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "cluster_id": self.cluster_id,
            "label": self.label,
            "agree": self.agree,
            "differences": self.differences,
            "independent_sources": self.independent_sources,
            "sources": [
                {
                    "doc_id": s.doc_id, "title": s.title, "site": s.site, "earliest": s.earliest,
                    "latest": s.latest, "place": s.place,
                    "amounts": [{"value": float(v), "unit": u} for v, u in s.amounts], "text": s.text,
                }
                for s in self.sources
            ],
        }  # fmt: skip


def compare(store: Store) -> list[Comparison]:
    """Comparisons for every multi-source event cluster and claim group (run ``resolve`` first)."""
    docs = _documents(store)
    amounts = _Amounts(store)
    out = _event_comparisons(store, docs, amounts) + _claim_comparisons(store, docs, amounts)
    out.sort(key=lambda c: (c.agree, -len(c.sources), c.label))
    return out


def _documents(store: Store) -> dict[str, dict[str, Any]]:
    _, rows = store.query("SELECT doc_id, title, site, url, authors, body FROM documents")
    return {
        r[0]: {"title": r[1], "site": r[2] or (urlparse(r[3]).netloc if r[3] else None), "authors": r[4] or [],
               "body": r[5]}
        for r in rows
    }  # fmt: skip


class _Amounts:
    """The headline amounts (not parts of another amount) of the documents that are compared,
    read in one query instead of one per sentence."""

    def __init__(self, store: Store) -> None:
        self.by_doc: dict[str, list[tuple[int, int, Decimal, str]]] = defaultdict(list)
        _, rows = store.query(
            'SELECT a.doc_id, a.start, a."end", a.value, coalesce(a.currency, a.unit) FROM amounts a '
            "WHERE a.part_of IS NULL AND a.doc_id IN (SELECT doc_id FROM event_links UNION SELECT doc_id FROM claim_links)"
        )
        for doc_id, start, end, value, unit in rows:
            self.by_doc[doc_id].append((start, end, Decimal(str(value)), str(unit)))

    def within(self, doc_id: str, start: int, end: int) -> list[tuple[Decimal, str]]:
        return [(v, u) for s, e, v, u in self.by_doc.get(doc_id, []) if start <= s and e <= end]


def _event_comparisons(store: Store, docs: dict[str, dict[str, Any]], amounts: _Amounts) -> list[Comparison]:
    _, rows = store.query(
        "SELECT l.cluster_id, e.doc_id, e.type, e.subtype, CAST(e.earliest AS VARCHAR), CAST(e.latest AS VARCHAR), "
        "p.name, p.lat, p.lon, e.sentence_start, e.sentence_end "
        "FROM event_links l JOIN events e ON e.doc_id = l.doc_id AND e.id = l.event_id "
        "LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id "
        "WHERE l.cluster_id IN (SELECT cluster_id FROM event_links GROUP BY cluster_id HAVING count(DISTINCT doc_id) > 1) "
        "ORDER BY l.cluster_id, e.doc_id, e.trigger_start"
    )
    clusters: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        clusters[r[0]].append(r)
    out = []
    for cluster_id, members in clusters.items():
        by_doc: dict[str, SourceView] = {}
        for r in members:
            doc = docs[r[1]]
            view = by_doc.setdefault(r[1], SourceView(doc_id=r[1], title=doc["title"], site=doc["site"]))
            view.earliest = view.earliest or r[4]
            view.latest = view.latest or r[5]
            view.place = view.place or r[6]
            view.lat = view.lat if view.lat is not None else r[7]
            view.lon = view.lon if view.lon is not None else r[8]
            view.text = view.text or doc["body"][r[9] : r[10]]
            view.amounts.extend(amounts.within(r[1], r[9], r[10]))
        if len(by_doc) < 2:
            continue
        place = next((v.place for v in by_doc.values() if v.place), None)
        label = f"{members[0][3] or members[0][2]}" + (f" in {place}" if place else "")
        views = list(by_doc.values())
        out.append(
            Comparison("event", cluster_id, label, views, _differences(views), _independent(views, docs))
        )
    return out


def _claim_comparisons(store: Store, docs: dict[str, dict[str, Any]], amounts: _Amounts) -> list[Comparison]:
    _, rows = store.query(
        'SELECT l.group_id, c.doc_id, c.text, c.start, c."end" FROM claim_links l '
        "JOIN claims c ON c.doc_id = l.doc_id AND c.id = l.claim_id "
        "WHERE l.group_id IN (SELECT group_id FROM claim_links GROUP BY group_id HAVING count(DISTINCT doc_id) > 1) "
        "ORDER BY l.group_id, c.doc_id"
    )
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        groups[r[0]].append(r)
    out = []
    for group_id, members in groups.items():
        views: dict[str, SourceView] = {}
        for _, doc_id, text, start, end in members:
            doc = docs[doc_id]
            view = views.setdefault(
                doc_id, SourceView(doc_id=doc_id, title=doc["title"], site=doc["site"], text=text)
            )
            view.amounts.extend(amounts.within(doc_id, start, end))
        listed = list(views.values())
        label = re.sub(r"\s+", " ", listed[0].text)[:90]
        out.append(
            Comparison("claim", group_id, label, listed, _differences(listed), _independent(listed, docs))
        )
    return out


def _differences(views: list[SourceView]) -> list[str]:
    """What the sources disagree on. Sources giving the same value are grouped, and every other value
    is set against the one most sources give, so a cluster of hundreds of reports yields a few
    lines, not one per pair of reports."""
    diffs: list[str] = []
    dates = _grouped(views, lambda v: (v.earliest, v.latest) if v.earliest and v.latest else None)
    if dates:
        (main, main_views), *others = dates
        lines = [
            f"dates: {_span(value)} ({_names(group)}) vs {_span(main)} ({_names(main_views)})"
            for value, group in others
            if value[1] < main[0] or main[1] < value[0]
        ]
        diffs += _capped(lines, "dates")
    places = _grouped(
        views,
        lambda v: (
            (round(v.lat, 2), round(v.lon, 2), v.place) if v.lat is not None and v.lon is not None else None
        ),
    )
    if places:
        (main_place, main_views), *others_placed = places
        lines = [
            f"place: {place[2]} ({_names(group)}) vs {main_place[2]} ({_names(main_views)})"
            for place, group in others_placed
            if km(place[0], place[1], main_place[0], main_place[1]) > SAME_PLACE_KM
        ]
        diffs += _capped(lines, "places")
    units = sorted({unit for v in views for _, unit in v.amounts})
    for unit in units:
        # Compare the headline figure each source gives in this unit.

        def headline(view: SourceView, unit: str = unit) -> Decimal | None:
            return max((x for x, w in view.amounts if w == unit), default=None)

        figures = _grouped(views, headline)
        values = [value for value, _ in figures]
        lo, hi = min(values), max(values)
        if lo > 0 and (hi - lo) / hi > AMOUNT_TOLERANCE:
            listed = ", ".join(
                f"{_fmt(x)} {unit} ({_names(group)})" for x, group in sorted(figures, key=lambda f: f[0])
            )
            diffs.append(f"amounts differ: {listed}")
    return diffs


_V = TypeVar("_V")


def _grouped(
    views: list[SourceView], value_of: Callable[[SourceView], _V | None]
) -> list[tuple[_V, list[SourceView]]]:
    """Distinct values with the views giving each, the most given first (ties: first seen)."""
    groups: dict[_V, list[SourceView]] = {}
    for view in views:
        value = value_of(view)
        if value is not None:
            groups.setdefault(value, []).append(view)
    return sorted(groups.items(), key=lambda kv: -len(kv[1]))


def _capped(lines: list[str], what: str) -> list[str]:
    if len(lines) <= MAX_LISTED:
        return lines
    return [*lines[:MAX_LISTED], f"{what}: {len(lines) - MAX_LISTED} more differing values"]


def _names(views: list[SourceView], limit: int = 3) -> str:
    names = [_site(v) for v in views]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _span(value: tuple[str, str]) -> str:
    return value[0] if value[0] == value[1] else f"{value[0]}..{value[1]}"


def _fmt(value: Decimal) -> str:
    if value >= 1_000_000_000:
        return f"{float(value) / 1e9:g} billion"
    if value >= 1_000_000:
        return f"{float(value) / 1e6:g} million"
    return f"{value.normalize():,f}"


def _site(view: SourceView) -> str:
    return view.site or (view.title or view.doc_id[:8])


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 5]) for i in range(max(0, len(words) - 4))}


def _independent(views: list[SourceView], docs: dict[str, dict[str, Any]]) -> int:
    """How many independent origins the views come from (same site, same author or copied text = one)."""
    uf = UnionFind()
    first_of: dict[tuple[str, str], int] = {}
    for i, view in enumerate(views):  # same site, same author, identical body: linear, by key
        doc = docs[view.doc_id]
        keys = [("site", view.site or ""), ("text", _normalized_text(doc))]
        keys += [("author", a) for a in doc["authors"]]
        for key in keys:
            if key[1] in ("", None):
                continue
            if key in first_of:
                uf.union(first_of[key], i)
            else:
                first_of[key] = i
    roots = sorted({uf.find(i) for i in range(len(views))})
    for n, i in enumerate(roots):  # near-copies: text shingles, once per pair of remaining origins
        for j in roots[n + 1 :]:
            if uf.find(i) != uf.find(j) and _copied(docs[views[i].doc_id], docs[views[j].doc_id]):
                uf.union(i, j)
    return len({uf.find(i) for i in range(len(views))})


def _normalized_text(doc: dict[str, Any]) -> str:
    """The body with case and spacing normalised: republished copies often differ only in those."""
    if "normalized" not in doc:
        doc["normalized"] = " ".join(re.findall(r"\w+", (doc["body"] or "").lower()))
    text: str = doc["normalized"]
    return text


def _copied(a: dict[str, Any], b: dict[str, Any]) -> bool:
    sa, sb = _doc_shingles(a), _doc_shingles(b)
    union = len(sa | sb)
    return bool(union) and len(sa & sb) / union >= COPY_SHINGLE_JACCARD


def _doc_shingles(doc: dict[str, Any]) -> set[tuple[str, ...]]:
    if "shingles" not in doc:  # computed once per document, however many clusters it is in
        doc["shingles"] = _shingles(doc["body"] or "")
    shingles: set[tuple[str, ...]] = doc["shingles"]
    return shingles
