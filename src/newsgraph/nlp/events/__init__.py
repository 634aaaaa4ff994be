"""Events: what happened, to whom, where and when.

In: the Doc with entities, times and places. Out: ``Event`` records (type, trigger, participants
with roles, place, time, polarity, modality), by the ``newsgraph_events`` factory in :mod:`.component`;
the learned TimeML mention layer is :mod:`.mentions`, types come from :mod:`.lexicon`, arguments from :mod:`.frames`/:mod:`.syntax`.
"""
