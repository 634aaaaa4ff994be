"""Render an :class:`~newsgraph.model.Analysis` into the self-contained dossier page."""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from newsgraph.model import Analysis
from newsgraph.out.html.geometry import world_countries
from newsgraph.out.html.view import build_view

# Characters that must not appear raw inside an inline <script> block: "<" could open "</script" or
# "<!--"; ">" and "&" are escaped too for older parsers; U+2028/9 end a line in pre-ES2019 JavaScript.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
REFERENCE_METHODS = {
    "given": "given by the user",
    "metadata": "from the page's publication date",
    "text": "inferred from dates in the text",
    "none": "not found: relative dates are unresolved",
}


def json_for_script(value: Any) -> str:
    """JSON that is safe verbatim inside ``<script type="application/json">``."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    for raw, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def csp_hash(source: str) -> str:
    """A CSP source expression allowing exactly this inline script or style block."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _asset(name: str) -> str:
    text = resources.files("newsgraph.out.html").joinpath("assets", name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"asset {name} would close its own inline block")
    return text


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("newsgraph.out.html", "templates"),
        autoescape=True,  # every value is escaped unless it is one of our own assets marked safe
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# The sections of the dossier, in page order (ids in report.html.j2).
SECTIONS = ("article", "timeline", "map", "graph", "money", "claims")


def render_html(analysis: Analysis, *, only: str | None = None) -> str:
    """The dossier of one analyzed article, as a single HTML page that makes no network request.

    ``only`` keeps one section (one of :data:`SECTIONS`) and the header, for inline display.
    """
    return render_html_data(analysis.to_dict(), only=only)


def render_html_data(data: dict[str, Any], *, only: str | None = None) -> str:
    """The dossier from a ``newsgraph/1`` dict (e.g. one read back from the corpus store)."""
    if only is not None and only not in SECTIONS:
        raise ValueError(f"unknown dossier section {only!r}: choose one of {', '.join(SECTIONS)}")
    view = build_view(data)
    payload = {"analysis": data, "view": view, "world": list(world_countries())}
    script, style = _asset("report.js"), _asset("report.css")
    # Hashes, not nonces: the page is a static file, so a nonce would be a constant anyway; a hash
    # pins the exact script and stylesheet, and 'unsafe-inline' is needed for neither (the script
    # sets styles through the CSSOM, which CSP does not restrict).
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(script)}",
            f"style-src {csp_hash(style)}",
            "img-src data: blob:",  # the PNG export draws the chart through a blob: image
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    doc = data["document"]
    reference = view["reference"]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            csp=csp,
            doc=doc,
            reference=reference,
            reference_method=REFERENCE_METHODS.get(reference.get("method", ""), reference.get("method", "")),
            counts=view["counts"],
            warnings=data.get("warnings", []),
            has_map=bool(payload["world"]),
            only=only,
            data_json=Markup(json_for_script(payload)),
            script=Markup(script),
            style=Markup(style),
        )
    )
