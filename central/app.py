"""The central service's HTTP application."""

from __future__ import annotations

from importlib.metadata import version

from fastapi import FastAPI


def create_app() -> FastAPI:
    app = FastAPI(
        title="Returns central service",
        version=version("returns-station"),
        description="Receives stations' inspections and photos; serves expected returns.",
    )

    @app.get("/v1/health", operation_id="health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": app.version}

    return app
