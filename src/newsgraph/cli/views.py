"""The read-only corpus commands: ``query`` (any SQL), the ready views (``actors``, ``timeline``,
``money``, ``claims``) and ``compare`` (where sources agree and disagree)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from newsgraph.cli.common import DbOpt, err, open_store, print_table
from newsgraph.errors import NewsgraphError


def query_cmd(
    db: DbOpt,
    sql: Annotated[str, typer.Argument(help="SQL over the tables and v_* views (docs/database.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")] = False,
    limit: Annotated[int, typer.Option("--limit", help="Rows shown in the table.")] = 50,
) -> None:
    """Run SQL against the corpus.

    \b
    Example:
      newsgraph query --db corpus.duckdb "SELECT name, documents FROM actors ORDER BY documents DESC LIMIT 10"
    """
    store = open_store(db, read_only=True)
    try:
        columns, rows = store.query(sql)
    except NewsgraphError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    if as_json:
        for row in rows:
            typer.echo(json.dumps(dict(zip(columns, row, strict=True)), default=str, ensure_ascii=False))
    else:
        print_table(columns, rows, limit=limit)


def actors_cmd(db: DbOpt, limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 30) -> None:
    """The recurring actors: merged across documents, most documents first.

    \b
    Example:
      newsgraph actors --db corpus.duckdb --limit 20
    """
    store = open_store(db, read_only=True)
    columns, rows = store.query(
        "SELECT name, type, documents, mentions, array_to_string(aliases, ' | ') AS aliases FROM v_actors LIMIT ?",
        [limit],
    )
    store.close()
    print_table(columns, rows, title="actors", limit=limit)


def timeline_cmd(
    db: DbOpt,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only events with this actor (name or alias).")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Only events at this place.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
) -> None:
    """Events across the corpus in time order, optionally for one actor or place.

    \b
    Example:
      newsgraph timeline --db corpus.duckdb --actor "Soleimani" --place Mosul
    """
    store = open_store(db, read_only=True)
    sql = "SELECT earliest, latest, type, subtype, place, site, title, sentence FROM v_timeline t WHERE TRUE"
    params: list[Any] = []
    if place:
        sql += " AND lower(place) = lower(?)"
        params.append(place)
    if actor:
        sql += (
            " AND EXISTS (SELECT 1 FROM participants pa JOIN actor_links l ON l.doc_id = pa.doc_id "
            "AND l.entity_id = pa.entity_id JOIN actors a USING (actor_id) WHERE pa.doc_id = t.doc_id "
            "AND pa.event_id = t.event_id AND (lower(a.name) = lower(?) OR list_contains(list_transform(a.aliases, "
            "lambda x: lower(x)), lower(?))))"
        )
        params += [actor, actor]
    columns, rows = store.query(sql + " LIMIT ?", [*params, limit])
    store.close()
    print_table(columns, rows, title="timeline", limit=limit)


def money_cmd(db: DbOpt, limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50) -> None:
    """Every money amount in the corpus, largest first, with its time and source.

    \b
    Example:
      newsgraph money --db corpus.duckdb
    """
    store = open_store(db, read_only=True)
    columns, rows = store.query(
        "SELECT value, currency, per, qualifier, text, earliest, latest, site, title FROM v_money LIMIT ?",
        [limit],
    )
    store.close()
    print_table(columns, rows, title="money", limit=limit)


def claims_cmd(
    db: DbOpt,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only these statuses (repeatable).")
    ] = None,
    min_checkworthy: Annotated[
        float, typer.Option("--min-checkworthy", help="Lowest score shown (0..1).")
    ] = 0.0,
    limit: Annotated[int, typer.Option("--limit", help="Rows to show.")] = 50,
) -> None:
    """Claims across the corpus, most check-worthy first.

    \b
    Example:
      newsgraph claims --db corpus.duckdb --status attributed --status hedged --min-checkworthy 0.6
    """
    store = open_store(db, read_only=True)
    sql = "SELECT round(checkworthy, 2) AS checkworthy, status, text, site, title FROM v_claims WHERE checkworthy >= ?"
    params: list[Any] = [min_checkworthy]
    if status:
        sql += f" AND status IN ({', '.join('?' for _ in status)})"
        params += status
    columns, rows = store.query(sql + " LIMIT ?", [*params, limit])
    store.close()
    print_table(columns, rows, title="claims", limit=limit)


def compare_cmd(
    db: DbOpt,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparisons as JSON.")] = False,
    only_disagreements: Annotated[
        bool, typer.Option("--disagreements", help="Only where sources differ.")
    ] = False,
) -> None:
    """Where sources agree and disagree: dates, places, amounts and counts per event and claim.

    \b
    Example:
      newsgraph compare --db corpus.duckdb --disagreements
    """
    from newsgraph.corpus.compare import compare

    store = open_store(db, read_only=True)
    comparisons = [c for c in compare(store) if not (only_disagreements and c.agree)]
    store.close()
    if as_json:
        typer.echo(json.dumps([c.to_dict() for c in comparisons], ensure_ascii=False, indent=2, default=str))
        return
    rows = [
        (
            c.kind,
            c.label,
            len(c.sources),
            c.independent_sources,
            "yes" if c.agree else "NO",
            "\n".join(c.differences),
        )
        for c in comparisons
    ]
    print_table(["kind", "what", "sources", "independent", "agree", "differences"], rows, title="compare")


def register(app: typer.Typer) -> None:
    app.command("query")(query_cmd)
    app.command("actors")(actors_cmd)
    app.command("timeline")(timeline_cmd)
    app.command("money")(money_cmd)
    app.command("claims")(claims_cmd)
    app.command("compare")(compare_cmd)
