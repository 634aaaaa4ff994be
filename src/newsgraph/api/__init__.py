"""The REST API (FastAPI): ``create_app(ApiSettings(...))``; ``newsgraph serve`` runs it."""

from newsgraph.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
