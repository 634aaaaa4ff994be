"""The actor network as a graph file for Gephi and friends (GEXF, GraphML), via networkx.

Nodes are resolved actors (label, type, documents, mentions); a directed edge per
(subject, predicate, object) carries how many relation records state it (``weight``) and in
how many documents. Run ``resolve`` first so one actor is one node across the corpus.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from newsgraph.corpus.store import Store


def actor_graph(store: Store) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    _, actors = store.query("SELECT actor_id, name, type, documents, mentions FROM actors")
    for actor_id, name, typ, documents, mentions in actors:
        graph.add_node(actor_id, label=name, type=typ, documents=int(documents), mentions=int(mentions))
    _, rows = store.query(
        "SELECT ls.actor_id, r.predicate, lo.actor_id, count(*), count(DISTINCT r.doc_id), "
        "bool_or(r.polarity = 'negative'), string_agg(DISTINCT r.modality, ',') "
        "FROM relations r "
        "JOIN actor_links ls ON ls.doc_id = r.doc_id AND ls.entity_id = r.subject "
        "JOIN actor_links lo ON lo.doc_id = r.doc_id AND lo.entity_id = r.object "
        "GROUP BY ALL ORDER BY 1, 2, 3"
    )
    for subject, predicate, obj, weight, docs, negated, modality in rows:
        graph.add_edge(
            subject, obj, key=predicate, label=predicate, weight=int(weight), documents=int(docs),
            negated=bool(negated), modality=modality or "actual",
        )  # fmt: skip
    return graph


def write_graph(store: Store, path: str | Path, fmt: str) -> nx.MultiDiGraph:
    """Write the actor graph as ``gexf`` or ``graphml``; returns the graph written."""
    graph = actor_graph(store)
    if fmt == "gexf":
        nx.write_gexf(graph, str(path))
    elif fmt == "graphml":
        nx.write_graphml(graph, str(path))
    else:
        raise ValueError(f"unknown graph format {fmt!r}")
    return graph
