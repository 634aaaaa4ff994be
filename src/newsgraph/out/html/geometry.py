"""Country outlines for the dossier's offline base map.

The outlines are Natural Earth 1:110m (public domain) as packaged by the npm ``world-atlas``
TopoJSON (ISC); ``scripts/postinstall.d/50-report-assets.sh`` installs them from the pinned
lockfile into ``assets/world-atlas/``. Here the topology is decoded once into SVG path strings in
an equirectangular projection (x = longitude, y = −latitude, in degrees), which is all a
small-scale locator map needs and keeps marker placement exact and trivial in the page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

ATLAS = Path(__file__).parent / "assets" / "world-atlas" / "countries-110m.json"
# One decimal of a degree (~11 km) is finer than the 1:110m source itself; more only adds bytes.
PRECISION = 1


class Topology:
    """Decodes a TopoJSON topology's quantized, delta-encoded arcs into absolute coordinates."""

    def __init__(self, topo: dict[str, Any]) -> None:
        transform = topo.get("transform")
        self.arcs = [self._decode(arc, transform) for arc in topo["arcs"]]
        self.objects: dict[str, Any] = topo["objects"]

    @staticmethod
    def _decode(arc: list[list[float]], transform: dict[str, Any] | None) -> list[tuple[float, float]]:
        if not transform:
            return [(p[0], p[1]) for p in arc]
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0.0
        points = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        return points

    def ring(self, indexes: list[int]) -> list[tuple[float, float]]:
        """Join arcs into one ring; a negative index ``~i`` means arc ``i`` reversed."""
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = self.arcs[index] if index >= 0 else self.arcs[~index][::-1]
            # Consecutive arcs share their joining point: keep it once.
            points.extend(arc[1:] if points else arc)
        return points

    def polygons(self, geometry: dict[str, Any]) -> list[list[list[tuple[float, float]]]]:
        kind = geometry.get("type")
        if kind == "Polygon":
            return [[self.ring(r) for r in geometry["arcs"]]]
        if kind == "MultiPolygon":
            return [[self.ring(r) for r in poly] for poly in geometry["arcs"]]
        return []


def _unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous along a ring that crosses the antimeridian (Fiji, Chukotka):
    a step of more than 180° is the short way round, not a line across the whole map."""
    out: list[tuple[float, float]] = []
    shift = 0.0
    for i, (lon, lat) in enumerate(ring):
        if i:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def _ring_d(ring: list[tuple[float, float]], offset: float) -> str:
    prev: tuple[str, str] | None = None
    cmds: list[str] = []
    for lon, lat in ring:
        pt = (f"{lon + offset:.{PRECISION}f}", f"{-lat:.{PRECISION}f}")
        if pt != prev:  # rounding merges near points; drop the repeats
            cmds.append(f"{pt[0]} {pt[1]}")
            prev = pt
    return "M" + "L".join(cmds) + "Z" if len(cmds) >= 3 else ""


def path_d(polygons: list[list[list[tuple[float, float]]]]) -> str:
    """SVG path data for polygons in the x = lon, y = −lat projection.

    A ring unwrapped past ±180° is drawn twice, shifted by 360°, so that the map's viewBox
    (−180..180) clips each copy to the part that belongs on that side.
    """
    parts: list[str] = []
    for polygon in polygons:
        for ring in polygon:
            ring = _unwrap(ring)
            lons = [p[0] for p in ring]
            offsets = [0.0]
            if max(lons, default=0) > 180:
                offsets.append(-360.0)
            if min(lons, default=0) < -180:
                offsets.append(360.0)
            parts.extend(_ring_d(ring, off) for off in offsets)
    return "".join(parts).replace("-0.0 ", "0.0 ")


def countries_from_topology(topo: dict[str, Any], object_name: str = "countries") -> list[dict[str, str]]:
    """``[{name, d}]`` for each geometry of ``object_name`` in a TopoJSON topology."""
    topology = Topology(topo)
    obj = topology.objects.get(object_name)
    if obj is None:
        return []
    geometries = obj.get("geometries", [obj])
    out = []
    for geom in geometries:
        d = path_d(topology.polygons(geom))
        if d:
            name = str((geom.get("properties") or {}).get("name") or geom.get("id") or "")
            out.append({"name": name, "d": d})
    return out


@lru_cache(maxsize=1)
def world_countries(atlas: Path = ATLAS) -> tuple[dict[str, str], ...]:
    """The installed base map's countries, or ``()`` when the install step has not run."""
    if not atlas.is_file():
        return ()
    return tuple(countries_from_topology(json.loads(atlas.read_text(encoding="utf-8"))))
