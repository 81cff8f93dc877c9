"""A replica's answers to nginx (app/replica.py), from a real Bokeh server: its name on every response, and a 503
for nginx's marked page requests while its training places are all taken."""

from __future__ import annotations

import asyncio

import pytest
from bokeh.application import Application
from bokeh.server.server import Server
from tornado.httpclient import AsyncHTTPClient

from softmax_explorer.app import replica
from softmax_explorer.components.admission import PLACES

MARK = {replica.ADMISSION_HEADER: replica.ROUTE_AROUND}


def fetch(path: str, headers: dict | None = None, environ: dict | None = None):
    """The response to GET ``path`` from a Bokeh server with an empty app at /app and the replica hooks."""

    async def run():
        server = Server({"/app": Application()}, port=0, address="127.0.0.1")
        replica.install(server._tornado, environ or {})
        server.start()
        try:
            return await AsyncHTTPClient().fetch(
                f"http://127.0.0.1:{server.port}{path}", headers=headers or {}, raise_error=False
            )
        finally:
            server.stop()

    return asyncio.run(run())


@pytest.fixture(autouse=True)
def unnamed():
    yield
    replica.ReplicaName.name = ""


@pytest.fixture
def full(monkeypatch):
    monkeypatch.setattr(PLACES, "limit", 1)
    monkeypatch.setattr(PLACES, "_holders", {"a student"})


def test_every_response_names_the_replica():
    response = fetch("/app", environ={replica.REPLICA_ENV: "r7"})
    assert response.code == 200
    assert response.headers[replica.REPLICA_HEADER] == "r7"


def test_an_unnamed_replica_adds_no_name():
    assert replica.REPLICA_HEADER not in fetch("/app").headers


def test_a_full_replica_answers_nginx_s_page_requests_503(full):
    response = fetch("/app", MARK)
    assert response.code == 503
    assert response.headers["Retry-After"] == str(replica.RETRY_AFTER_S)


def test_a_full_replica_serves_a_page_asked_for_without_the_mark(full):
    assert fetch("/app").code == 200  # nginx's last try (every replica full), or no nginx at all


def test_a_replica_with_room_serves_nginx_s_page_requests(monkeypatch):
    monkeypatch.setattr(PLACES, "limit", 2)
    monkeypatch.setattr(PLACES, "_holders", {"a student"})
    assert fetch("/app", MARK).code == 200


def test_only_pages_are_refused(full):
    assert fetch("/static/js/bokeh.min.js", MARK).code == 200
