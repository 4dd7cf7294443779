import pytest


@pytest.mark.django_db
def test_it_reports_every_check_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": True,
        "migrations": True,
        "cache": True,
        "channel_layer": True,
        "down": [],
    }


@pytest.mark.django_db
def test_it_answers_503_when_the_channel_layer_fails(client, monkeypatch):
    monkeypatch.setattr("cms.home.health.channel_layer_round_trip", lambda: False)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["channel_layer"] is False
    assert response.json()["down"] == ["channel_layer"]
