"""A union-find (disjoint set) over integer ids, used by every cross-document clustering pass."""

from __future__ import annotations


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = parent.get(x, x)
        if root == x:  # the common case in a large corpus: x is a root
            return x
        while parent.get(root, root) != root:
            root = parent[root]
        while x != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; returns the root of the joined set (the smaller id)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
        return min(ra, rb)
