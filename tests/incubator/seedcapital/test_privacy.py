"""Delivery dates and places, winners and amounts stay on the ledger page: not in titles, lists, link texts,
the person's home page, other pages, nor any message or e-mail."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from incubator.seedcapital import services

from .conftest import DAY_TEXTS, PLACE

pytestmark = pytest.mark.django_db


def _secrets_in(html: str) -> list[str]:
    return [s for s in (PLACE, "Solanda", *DAY_TEXTS) if s in html]


def _title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_dates_and_places_appear_only_on_the_ledger_page(client, scheduled, coordinator, member):
    award, items, delivery = scheduled
    ledger_url = reverse("seedcapital:ledger", args=[award.pk])
    for person, urls in (
        (
            member,
            [
                reverse("home:dashboard"),
                reverse("seedcapital:mine"),
                reverse("ventures:mine"),
                reverse("ventures:detail", args=[award.entry.venture_id]),
            ],
        ),
        (
            coordinator,
            [
                reverse("home:dashboard"),
                reverse("seedcapital:index"),
                reverse("seedcapital:item_edit", args=[award.pk, items[0].pk]),
                reverse("ventures:detail", args=[award.entry.venture_id]),
            ],
        ),
    ):
        client.force_login(person)
        ledger = client.get(ledger_url).content.decode()
        assert PLACE in ledger and DAY_TEXTS[0] in ledger  # the check finds them where they belong
        assert _secrets_in(_title(ledger)) == [] and award.entry.venture.name not in _title(ledger)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            assert _secrets_in(response.content.decode()) == [], url


def test_link_texts_on_the_ledger_never_carry_the_date_or_place(client, scheduled, member):
    award = scheduled[0]
    client.force_login(member)
    html = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    links = re.findall(r"<a [^>]*>(.*?)</a>", html, re.S)
    assert links and all(_secrets_in(text) == [] for text in links)


def test_the_code_is_shown_only_to_the_team(client, scheduled, coordinator, member):
    award, items, delivery = scheduled
    code = services.delivery_code(delivery=delivery)
    url = reverse("seedcapital:ledger", args=[award.pk])
    client.force_login(member)
    assert code in client.get(url).content.decode()
    client.force_login(coordinator)
    assert code not in client.get(url).content.decode()
    services.delivery_confirm(delivery=delivery, by=coordinator, code=code, witness_name="Rosa")
    client.force_login(member)
    assert code not in client.get(url).content.decode()  # used: no longer shown


def test_the_ledger_sends_no_message_and_logs_no_code(client, scheduled, coordinator):
    award, items, delivery = scheduled
    code = services.delivery_code(delivery=delivery)
    client.force_login(coordinator)
    prefix = f"d{delivery.pk}-"
    response = client.post(
        reverse("seedcapital:delivery_confirm", args=[award.pk, delivery.pk]),
        {prefix + "code": code, prefix + "witness_name": "Rosa"},
    )
    assert response.status_code == 302
    assert mail.outbox == []
    from incubator.seedcapital.models import SeedCapitalEvent

    assert all(code not in str(e.new_value) for e in SeedCapitalEvent.objects.filter(award=award))
