"""The person's path on one page, from the sections lms and incubator register; the incubator's scope."""

import pytest
from django.urls import reverse

from cms.accounts.models import Center, Participant, Programme
from cms.people import services as people
from cms.people.selectors import participants_visible_to
from cms.referrals.models import PartnerOrganisation, Referral, ServiceType
from incubator.jury.models import Award
from lms.certificates.models import Certificate
from lms.courses.models import Enrolment
from tests.factories import UserFactory, award_for, build_course, pitch_event_with_entries


@pytest.mark.django_db
def test_the_path_shows_courses_certificates_cohort_venture_milestones_and_awards(client, coordinator, programme):
    event, entries, _jurors, _cohort_coordinator = pitch_event_with_entries(ventures=1, jurors=0)
    venture = entries[0].venture
    member = venture.members.get()
    course = build_course(title="Educación financiera")
    Enrolment.objects.create(user=member, course=course)
    Certificate.objects.create(
        user=member, course=course, code="XYZ789", learner_name="Ana", course_title=course.title, hours=6
    )
    award_for(entries[0], amount="700")
    person = Participant.objects.create(user=member, given_names="Ana", center=programme.centers.first())
    client.force_login(coordinator)
    page = client.get(reverse("people:detail", kwargs={"pk": person.pk})).content.decode()
    for expected in (
        "Educación financiera",
        "0 de 4 lecciones",
        "/certificados/XYZ789/pdf/",
        venture.cohort.name,
        "Aceptada",
        venture.name,
        "Capital semilla",
        "700,00 USD",
        str(Award.Status.ACTIVE.label),
    ):
        assert expected in page, expected


@pytest.mark.django_db
def test_a_walk_in_without_an_account_has_a_short_path(client, coordinator, person):
    client.force_login(coordinator)
    page = client.get(reverse("people:detail", kwargs={"pk": person.pk})).content.decode()
    assert "Todavía no tiene cuenta" in page and "Capital semilla" not in page


@pytest.mark.django_db
def test_a_cohort_coordinator_sees_the_people_of_her_cohorts_and_no_one_else(client):
    from tests.factories import venture_with_team

    _venture, member, _mentor, cohort_coordinator = venture_with_team()
    person = Participant.objects.create(user=member, given_names="Génesis", city="Cuenca")
    stranger = Participant.objects.create(user=UserFactory(role="aprendiz"), given_names="Otra", city="Cuenca")
    other = UserFactory(role="coordinacion")
    assert list(participants_visible_to(user=cohort_coordinator)) == [person]
    assert stranger not in participants_visible_to(user=cohort_coordinator)
    assert not participants_visible_to(user=other).exists()
    client.force_login(cohort_coordinator)
    assert client.get(reverse("people:detail", kwargs={"pk": person.pk})).status_code == 200
    client.force_login(other)
    assert client.get(reverse("people:detail", kwargs={"pk": person.pk})).status_code == 404


@pytest.mark.django_db
def test_a_merged_records_notes_and_referrals_show_on_the_survivors_page(client):
    programme = Programme.objects.create(name="Emprende", slug="emprende")
    center = Center.objects.create(programme=programme, name="Centro", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    survivor = Participant.objects.create(given_names="Brígida", surnames="Yépez", center=center)
    merged = Participant.objects.create(given_names="Brijida", surnames="Llépez", center=center, merged_into=survivor)
    people.case_note_add(by=coordinator, participant=merged, body="Nota del registro unido.")
    organisation = PartnerOrganisation.objects.create(name="Fundación Manitos", cities="Quito")
    Referral.objects.create(participant=merged, organisation=organisation, service_type=ServiceType.CHILDCARE)
    client.force_login(coordinator)
    body = client.get(f"/coordinacion/personas/{survivor.pk}/").content.decode()
    assert "Nota del registro unido." in body
    assert "Fundación Manitos" in body and "Derivar a un servicio" in body
