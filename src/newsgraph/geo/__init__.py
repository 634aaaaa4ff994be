"""Offline geography: a GeoNames gazetteer built from installed PyPI data, and place resolution."""
