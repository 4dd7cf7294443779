"""Referral pages: who sees what (404 for everyone else), the partner's minimum, the person's plain lines,
the coordinator's form and list, and query counts that do not grow with the list."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.accounts.models import Center, Participant, Programme
from cms.people.models import ConsentEvent, SensitiveRead
from cms.referrals import services
from cms.referrals.models import Referral, ServiceType
from tests.cms.referrals.conftest import in_state, organisation_with_partner, sent
from tests.factories import UserFactory

State = Referral.State
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- authorization -------------------------------------------------------------------------------------


def _outsiders(world):
    other_programme = Programme.objects.create(name="Otro", slug="otro")
    Center.objects.create(programme=other_programme, name="Centro Cuenca", province="Azuay", city="Cuenca")
    other_coordinator = UserFactory(role="coordinacion")
    other_programme.coordinators.add(other_coordinator)
    _org, other_partner = organisation_with_partner("Otra fundación")
    other_learner = UserFactory(role="aprendiz")
    Participant.objects.create(user=other_learner, given_names="Otra", city="Quito")
    return {
        "coordinación de otro programa": other_coordinator,
        "aliada de otra organización": other_partner,
        "mentora": UserFactory(role="mentor"),
        "jurado": UserFactory(role="jurado"),
        "otra aprendiz": other_learner,
    }


def _coordination_urls(referral):
    return [
        ("get", reverse("referrals:list")),
        ("get", reverse("referrals:detail", args=[referral.pk])),
        ("get", reverse("referrals:participant", args=[referral.participant_id])),
        ("get", reverse("referrals:create") + f"?participante={referral.participant_id}"),
        ("post", reverse("referrals:send", args=[referral.pk])),
        ("post", reverse("referrals:close", args=[referral.pk])),
        ("post", reverse("referrals:revoke", args=[referral.pk])),
    ]


def _partner_urls(referral):
    return [
        ("get", reverse("referrals:partner_detail", args=[referral.pk])),
        ("post", reverse("referrals:partner_accept", args=[referral.pk])),
        ("get", reverse("referrals:partner_reject", args=[referral.pk])),
        ("post", reverse("referrals:partner_reject", args=[referral.pk])),
        ("post", reverse("referrals:partner_attend", args=[referral.pk])),
    ]


def test_every_page_of_a_referral_is_404_for_people_outside_it(world):
    referral = sent(world)
    for label, user in _outsiders(world).items():
        client = client_for(user)
        urls = _partner_urls(referral) + [("post", reverse("referrals:withdraw", args=[referral.pk]))]
        if label != "coordinación de otro programa":
            urls += _coordination_urls(referral)
        else:
            urls += _coordination_urls(referral)[1:3] + _coordination_urls(referral)[4:]
        for method, url in urls:
            response = getattr(client, method)(url, {"reason": "x"} if method == "post" else None)
            assert response.status_code == 404, (label, method, url, response.status_code)
    referral.refresh_from_db()
    assert referral.state == State.SENT


def test_the_other_programmes_coordinator_cannot_choose_her_for_a_referral(world):
    other = _outsiders(world)["coordinación de otro programa"]
    client = client_for(other)
    assert client.get(reverse("referrals:create") + f"?participante={world.participant.pk}").status_code == 404
    service = world.organisation.services.get(service_type=ServiceType.CHILDCARE)
    response = client.post(
        reverse("referrals:create"),
        {"participant": world.participant.pk, "service": service.pk, "need": "x", "contact": "x", "consent": "on"},
    )
    assert response.status_code == 400 and not Referral.objects.exists()
    assert client.get(reverse("referrals:list")).context["rows"] == []


@pytest.mark.parametrize("state", [State.REJECTED, State.CLOSED, State.REVOKED, State.DRAFT])
def test_the_partner_loses_the_referral_once_it_is_not_open_to_her(world, state):
    referral = in_state(world, state)
    client = client_for(world.partner)
    for method, url in _partner_urls(referral):
        assert getattr(client, method)(url).status_code == 404, (state, url)
    assert referral.need not in client.get(reverse("referrals:partner_list")).content.decode()


def test_the_person_sees_only_her_own_referrals(world):
    referral = sent(world)
    other = _outsiders(world)["otra aprendiz"]
    page = client_for(other).get(reverse("referrals:mine")).content.decode()
    assert world.organisation.name not in page and "No tienes derivaciones" in page
    assert client_for(world.person).get(reverse("referrals:detail", args=[referral.pk])).status_code == 404


# --- the partner's minimum -----------------------------------------------------------------------------


def test_the_partner_sees_only_the_minimum_and_the_read_is_logged(world):
    referral = sent(world)
    client = client_for(world.partner)
    listing = client.get(reverse("referrals:partner_list")).content.decode()
    page = client.get(reverse("referrals:partner_detail", args=[referral.pk])).content.decode()
    for html in (listing, page):
        assert "Brígida" in html
        for hidden in ("Mercedes", "Yépez", "Hidalgo", "19.876.543", "refugiada", "Refugiada", "0987654321 "):
            assert hidden not in html, hidden
    assert "WhatsApp 0987654321" in page and referral.need in page and "Cuidado infantil" in page
    read = SensitiveRead.objects.get()
    assert (read.participant, read.field, read.reader) == (world.participant, "referral", world.partner)
    assert read.reader_role == "aliada"


def test_the_partner_accepts_rejects_and_marks_attended_on_her_pages(world):
    client = client_for(world.partner)
    referral = sent(world)
    client.post(reverse("referrals:partner_accept", args=[referral.pk]))
    client.post(reverse("referrals:partner_attend", args=[referral.pk]))
    referral.refresh_from_db()
    assert referral.state == State.ATTENDED
    credit = sent(world, ServiceType.CREDIT)
    response = client.post(reverse("referrals:partner_reject", args=[credit.pk]), {"reason": ""})
    assert response.status_code == 400 and 'id="id_reason_error"' in response.content.decode()
    client.post(reverse("referrals:partner_reject", args=[credit.pk]), {"reason": "No atendemos en su barrio"})
    credit.refresh_from_db()
    assert credit.state == State.REJECTED and credit.rejection_reason == "No atendemos en su barrio"


def test_a_second_accept_says_why_in_spanish(world):
    referral = in_state(world, State.ACCEPTED)
    response = client_for(world.partner).post(reverse("referrals:partner_accept", args=[referral.pk]), follow=True)
    assert "ya no se puede cambiar" in response.content.decode()


# --- coordination ----------------------------------------------------------------------------------------


def _form(world, **extra):
    service = world.organisation.services.get(service_type=ServiceType.CHILDCARE)
    return {
        "participant": world.participant.pk,
        "service": service.pk,
        "need": "Cuidado para su hija mientras va al curso",
        "contact": "WhatsApp 0987654321",
        **extra,
    }


def test_the_coordinator_refers_with_the_consent_she_records_at_the_center(world):
    client = client_for(world.coordinator)
    page = client.get(reverse("referrals:create") + f"?participante={world.participant.pk}").content.decode()
    assert "Su consentimiento" in page and "texto-consentimiento" in page
    response = client.post(reverse("referrals:create"), _form(world, consent="on", accion="enviar"))
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("referrals:detail", args=[referral.pk])
    assert referral.state == State.SENT and referral.created_by == world.coordinator
    assert ConsentEvent.objects.get().by == world.coordinator


def test_sending_without_consent_shows_the_reason_and_saves_nothing(world):
    response = client_for(world.coordinator).post(reverse("referrals:create"), _form(world, accion="enviar"))
    assert response.status_code == 400 and "Falta su consentimiento" in response.content.decode()
    assert not Referral.objects.exists()


def test_a_draft_is_saved_without_consent_and_sent_later(world):
    client = client_for(world.coordinator)
    client.post(reverse("referrals:create"), _form(world, accion="borrador"))
    referral = Referral.objects.get()
    assert referral.state == State.DRAFT
    response = client.post(reverse("referrals:send", args=[referral.pk]), follow=True)
    assert "Falta su consentimiento" in response.content.decode()


def test_a_double_referral_gets_a_spanish_error_next_to_the_service(world):
    sent(world)
    response = client_for(world.coordinator).post(reverse("referrals:create"), _form(world, consent="on"))
    assert response.status_code == 400
    assert "ya tiene una derivación abierta para este servicio" in response.content.decode()
    assert Referral.objects.count() == 1


def test_the_list_filters_and_shows_the_overdue_figure(world):
    from datetime import timedelta

    from django.utils import timezone

    late = sent(world)
    Referral.objects.filter(pk=late.pk).update(sent_at=timezone.now() - timedelta(days=9))
    in_state(world, State.ACCEPTED, ServiceType.CREDIT)
    client = client_for(world.coordinator)
    page = client.get(reverse("referrals:list")).content.decode()
    assert "1 derivación atrasada" in page and "atrasada 6 días" in page  # 9 days, 3 to answer
    rows = client.get(reverse("referrals:list"), {"atrasadas": "on"}).context["rows"]
    assert [row.referral.pk for row in rows] == [late.pk]
    rows = client.get(reverse("referrals:list"), {"estado": State.ACCEPTED}).context["rows"]
    assert [row.referral.service_type for row in rows] == [ServiceType.CREDIT]
    rows = client.get(reverse("referrals:list"), {"servicio": ServiceType.CHILDCARE}).context["rows"]
    assert [row.referral.pk for row in rows] == [late.pk]


def test_the_detail_shows_the_log_and_the_coordinator_closes_and_revokes(world):
    referral = in_state(world, State.ATTENDED)
    client = client_for(world.coordinator)
    page = client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Historial" in page and "Cerrar derivación" in page
    client.post(reverse("referrals:close", args=[referral.pk]), {"note": "Todo bien"})
    referral.refresh_from_db()
    assert referral.state == State.CLOSED and referral.events.last().note == "Todo bien"
    other = sent(world, ServiceType.CREDIT)
    client.post(reverse("referrals:revoke", args=[other.pk]))
    other.refresh_from_db()
    assert other.state == State.REVOKED


# --- the person ------------------------------------------------------------------------------------------


def test_the_person_reads_plain_lines_and_withdraws_her_consent(world):
    referral = in_state(world, State.ACCEPTED)
    draft_only = services.referral_create(
        by=world.coordinator,
        participant=world.participant,
        organisation=world.organisation,
        service_type=ServiceType.CREDIT,
        need="Crédito",
        contact="x",
    )
    client = client_for(world.person)
    page = client.get(reverse("referrals:mine")).content.decode()
    assert "Te derivamos a Fundación Manitos Seguras para cuidado infantil. Estado: aceptada." in page
    assert "crédito" not in page  # a draft is not hers to see yet
    assert draft_only.pk
    response = client.post(reverse("referrals:withdraw", args=[referral.pk]), follow=True)
    assert "Retiraste tu consentimiento" in response.content.decode()
    referral.refresh_from_db()
    assert referral.state == State.REVOKED
    assert "Estado: revocada." in client.get(reverse("referrals:mine")).content.decode()


def test_the_start_page_has_a_tile_for_each_role(world):
    sent(world)
    assert "derivaciones-recibidas" in client_for(world.partner).get(reverse("home:dashboard")).content.decode()
    assert "mis-derivaciones" in client_for(world.person).get(reverse("home:dashboard")).content.decode()
    assert "inicio-derivaciones" in client_for(world.coordinator).get(reverse("home:dashboard")).content.decode()


def test_coordination_edits_partner_organisations_in_the_wagtail_admin(world):
    world.coordinator.is_staff = True
    world.coordinator.save()
    client = client_for(world.coordinator)
    assert client.get("/admin/snippets/referrals/partnerorganisation/").status_code == 200
    assert client.get("/admin/snippets/referrals/partnerservice/").status_code == 200
    assert client_for(world.partner).get("/admin/snippets/referrals/partnerorganisation/").status_code == 302


# --- query counts ----------------------------------------------------------------------------------------


def _many(world, n: int) -> None:
    """n sent referrals for n people of the programme's center, all to the world's organisation."""
    center = world.programme.centers.get()
    for i in range(n):
        participant = Participant.objects.create(given_names=f"Persona{i}", surnames="Prueba", center=center)
        sent(world, participant=participant)


def _queries(client, url) -> int:
    client.get(url)  # the session's first read is cached afterwards: count a warm request
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("coordinator", "referrals:list"),
        ("coordinator", "referrals:list?atrasadas=on"),
        ("partner", "referrals:partner_list"),
    ],
)
def test_list_queries_do_not_grow_from_10_to_200_referrals(world, who, url):
    name, _sep, query = url.partition("?")
    address = reverse(name) + (f"?{query}" if query else "")
    client = client_for(getattr(world, who))
    _many(world, 10)
    with_10 = _queries(client, address)
    _many(world, 190)
    assert _queries(client, address) == with_10


def test_her_own_list_does_not_grow_with_her_referrals(world):
    client = client_for(world.person)
    sent(world)
    with_1 = _queries(client, reverse("referrals:mine"))
    sent(world, ServiceType.CREDIT)
    assert _queries(client, reverse("referrals:mine")) == with_1
