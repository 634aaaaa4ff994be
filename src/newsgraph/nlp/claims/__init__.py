"""Claims: every asserting sentence, with how firmly and by whom it is said.

In: the Doc with every other record. Out: ``Claim`` records (status asserted/uncertain/attributed/opinion,
source, cues, check-worthiness, linked record ids), by the ``newsgraph_claims`` factory in :mod:`.component`;
cues in :mod:`.cues` (their lexicon in :mod:`.lexicon`), status precedence in :mod:`.status`, the shipped check-worthiness model in :mod:`.checkworthy`.
"""
