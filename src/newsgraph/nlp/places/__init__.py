"""Places: where the article's place names are on the map.

In: the Doc with GPE/LOC/FAC entities. Out: ``Place`` records (GeoNames id, coordinates, country, admin-1,
kind), by the ``newsgraph_places`` factory in :mod:`.component`, resolved against the offline gazetteer of
:mod:`newsgraph.geo`.
"""
