"""The corpus database schema, as versioned migrations (documented in docs/database.md).

A migration is a list of SQL statements; ``MIGRATIONS[i]`` takes a store from version ``i``
to ``i + 1``. A store records its version in ``meta``; opening an older store applies the
missing migrations in one transaction, and opening a newer one is refused.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: one row per analyzed document and one table per record kind, keyed by (doc_id, id).
    (
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, title VARCHAR, authors VARCHAR[],
            published VARCHAR, reference_date DATE, reference_method VARCHAR, language VARCHAR,
            site VARCHAR, body VARCHAR, analysis JSON, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE sources (
            source VARCHAR PRIMARY KEY, doc_id VARCHAR, ingested_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE errors (
            source VARCHAR, kind VARCHAR, message VARCHAR, occurred_at TIMESTAMP DEFAULT current_timestamp)""",
        """CREATE TABLE entities (
            doc_id VARCHAR, id VARCHAR, name VARCHAR, type VARCHAR, aliases VARCHAR[], titles VARCHAR[],
            mentions INTEGER, PRIMARY KEY (doc_id, id))""",
        """CREATE TABLE mentions (doc_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER,
            text VARCHAR)""",
        """CREATE TABLE times (
            doc_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR,
            value VARCHAR, mod VARCHAR, earliest DATE, latest DATE, anchor VARCHAR, PRIMARY KEY (doc_id, id))""",
        """CREATE TABLE amounts (
            doc_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, value DECIMAL(38, 4),
            unit VARCHAR, currency VARCHAR, per VARCHAR, qualifier VARCHAR, range_lo DECIMAL(38, 4),
            range_hi DECIMAL(38, 4), part_of VARCHAR, time_id VARCHAR, PRIMARY KEY (doc_id, id))""",
        """CREATE TABLE places (
            doc_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR,
            entity_id VARCHAR, geonames_id BIGINT, lat DOUBLE, lon DOUBLE, country VARCHAR, feature VARCHAR,
            confidence DOUBLE, PRIMARY KEY (doc_id, id))""",
        """CREATE TABLE events (
            doc_id VARCHAR, id VARCHAR, type VARCHAR, subtype VARCHAR, trigger VARCHAR, trigger_start INTEGER,
            trigger_end INTEGER, sentence_start INTEGER, sentence_end INTEGER, place_id VARCHAR,
            time_id VARCHAR, earliest DATE, latest DATE, polarity VARCHAR, modality VARCHAR, claim_id VARCHAR,
            plover VARCHAR, acled VARCHAR, PRIMARY KEY (doc_id, id))""",
        "CREATE TABLE participants (doc_id VARCHAR, event_id VARCHAR, entity_id VARCHAR, role VARCHAR)",
        """CREATE TABLE relations (
            doc_id VARCHAR, id VARCHAR, subject VARCHAR, predicate VARCHAR, object VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, polarity VARCHAR, modality VARCHAR, time_id VARCHAR,
            PRIMARY KEY (doc_id, id))""",
        """CREATE TABLE claims (
            doc_id VARCHAR, id VARCHAR, text VARCHAR, start INTEGER, "end" INTEGER, status VARCHAR,
            checkworthy DOUBLE, source_entity VARCHAR, cues JSON, entity_ids VARCHAR[], time_ids VARCHAR[],
            amount_ids VARCHAR[], place_ids VARCHAR[], PRIMARY KEY (doc_id, id))""",
        # Cross-document resolution results (rebuilt by `resolve`): a cluster id per record.
        """CREATE TABLE actor_links (
            doc_id VARCHAR, entity_id VARCHAR, actor_id VARCHAR, score DOUBLE, evidence VARCHAR,
            PRIMARY KEY (doc_id, entity_id))""",
        """CREATE TABLE actors (
            actor_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, aliases VARCHAR[], documents INTEGER,
            mentions INTEGER)""",
        """CREATE TABLE event_links (
            doc_id VARCHAR, event_id VARCHAR, cluster_id VARCHAR, score DOUBLE, PRIMARY KEY (doc_id, event_id))""",
        """CREATE TABLE claim_links (
            doc_id VARCHAR, claim_id VARCHAR, group_id VARCHAR, score DOUBLE, PRIMARY KEY (doc_id, claim_id))""",
    ),
    # 2: the online resolver's memory (corpus/state.py) and the documents it has resolved, so a
    # new batch is resolved against the earlier ones instead of re-resolving the whole store.
    (
        "CREATE TABLE resolve_state (space VARCHAR, key VARCHAR, value VARCHAR)",
        "CREATE TABLE resolve_merges (kind VARCHAR, old VARCHAR, root VARCHAR)",
        "CREATE TABLE resolved_documents (doc_id VARCHAR PRIMARY KEY, seq BIGINT)",
        # The internal, never-renamed id of each entity's actor; actor_links.actor_id is the public
        # id derived from the actor's canonical name.
        "CREATE TABLE actor_members (doc_id VARCHAR, entity_id VARCHAR, component BIGINT)",
        "CREATE TABLE actor_components (component BIGINT, actor_id VARCHAR)",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

# Ready-made views for the `newsgraph actors|timeline|money|claims` commands and for SQL users.
VIEWS: tuple[str, ...] = (
    """CREATE OR REPLACE VIEW v_actors AS
       SELECT a.actor_id, a.name, a.type, a.documents, a.mentions, a.aliases
       FROM actors a ORDER BY a.documents DESC, a.mentions DESC""",
    """CREATE OR REPLACE VIEW v_timeline AS
       SELECT e.earliest, e.latest, e.type, e.subtype, e.trigger, p.name AS place, d.title, d.site,
              d.source, e.doc_id, e.id AS event_id, l.cluster_id,
              substr(d.body, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
       FROM events e JOIN documents d USING (doc_id)
       LEFT JOIN places p ON p.doc_id = e.doc_id AND p.id = e.place_id
       LEFT JOIN event_links l ON l.doc_id = e.doc_id AND l.event_id = e.id
       ORDER BY e.earliest NULLS LAST, e.latest NULLS LAST""",
    """CREATE OR REPLACE VIEW v_money AS
       SELECT a.value, a.currency, a.per, a.qualifier, a.range_lo, a.range_hi, a.text,
              t.earliest, t.latest, d.title, d.site, d.source, a.doc_id, a.id AS amount_id, a.part_of
       FROM amounts a JOIN documents d USING (doc_id)
       LEFT JOIN times t ON t.doc_id = a.doc_id AND t.id = a.time_id
       WHERE a.unit = 'money' ORDER BY a.value DESC""",
    """CREATE OR REPLACE VIEW v_claims AS
       SELECT c.status, c.checkworthy, c.text, d.title, d.site, d.source, c.doc_id, c.id AS claim_id,
              l.group_id
       FROM claims c JOIN documents d USING (doc_id)
       LEFT JOIN claim_links l ON l.doc_id = c.doc_id AND l.claim_id = c.id
       ORDER BY c.checkworthy DESC""",
)
