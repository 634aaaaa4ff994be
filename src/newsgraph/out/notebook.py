"""newsgraph in Jupyter: a compact view of an analysis, and one dossier section inline.

``Analysis._repr_html_`` (what a notebook shows for an analysis) is :func:`analysis_html`: the
title, the record counts and the article with its entities, times, amounts and places
highlighted. It is plain HTML and one scoped stylesheet: no script, no external resource, and
every piece of article text escaped, as in the dossier.

:func:`display` shows one section of the dossier (timeline, map, link chart, money, claims or the
article) inside a sandboxed ``<iframe srcdoc>``: the dossier page keeps its own Content-Security-Policy
(no network, only its hashed script), and the sandbox gives it an opaque origin, so it can read
neither the notebook nor its cookies.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from newsgraph.model import Analysis
from newsgraph.out.html.render import SECTIONS, render_html

# The record kinds highlighted in the compact view, with the colour of their underline.
_LAYERS = {"entity": "#3465a4", "time": "#c17d11", "amount": "#4e9a06", "place": "#75507b"}
_STYLE = (
    ".ng-view{font:14px/1.5 system-ui,sans-serif;max-width:60em}"
    ".ng-view h3{margin:.2em 0;font-size:1.15em}"
    ".ng-view .ng-meta{color:#555;margin:0 0 .4em}"
    ".ng-view .ng-counts{display:flex;flex-wrap:wrap;gap:.3em 1em;margin:.3em 0 .6em;padding:0;list-style:none}"
    ".ng-view .ng-counts b{font-variant-numeric:tabular-nums}"
    ".ng-view .ng-text{white-space:pre-wrap;max-height:24em;overflow:auto;border:1px solid #ddd;"
    "padding:.6em;border-radius:4px;background:#fff;color:#222}"
    ".ng-view mark{background:none;color:inherit;border-bottom:2px solid;padding:0}"
    + "".join(f".ng-view mark.ng-{k}{{border-color:{c}}}" for k, c in _LAYERS.items())
    + ".ng-view .ng-warn{color:#a40000}"
)
# Sections :func:`display` accepts, with friendlier aliases.
KIND_ALIASES = {
    "link chart": "graph",
    "links": "graph",
    "network": "graph",
    "ledger": "money",
    "text": "article",
}


def _highlights(analysis: Analysis) -> list[tuple[int, int, str, str]]:
    """Non-overlapping (start, end, layer, tooltip) spans over the body, earliest and longest first."""
    spans: list[tuple[int, int, str, str]] = []
    for entity in analysis.entities:
        spans += [(m.start, m.end, "entity", f"{entity.type}: {entity.name}") for m in entity.mentions]
    spans += [
        (t.start, t.end, "time", f"time: {t.earliest or '?'} … {t.latest or '?'}") for t in analysis.times
    ]
    for a in analysis.amounts:
        label = f"amount: {a.value} {a.currency or a.unit}" + (f" per {a.per}" if a.per else "")
        spans.append((a.start, a.end, "amount", label))
    spans += [(p.start, p.end, "place", f"place: {p.name} ({p.country or '?'})") for p in analysis.places]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def highlighted_body(analysis: Analysis) -> str:
    """The body as escaped HTML with each record span wrapped in ``<mark>``."""
    body = analysis.document.body
    out: list[str] = []
    at = 0
    for start, end, layer, tip in _highlights(analysis):
        out.append(html.escape(body[at:start]))
        out.append(
            f'<mark class="ng-{layer}" title="{html.escape(tip, quote=True)}">{html.escape(body[start:end])}</mark>'
        )
        at = end
    out.append(html.escape(body[at:]))
    return "".join(out)


def record_counts(analysis: Analysis) -> dict[str, int]:
    return {
        kind: len(getattr(analysis, kind))
        for kind in ("entities", "times", "amounts", "places", "events", "relations", "claims")
    }


def analysis_html(analysis: Analysis) -> str:
    """The compact, self-contained view Jupyter shows for an :class:`Analysis`."""
    doc = analysis.document
    meta = [doc.source]
    if doc.authors:
        meta.append("by " + ", ".join(doc.authors))
    if doc.reference_date.date:
        meta.append(f"reference date {doc.reference_date.date} ({doc.reference_date.method})")
    counts = "".join(f"<li><b>{n}</b> {kind}</li>" for kind, n in record_counts(analysis).items())
    legend = " · ".join(f'<mark class="ng-{k}">{k}</mark>' for k in _LAYERS)
    warnings = "".join(f'<p class="ng-warn">{html.escape(w)}</p>' for w in analysis.warnings)
    return (
        f'<div class="ng-view"><style>{_STYLE}</style>'
        f"<h3>{html.escape(doc.title or '(untitled)')}</h3>"
        f'<p class="ng-meta">{html.escape(" · ".join(meta))}</p>'
        f'<ul class="ng-counts">{counts}</ul>{warnings}'
        f'<p class="ng-meta">highlighted: {legend}; hover for the record. '
        f"<code>newsgraph.display(analysis, kind=...)</code> shows the timeline, map, link chart, money or claims.</p>"
        f'<div class="ng-text">{highlighted_body(analysis)}</div></div>'
    )


@dataclass(frozen=True)
class Section:
    """One dossier section, ready for Jupyter's rich display (``_repr_html_``) or for a file (``html``)."""

    kind: str
    page: str  # the full dossier page, restricted to ``kind``
    height: int = 640

    @property
    def html(self) -> str:
        return self.page

    def __repr__(self) -> str:
        return f"Section(kind={self.kind!r}, {len(self.page) // 1000} kB page)"

    def _repr_html_(self) -> str:
        # srcdoc takes the page as an attribute value: escaping it (quotes included) is what keeps
        # the article's own text from closing the attribute; the sandbox keeps scripts to the frame.
        return (
            f'<iframe sandbox="allow-scripts" referrerpolicy="no-referrer" style="width:100%;border:0" '
            f'height="{self.height}" title="newsgraph {self.kind}" srcdoc="{html.escape(self.page, quote=True)}"></iframe>'
        )


def section(analysis: Analysis, kind: str = "article", *, height: int = 640) -> Section:
    """The dossier restricted to one section: one of ``SECTIONS`` (or an alias such as "link chart")."""
    name = KIND_ALIASES.get(kind.lower(), kind.lower())
    if name not in SECTIONS:
        raise ValueError(f"unknown section {kind!r}: choose one of {', '.join(SECTIONS)}")
    return Section(kind=name, page=render_html(analysis, only=name), height=height)


def display(analysis: Analysis, kind: str | None = None, *, height: int = 640) -> Any:
    """Show ``analysis`` in a notebook: the compact view, or one dossier section when ``kind`` is given.

    Inside IPython/Jupyter the view is displayed at once (so it works on any line of a cell) and
    nothing is returned; elsewhere the displayable object is returned (its ``.html`` is the page).
    """
    shown: Any = analysis if kind is None else section(analysis, kind, height=height)
    try:
        from IPython import get_ipython
        from IPython.display import display as ipython_display
    except ImportError:
        return shown
    if get_ipython() is None:
        return shown
    ipython_display(shown)
    return None
