"""The web application: assembles the API and page routers over one store."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..config import Config
from ..store import Store
from . import api, web
from .security import SecurityAndCaching

HERE = Path(__file__).parent


def create_app(store: Store, config: Config | None = None) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="Clean, structured news articles and what newsdesk knows about them.",
    )
    app.state.store = store
    app.state.config = config or Config.from_env()
    app.add_middleware(SecurityAndCaching)
    app.include_router(api.router)
    app.include_router(web.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
