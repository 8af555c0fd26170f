"""The web application: assembles the API and page routers over one store."""

from __future__ import annotations

from pathlib import Path

import logging

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from .. import __version__
from ..config import Config
from ..lang import use_folder
from ..store import Store
from . import api, feeds, web
from .resources import refuse_nul
from .security import HeadAsGet, SecurityAndCaching

HERE = Path(__file__).parent
#: Where Swagger UI's script and styles are served: Swagger UI 5 as the swagger-ui-py package ships it.
DOCS_ASSETS = "/docs/assets"


def swagger_ui_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("swagger_ui")  # not imported: only its files are wanted
    assert spec is not None and spec.submodule_search_locations, "swagger-ui-py is a pinned dependency"
    return Path(list(spec.submodule_search_locations)[0]) / "static"
log = logging.getLogger(__name__)
#: What a reader is told for each error; nothing internal is shown.
ERROR_TEXT = {404: ("Not found", "There is no such page here."),
              405: ("Not allowed", "This page cannot be asked for that way."),
              422: ("Not understood", "Something in the address is not what this page takes."),
              500: ("Something went wrong", "newsdesk could not show this page. The error is logged.")}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi"))


def error_page(request: Request, status: int) -> HTMLResponse:
    title, text = ERROR_TEXT.get(status, ERROR_TEXT[500] if status >= 500 else ERROR_TEXT[404])
    return web.templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "text": text},
                                          status_code=status)


def create_app(store: Store, config: Config | None = None) -> FastAPI:
    from ..pipeline import Ingester
    from ..sources.fetch import FetchConfig, Fetcher

    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="Clean, structured news articles and what newsdesk knows about them.",
        docs_url=None,  # served below from the swagger-ui-bundle package: no CDN, works offline
        redoc_url=None,
        dependencies=[Depends(refuse_nul)],
    )
    app.state.store = store
    app.state.config = config = config or Config.from_env()
    use_folder(config.languages)
    app.state.ingester = Ingester(store, Fetcher(FetchConfig.from_config(config)), config.reading)
    app.add_middleware(SecurityAndCaching)
    app.add_middleware(HeadAsGet)  # outermost: everything inside sees a GET
    app.include_router(api.router)
    app.include_router(api.writes)
    app.include_router(web.router)
    app.include_router(feeds.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.mount(DOCS_ASSETS, StaticFiles(directory=swagger_ui_path()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        """The interactive API docs, Swagger UI's own files served by newsdesk."""
        return web.templates.TemplateResponse(request, "docs.html", {"assets": DOCS_ASSETS})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if wants_json(request):
            return await http_exception_handler(request, exc)
        return error_page(request, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if wants_json(request):
            return await request_validation_exception_handler(request, exc)
        return error_page(request, 422)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        if wants_json(request):
            from fastapi.responses import JSONResponse

            return JSONResponse({"detail": "internal error"}, status_code=500)
        return error_page(request, 500)

    return app
