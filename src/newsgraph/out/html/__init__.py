"""The HTML dossier: one self-contained, offline HTML report per analyzed article.

``render_html(analysis)`` returns the page as a string. Everything it needs is inlined: the
``newsgraph/1`` data (a JSON block), the view model derived from it, the stylesheet, the script and
the country outlines of the base map. The Content-Security-Policy forbids every network request.
"""

from __future__ import annotations

from newsgraph.out.html.render import render_html, render_html_data

__all__ = ["render_html", "render_html_data"]
