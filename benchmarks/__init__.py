"""Benchmarks against the public gold data in ../shared/data (run with `make bench`)."""
