"""Coordinators shape the milestone templates in the Wagtail admin."""

import pytest
from django.urls import reverse

from incubator.milestones.services import milestones_default_template_ensure
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_template_with_its_items_opens_in_the_admin(client):
    template = milestones_default_template_ensure()
    client.force_login(UserFactory(role="administracion", is_superuser=True))
    listing = client.get(reverse("wagtailsnippets_milestones_milestonetemplate:list"))
    assert listing.status_code == 200 and "Incubadora de cuatro meses" in listing.content.decode()
    edit = client.get(reverse("wagtailsnippets_milestones_milestonetemplate:edit", args=[template.pk]))
    assert edit.status_code == 200 and "Prototipo v1" in edit.content.decode()
