"""Entities: who and what the article names.

In: the spaCy Doc with NER spans. Out: ``Entity`` records (canonical name, OntoNotes type, aliases,
titles, every mention), written by the ``newsgraph_entities`` factory in :mod:`.component`;
candidates in :mod:`.mentions`, alias merging in :mod:`.merge`, typing in :mod:`.types`/:mod:`.context`.
"""
