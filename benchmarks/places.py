"""Geoparsing accuracy on the dev halves of GeoWebNews and LGL (``../shared/data/geoparsing-dev``).

(a) **resolution**: each gold toponym that has coordinates is resolved by our resolver, given the
    gold spans of the document as its context (toponyms with the same name are one place, as in
    the component; demonyms such as "Russian", which GeoWebNews and LGL geocode to the country,
    are looked up as such — the component itself never makes a place of a demonym). Reported: accuracy within 161 km (100 miles) and the AUC of the log-error
    curve (Gritta et al. 2018; lower is better), an unresolved toponym counting as the largest
    error (20,039 km). Mordecai 3 (Halterman 2023) reports acc@161 94.1% on GeoWebNews and 82.7%
    on LGL for this setting.
(b) **end to end**: our own place detection (spaCy entities → ``newsgraph_places``) against the
    gold toponyms with coordinates: precision/recall/F1 by span overlap, then acc@161 of the
    matched ones.
"""

from __future__ import annotations

import itertools
import math
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from newsgraph.geo.names import fold
from newsgraph.geo.resolve import Toponym, haversine, resolve

MAX_ERROR_KM = 20039.0
ACC_KM = 161.0
MORDECAI3_ACC161 = {"GeoWebNews": 0.941, "LGL": 0.827}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Article:
    text: str
    toponyms: tuple[Gold, ...]


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def load_gwn(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            lat, lon = _float(t.findtext("latitude")), _float(t.findtext("longitude"))
            golds.append(Gold(start, end, text[start:end], lat, lon))
        out.append(Article(text, tuple(golds)))
    return out


def load_lgl(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        golds = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            golds.append(Gold(start, end, text[start:end], lat, lon))
        out.append(Article(text, tuple(golds)))
    return out


def auc_log_error(errors: list[float]) -> float:
    """Area under the sorted log(1 + error) curve, scaled to 0..1 (Gritta et al. 2018)."""
    if not errors:
        return 0.0
    ys = [math.log(1 + e) for e in sorted(errors)]
    if len(ys) == 1:
        return ys[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in itertools.pairwise(ys))
    return area / ((len(ys) - 1) * math.log(MAX_ERROR_KM))


def resolve_gold(articles: list[Article], fallback: bool = False) -> list[float]:
    """Errors (km) of our resolution of every gold toponym that has coordinates.

    The context of each is the document's other gold toponyms with coordinates (GeoWebNews also
    marks non-toponyms such as "theory"; they are no context a geoparser would have).
    """
    errors: list[float] = []
    for art in articles:
        groups: dict[str, list[Gold]] = {}
        for g in art.toponyms:
            if g.lat is not None and g.lon is not None:
                groups.setdefault(fold(g.text), []).append(g)
        keys = list(groups)
        toponyms = [
            Toponym(name=groups[k][0].text, spans=tuple((g.start, g.end) for g in groups[k])) for k in keys
        ]
        resolutions = resolve(art.text, toponyms, demonyms=True, fallback=fallback)
        for k, res in zip(keys, resolutions, strict=True):
            for g in groups[k]:
                assert g.lat is not None and g.lon is not None
                if res is None:
                    errors.append(MAX_ERROR_KM)
                else:
                    errors.append(haversine(g.lat, g.lon, res.candidate.lat, res.candidate.lon))
    return errors


def end_to_end(articles: list[Article]) -> dict[str, float]:
    from newsgraph.nlp.pipeline import load_pipeline
    from newsgraph.nlp.places.component import accepted, place_names

    nlp = load_pipeline()
    keep = [p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_entities"]
    tp = fp = fn = 0
    errors: list[float] = []
    with nlp.select_pipes(enable=keep):
        for art, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
            names = place_names(doc)
            resolutions = resolve(doc.text, [n.toponym for n in names])
            predicted: list[tuple[int, int, float, float]] = []
            for name, res, ok in zip(names, resolutions, accepted(names, resolutions), strict=True):
                if res is not None and ok:
                    predicted.extend(
                        (s, e, res.candidate.lat, res.candidate.lon) for s, e in name.toponym.spans
                    )
            gold = [g for g in art.toponyms if g.lat is not None and g.lon is not None]
            used: set[int] = set()
            for g in gold:
                hit = next(
                    (i for i, p in enumerate(predicted) if i not in used and p[0] < g.end and g.start < p[1]),
                    None,
                )
                if hit is None:
                    fn += 1
                    continue
                used.add(hit)
                tp += 1
                assert g.lat is not None and g.lon is not None
                errors.append(haversine(g.lat, g.lon, predicted[hit][2], predicted[hit][3]))
            # Predictions over a gold toponym without coordinates are neither right nor wrong.
            for i, p in enumerate(predicted):
                if i not in used and not any(p[0] < g.end and g.start < p[1] for g in art.toponyms):
                    fp += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    acc = sum(e <= ACC_KM for e in errors) / len(errors) if errors else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "acc161_matched": acc}


def run(shared: Path) -> dict[str, object]:
    base = Path(shared) / "data" / "geoparsing-dev"
    sets = {"GeoWebNews": load_gwn(base / "GeoWebNews-dev.xml"), "LGL": load_lgl(base / "LGL-dev.xml")}
    figures: dict[str, object] = {}
    print("(a) gold spans; '+focus' puts names the gazetteer lacks at the document's focus")
    print(f"{'':<22}{'n':>6}{'acc@161':>9}{'AUC':>7}{'Mordecai3':>11}{'s':>6}")
    for name, articles in sets.items():
        for fallback in (False, True):
            started = time.perf_counter()
            errors = resolve_gold(articles, fallback=fallback)
            acc = sum(e <= ACC_KM for e in errors) / len(errors)
            auc = auc_log_error(errors)
            label = name + (" +focus" if fallback else "")
            tag = "_focus" if fallback else ""
            figures[f"{name}{tag}_acc161"] = round(acc, 4)
            figures[f"{name}{tag}_auc"] = round(auc, 4)
            secs = time.perf_counter() - started
            print(
                f"{label:<22}{len(errors):>6}{acc:>9.3f}{auc:>7.3f}{MORDECAI3_ACC161[name]:>11.3f}{secs:>6.1f}"
            )
    print(f"\n{'(b) end to end':<16}{'P':>7}{'R':>7}{'F1':>7}{'acc@161':>9}{'s':>6}")
    for name, articles in sets.items():
        started = time.perf_counter()
        e2e = end_to_end(articles)
        for k, v in e2e.items():
            figures[f"{name}_e2e_{k}"] = round(v, 4)
        secs = time.perf_counter() - started
        print(
            f"{name:<16}{e2e['precision']:>7.3f}{e2e['recall']:>7.3f}{e2e['f1']:>7.3f}"
            f"{e2e['acc161_matched']:>9.3f}{secs:>6.1f}"
        )
    return figures
