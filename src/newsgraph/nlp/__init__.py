"""spaCy components, one per kind of record (see :mod:`newsgraph.nlp.pipeline`)."""
