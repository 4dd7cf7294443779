"""A new cohort's applications are reachable from the cohort in the Wagtail admin (it has no ventures yet)."""

import pytest
from django.urls import reverse

from incubator.cohorts.models import Participation
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return UserFactory(role="coordinacion")


def test_the_cohort_listing_links_its_applications_with_how_many_wait(client, coordinator):
    cohort = CohortFactory(name="Cohorte Loja", coordinators=[coordinator])
    for _n in range(2):
        Participation.objects.create(
            cohort=cohort, user=UserFactory(role="aprendiz"), status=Participation.Status.APPLIED
        )
    client.force_login(coordinator)
    body = client.get(reverse("cohortes:index")).content.decode()
    assert reverse("cohorts:applications", args=[cohort.pk]) in body
    assert "2 por revisar" in body
    assert reverse("cohorts:board", args=[cohort.pk]) in body


def test_the_cohort_edit_page_links_its_applications_and_board(client, coordinator):
    cohort = CohortFactory(coordinators=[coordinator])
    client.force_login(coordinator)
    body = client.get(reverse("cohortes:edit", args=[cohort.pk])).content.decode()
    assert reverse("cohorts:applications", args=[cohort.pk]) in body
    assert reverse("cohorts:board", args=[cohort.pk]) in body


def test_the_listing_counts_applications_without_a_query_per_cohort(client, coordinator, django_assert_max_num_queries):
    for n in range(6):
        cohort = CohortFactory(name=f"Cohorte {n}", coordinators=[coordinator])
        Participation.objects.create(
            cohort=cohort, user=UserFactory(role="aprendiz"), status=Participation.Status.APPLIED
        )
    client.force_login(coordinator)
    client.get(reverse("cohortes:index"))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("cohortes:index")).status_code == 200
