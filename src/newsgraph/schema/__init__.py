"""The newsgraph/1 JSON Schema, shipped with the package."""
