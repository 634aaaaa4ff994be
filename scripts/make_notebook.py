"""Write examples/notebook.ipynb (unexecuted) from the cells below: ``python scripts/make_notebook.py``.

The notebook is code we maintain, so it lives here as plain text and is generated; the tests
execute the generated file (tests/test_notebook.py) so it cannot drift from the API.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS: list[tuple[str, str]] = [
    (
        "md",
        """# newsgraph in a notebook

From one article to records, data frames and a corpus you can query. Everything runs offline.
Run it from the `examples/` folder (`jupyter lab examples/notebook.ipynb`).""",
    ),
    (
        "md",
        """## 1. Analyze an article

`newsgraph.analyze` takes a path, a URL or the text itself. In a notebook an analysis shows itself:
the title, the record counts and the article with its entities, times, amounts and places
highlighted (hover a highlight for its record).""",
    ),
    (
        "code",
        """import newsgraph

analysis = newsgraph.analyze("scraped-oil-tanker-network.txt")
analysis""",
    ),
    (
        "md",
        """## 2. Records

Every record is a frozen dataclass with character offsets into `analysis.document.body`, so any
figure can be traced back to its sentence.""",
    ),
    (
        "code",
        """for entity in analysis.entities[:8]:
    print(f"{entity.type:7} {entity.name:40} {len(entity.mentions)} mentions")""",
    ),
    (
        "code",
        """amount = analysis.amounts[0]
body = analysis.document.body
print(amount.value, amount.currency, amount.per, amount.qualifier)
print("evidence:", body[amount.start : amount.end])""",
    ),
    (
        "md",
        """## 3. Data frames

`analysis.frame(kind)` gives one pandas DataFrame per record kind (documents, entities, mentions,
times, amounts, places, events, participants, relations, claims) with the same columns as the
corpus store's tables, so what you write for one article works on a corpus.""",
    ),
    (
        "code",
        """events = analysis.frame("events")
events[["id", "type", "subtype", "trigger", "earliest", "latest", "modality"]].head(10)""",
    ),
    (
        "code",
        """# Who takes part in which event: participants joined to entity names.
participants = analysis.frame("participants").merge(
    analysis.frame("entities")[["id", "name", "type"]], left_on="entity_id", right_on="id"
)
participants.merge(events[["id", "type", "trigger"]], left_on="event_id", right_on="id", suffixes=("", "_event"))[
    ["event_id", "trigger", "type_event", "name", "role"]
].head(10)""",
    ),
    (
        "code",
        """claims = analysis.frame("claims")
claims.sort_values("checkworthy", ascending=False)[["status", "checkworthy", "text"]].head(5)""",
    ),
    (
        "md",
        """## 4. One dossier section inline

`newsgraph.display(analysis, kind=...)` draws one section of the HTML dossier (article, timeline,
map, graph, money, claims) in a sandboxed frame. The same page is what `newsgraph analyze --html`
writes.""",
    ),
    ("code", """newsgraph.display(analysis, kind="timeline", height=420)"""),
    (
        "md",
        """## 5. A corpus

Many analyses go into a DuckDB store; `resolve` merges actors across sources. `store.query(...)`
returns columns and rows, and `.df()` / `.arrow()` turn them into pandas or Arrow.
The ready views (`v_actors`, `v_timeline`, `v_money`, `v_claims`) are documented in `docs/database.md`.""",
    ),
    (
        "code",
        """from pathlib import Path
import tempfile

from newsgraph.corpus.resolve import resolve
from newsgraph.corpus import Corpus

store = Corpus(Path(tempfile.mkdtemp()) / "corpus.duckdb")
sources = sorted(str(p) for p in Path("corpus").glob("baghdad-strike-*"))
for result in newsgraph.analyze_many(sources):
    if result.ok:
        store.add(result.analysis, source=result.source)
summary = resolve(store)
print(f"{store.count('documents')} documents, {summary.actors} actors")""",
    ),
    ("code", """store.query("SELECT name, type, documents, mentions FROM v_actors LIMIT 10").df()"""),
    (
        "code",
        """# Which sources report each event cluster, and with which dates.
store.query(
    \"\"\"SELECT cluster_id, count(DISTINCT doc_id) AS sources, min(earliest) AS earliest, max(latest) AS latest,
              any_value(trigger) AS trigger
       FROM v_timeline WHERE cluster_id IS NOT NULL
       GROUP BY cluster_id HAVING count(DISTINCT doc_id) > 1 ORDER BY sources DESC LIMIT 10\"\"\"
).df()""",
    ),
    ("code", """store.table("v_timeline", limit=5).arrow().schema"""),
]


def build() -> nbformat.NotebookNode:
    cells = [new_markdown_cell(src) if kind == "md" else new_code_cell(src) for kind, src in CELLS]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main() -> None:
    target = Path(__file__).resolve().parents[1] / "examples" / "notebook.ipynb"
    nbformat.write(build(), target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
