"""Amounts: numbers, money, percentages and counts in running text, without spaCy.

In: text. Out: ``Amount`` records (exact value, ISO currency, rate, qualifier, range, part_of, time) made by
the ``newsgraph_amounts`` factory in :mod:`.component`, which links what the scanner finds to sentences.

``parse_number`` reads one written number ("1,234.5", "1.2m", "two million", "half a million");
``find_quantities`` scans a text for amounts with their currency or counted unit, qualifier, rate and
range. :mod:`newsgraph.nlp.amounts.component` turns what they find into :class:`~newsgraph.model.Amount` records
and links them to sentences, times and to each other.
"""

from newsgraph.nlp.amounts.numbers import parse_number
from newsgraph.nlp.amounts.scan import Quantity, find_quantities

__all__ = ["Quantity", "find_quantities", "parse_number"]
