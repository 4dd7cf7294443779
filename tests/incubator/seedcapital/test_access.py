"""Only the cohort's coordinators and the awarded team reach the ledger; everyone else gets 404 everywhere."""

import pytest
from django.urls import reverse

from incubator.seedcapital import services
from incubator.seedcapital.models import Delivery, GoodsItem, Purchase

from .conftest import buy_all, image_upload, plan, schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(award, coordinator):
    """A ledger with a receipt, a confirmed delivery with a photo and an open delivery."""
    oven, trays = plan(award, coordinator, ("Horno", 1, "450.00"), ("Bandejas", 10, "25.00"))
    purchase = buy_all(award, coordinator, [oven, trays], receipt=image_upload())
    done = schedule(award, coordinator, (oven, 1))
    services.delivery_confirm(
        delivery=done,
        by=coordinator,
        code=services.delivery_code(delivery=done),
        witness_name="Rosa",
        photo=image_upload(),
    )
    open_ = schedule(award, coordinator, (trays, 10))
    return award, oven, purchase, done, open_


def _urls(full):
    award, item, purchase, done, open_ = full
    a = award.pk
    gets = [
        reverse("seedcapital:ledger", args=[a]),
        reverse("seedcapital:item_edit", args=[a, item.pk]),
        reverse("seedcapital:receipt", args=[a, purchase.pk]),
        reverse("seedcapital:delivery_photo", args=[a, done.pk]),
    ]
    posts = [
        (
            reverse("seedcapital:item_add", args=[a]),
            {"description": "X", "quantity": "1", "supplier": "X", "unit_cost": "0.01"},
        ),
        (
            reverse("seedcapital:item_edit", args=[a, item.pk]),
            {"description": "X", "quantity": "1", "supplier": "X", "unit_cost": "0.01"},
        ),
        (reverse("seedcapital:item_remove", args=[a, item.pk]), {}),
        (reverse("seedcapital:purchase_add", args=[a]), {"purchased_on": "2031-01-01", "supplier": "X"}),
        (reverse("seedcapital:delivery_schedule", args=[a]), {"planned_on": "2031-01-01", "place": "X"}),
        (
            reverse("seedcapital:delivery_confirm", args=[a, open_.pk]),
            {f"d{open_.pk}-code": "000000", f"d{open_.pk}-witness_name": "X"},
        ),
        (reverse("seedcapital:delivery_cancel", args=[a, open_.pk]), {}),
    ]
    return gets, posts


def _unchanged(full):
    award, item, purchase, done, open_ = full
    open_.refresh_from_db()
    assert (open_.status, open_.failed_attempts) == ("programada", 0)
    assert GoodsItem.objects.filter(award=award).count() == 2 and Purchase.objects.count() == 1
    assert Delivery.objects.count() == 2


@pytest.mark.parametrize("who", ["otra coordinación", "jurado", "mentor", "otro equipo"])
def test_everyone_else_gets_404_on_every_page_and_download(client, full, people, who):
    client.force_login(people[who])
    gets, posts = _urls(full)
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url, data in posts:
        assert client.post(url, data).status_code == 404, url
    _unchanged(full)


def test_anonymous_people_are_sent_to_log_in(client, full):
    gets, posts = _urls(full)
    for url in [*gets, reverse("seedcapital:index"), reverse("seedcapital:mine")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")), url
    for url, data in posts:
        assert client.post(url, data).status_code == 302, url
    _unchanged(full)


def test_the_team_reads_every_page_but_writes_nothing(client, full, member):
    client.force_login(member)
    gets, posts = _urls(full)
    for url in gets[:1] + gets[2:]:
        assert client.get(url).status_code == 200, url
    assert client.get(gets[1]).status_code == 403  # the plan edit page is for coordinators
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    _unchanged(full)


def test_the_coordinator_of_the_cohort_reaches_every_page(client, full, coordinator):
    client.force_login(coordinator)
    gets, _posts = _urls(full)
    for url in gets:
        assert client.get(url).status_code == 200, url


def test_an_admin_coordinates_every_ledger(client, full):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="administracion"))
    assert full[0].entry.venture.name in client.get(reverse("seedcapital:index")).content.decode()
    assert client.get(reverse("seedcapital:ledger", args=[full[0].pk])).status_code == 200


def test_the_lists_show_only_ones_own_awards(client, full, coordinator, member, people, pitch):
    award = full[0]
    name = award.entry.venture.name
    client.force_login(coordinator)
    assert name in client.get(reverse("seedcapital:index")).content.decode()
    client.force_login(member)
    assert name in client.get(reverse("seedcapital:mine")).content.decode()
    assert client.get(reverse("seedcapital:index")).status_code == 404
    client.force_login(people["otra coordinación"])
    page = client.get(reverse("seedcapital:index"))
    assert page.status_code == 200 and name not in page.content.decode() and "700" not in page.content.decode()
    for who in ("jurado", "mentor"):
        client.force_login(people[who])
        assert client.get(reverse("seedcapital:index")).status_code == 404
    client.force_login(people["otro equipo"])
    page = client.get(reverse("seedcapital:mine")).content.decode()
    assert name not in page and "No tienes capital semilla asignado." in page


def test_pages_are_not_cached_nor_indexed(client, full, member, coordinator):
    for person, url in (
        (member, reverse("seedcapital:ledger", args=[full[0].pk])),
        (member, reverse("seedcapital:mine")),
        (coordinator, reverse("seedcapital:index")),
    ):
        client.force_login(person)
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex, nofollow"
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_the_ledger_page_keeps_its_query_budget(client, award, coordinator, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("seedcapital:ledger", args=[award.pk])

    def count(person):
        client.force_login(person)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    small = plan(award, coordinator, ("Horno", 1, "100.00"))
    buy_all(award, coordinator, small)
    schedule(award, coordinator, (small[0], 1))
    before = (count(coordinator), count(member))
    more = plan(award, coordinator, *[(f"Artículo {n}", 2, "10.00") for n in range(8)])
    buy_all(award, coordinator, more)
    for item in more:
        delivery = schedule(award, coordinator, (item, 1))
        services.delivery_confirm(
            delivery=delivery, by=coordinator, code=services.delivery_code(delivery=delivery), witness_name="Rosa"
        )
    after = (count(coordinator), count(member))
    assert before == after and max(after) <= 12, (before, after)
