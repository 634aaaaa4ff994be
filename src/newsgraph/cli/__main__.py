"""``python -m newsgraph.cli``."""

from newsgraph.cli import main

main()
