"""A save whose answer was lost on the way back must not conflict with the same page's next save."""

import pytest
from django.urls import reverse

from tests.incubator.plans.conftest import form_data, values_with

pytestmark = pytest.mark.django_db


def _autosave(client, venture, data):
    return client.post(reverse("plans:autosave", args=[venture.pk]), data)


def test_the_same_page_saving_again_from_the_revision_it_already_saved_goes_on_top(client, member, venture, plan):
    client.force_login(member)
    assert _autosave(client, venture, form_data(values_with(plan, channels="WhatsApp"), 0, pestana="p1")).json()["ok"]
    # The page never got revision 1 back: it sends revision 0 again, with more text.
    response = _autosave(client, venture, form_data(values_with(plan, channels="WhatsApp y feria"), 0, pestana="p1"))
    assert response.status_code == 200 and response.json()["revision"] == 2
    plan.refresh_from_db()
    assert plan.channels == "WhatsApp y feria"


@pytest.mark.parametrize("other_page", ["p2", ""])
def test_another_page_or_no_page_id_from_an_old_revision_is_still_a_conflict(client, member, venture, plan, other_page):
    client.force_login(member)
    _autosave(client, venture, form_data(values_with(plan, channels="A"), 0, pestana="p1"))
    response = _autosave(client, venture, form_data(values_with(plan, channels="B"), 0, pestana=other_page))
    assert response.status_code == 409
    plan.refresh_from_db()
    assert plan.channels == "A"


def test_the_explicit_save_recognises_its_page_too(client, member, venture, plan):
    client.force_login(member)
    _autosave(client, venture, form_data(values_with(plan, channels="A"), 0, pestana="p1"))
    response = client.post(
        reverse("plans:plan", args=[venture.pk]), form_data(values_with(plan, channels="A y B"), 0, pestana="p1")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.channels == "A y B"
