from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.privacy.models import DataBreach
from tests.factories import UserFactory


@pytest.mark.django_db
def test_a_breach_has_a_5_day_clock_to_the_authority_and_3_days_to_the_people():
    found = timezone.now() - timedelta(days=4)
    breach = DataBreach.objects.create(
        title="Laptop robada", description="-", data_affected="nombres", discovered_at=found
    )
    assert breach.authority_due_at == found + timedelta(days=5)
    assert breach.people_due_at == found + timedelta(days=3)
    assert breach.clock_state() == "aviso a las personas atrasado"
    breach.people_notified_at = timezone.now()
    assert breach.clock_state() == "a tiempo"


def test_the_register_lists_who_is_affected_in_the_admin(client, demo):
    breach = DataBreach.objects.create(
        title="Correo enviado a quien no era", description="-", data_affected="teléfonos"
    )
    breach.affected.add(demo.participant)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("wagtailsnippets_privacy_databreach:list")).content.decode()
    assert "Correo enviado a quien no era" in listing
    edit = client.get(reverse("wagtailsnippets_privacy_databreach:edit", args=[breach.pk])).content.decode()
    assert "Rondón" in edit
