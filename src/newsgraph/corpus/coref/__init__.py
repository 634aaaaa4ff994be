"""Cross-document coreference of event and entity mentions (mention level, gold or given mentions).

Input: parsed articles (spaCy ``Doc`` by document id) and mentions, each a set of token indices
into its article's ``Doc``. Output: clusters of mention ids. The steps:

1. :func:`document_groups`: articles are grouped by what they report (TF-IDF of content lemmas
   and names, average-linkage clustering on cosine distance). Two reports of one earthquake share
   place names, dates, figures and vocabulary; reports of another earthquake share the vocabulary
   but not the rest. Mentions are only clustered inside a group.
2. :func:`cluster_entities`: proper names match by the name keys of :mod:`newsgraph.corpus.names`
   (full key, surname of a person, acronym), common nouns by head lemma; pronouns then join the
   nearest compatible antecedent in their own article.
3. :func:`cluster_events`: a pair of event mentions scores by trigger similarity (same lemma,
   same derivational stem, or one synonym set from ``resources/coref/event_synonyms.yaml``) and
   by argument overlap: entities of one cluster (from step 2), times and places in both
   sentences. Average-linkage agglomerative clustering cuts at a threshold tuned on the ECB+
   training topics.

:func:`same_head_baseline` is the usual floor: mentions of a group with the same head lemma.
"""

from __future__ import annotations

from newsgraph.corpus.coref.entities import animate_nouns, cluster_entities
from newsgraph.corpus.coref.events import cluster_events, trigger_stem
from newsgraph.corpus.coref.groups import (
    DOC_GROUP_DISTANCE,
    ENTITY_GROUP_DISTANCE,
    document_groups,
    same_head_baseline,
)
from newsgraph.corpus.coref.mentions import CorefMention, mention_head

__all__ = [
    "DOC_GROUP_DISTANCE",
    "ENTITY_GROUP_DISTANCE",
    "CorefMention",
    "animate_nouns",
    "cluster_entities",
    "cluster_events",
    "document_groups",
    "mention_head",
    "same_head_baseline",
    "trigger_stem",
]
