"""Relations: who leads, funds, sanctions, trains or supports whom.

In: the Doc with entities and events. Out: ``Relation`` records (subject, predicate, object entity ids,
evidence sentence, time, polarity), by the ``newsgraph_relations`` factory in :mod:`.component`; read
from events (:mod:`.events`), dependency patterns (:mod:`.patterns`) and role descriptions (:mod:`.titles`).
"""
