import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme, User
from cms.privacy.models import PrivacyRequest, PrivacyRequestEvent
from cms.privacy.services import privacy_request_file
from tests.cms.privacy.conftest import IDENTIFIERS
from tests.factories import UserFactory

OWN_PAGES = ("privacy:my_data", "privacy:export_json", "privacy:export_html", "privacy:who_read", "privacy:erase")


def test_she_downloads_her_data_as_json_and_as_an_offline_page(client, demo):
    client.force_login(demo.user)
    document = json.loads(client.get(reverse("privacy:export_json")).content)
    assert document["schema_version"] == 1
    page = client.get(reverse("privacy:export_html")).content.decode()
    assert demo.texts["message"] in page and "<style>" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page and "<script" not in page


def test_each_page_shows_only_her_own_data(client, demo):
    for other in (UserFactory(role="aprendiz"), demo.mentor, demo.coordinator):
        client.force_login(other)
        for name in OWN_PAGES:
            body = client.get(reverse(name)).content.decode()
            assert IDENTIFIERS["document"] not in body and demo.texts["message"] not in body, (other, name)


def test_she_sees_who_read_her_migratory_status(client, demo):
    client.force_login(demo.user)
    body = client.get(reverse("privacy:who_read")).content.decode()
    assert "Carmen Coordinadora" in body and "Derivación a asesoría legal" in body
    assert "situación de movilidad humana" in body and "(Coordinación)" in body


def test_the_erase_page_shows_what_goes_and_what_stays_then_files_a_request(client, demo):
    client.force_login(demo.user)
    body = client.get(reverse("privacy:erase")).content.decode()
    assert "Mensajes que escribiste" in body and "LOPDP" in body
    assert not PrivacyRequest.objects.exists()
    client.post(reverse("privacy:erase"), {"confirm": "on"})
    request = PrivacyRequest.objects.get()
    assert request.kind == PrivacyRequest.Kind.ERASE and request.channel == PrivacyRequest.Channel.SELF
    assert request.due_at - request.received_at == timedelta(days=15)
    assert User.objects.get(pk=demo.user.pk).is_active  # nothing is erased before the answer


def test_a_coordinator_approves_within_the_clock_and_she_is_erased(client, demo):
    request = privacy_request_file(
        participant=demo.participant, kind="eliminacion", by=demo.user, channel=PrivacyRequest.Channel.SELF
    )
    client.force_login(demo.coordinator)
    listing = client.get(reverse("privacy:requests")).content.decode()
    assert "Borrar tus datos" in listing and "Atrasada" not in listing
    client.post(reverse("privacy:request_answer", args=[request.pk]), {"approve": "1"})
    request.refresh_from_db()
    assert request.state == PrivacyRequest.State.DONE and request.answered_by == demo.coordinator
    assert request.answered_at <= request.due_at
    user = User.objects.get(pk=demo.user.pk)
    assert user.username != IDENTIFIERS["username"] and not user.is_active
    actions = list(PrivacyRequestEvent.objects.filter(request=request).values_list("action", flat=True))
    assert actions == ["registrada", "borrado", "atendida"]


def test_a_late_request_is_marked_late(client, demo):
    request = privacy_request_file(
        participant=demo.participant, kind="acceso", by=demo.user, channel=PrivacyRequest.Channel.SELF
    )
    PrivacyRequest.objects.filter(pk=request.pk).update(due_at=timezone.now() - timedelta(days=1))
    client.force_login(demo.coordinator)
    assert "Atrasada" in client.get(reverse("privacy:requests")).content.decode()


def test_a_coordinator_files_for_her_at_the_center_but_another_programme_cannot(client, demo):
    url = reverse("privacy:request_file", args=[demo.participant.pk])
    other = UserFactory(role="coordinacion")
    Programme.objects.create(name="Otro", slug="otro").coordinators.add(other)
    for outsider in (other, UserFactory(role="aprendiz"), demo.mentor):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert client.post(url, {"kind": "acceso", "identity_check": "cédula vista"}).status_code == 404
    assert not PrivacyRequest.objects.exists()
    client.force_login(demo.coordinator)
    client.post(url, {"kind": "acceso", "identity_check": "vi su cédula en el centro"})
    request = PrivacyRequest.objects.get()
    assert request.channel == PrivacyRequest.Channel.CENTER and request.identity_check == "vi su cédula en el centro"
    client.force_login(other)
    assert "Acceso" not in client.get(reverse("privacy:requests")).content.decode()


def test_a_correction_of_her_profile_is_passed_to_the_rectification_receivers(client, demo, monkeypatch):
    from cms.personal_data import registry

    calls = []
    monkeypatch.setattr(registry, "on_rectified", [lambda **kw: calls.append(kw)])
    from cms.accounts.services import profile_update

    profile_update(user=demo.user, data={"city": "Cuenca"})
    assert calls and calls[0]["fields"] == ["city"]


def test_coordinators_find_the_requests_from_the_admin_menu(client, demo):
    from cms.accounts.services import role_permissions_ensure

    role_permissions_ensure()
    client.force_login(demo.coordinator)
    assert "Solicitudes de privacidad" in client.get("/admin/").content.decode()
    client.force_login(demo.mentor)
    assert "Solicitudes de privacidad" not in client.get("/admin/").content.decode()


def test_the_privacy_notice_is_public_and_names_the_dpo(client, db, settings):
    settings.SEMILLA_DPO_CONTACT = "dpo@semilla.ec"
    body = client.get(reverse("privacy:notice")).content.decode()
    assert "dpo@semilla.ec" in body and "15 días" in body


def test_a_coordinators_correction_is_passed_to_the_rectification_receivers(demo, monkeypatch):
    from cms.people.services import participant_update
    from cms.personal_data import registry

    calls = []
    monkeypatch.setattr(registry, "on_rectified", [lambda **kw: calls.append(kw)])
    participant_update(by=demo.coordinator, participant=demo.participant, data={"phone": "0990000000"})
    assert calls == [{"participant": demo.participant, "fields": ["phone"], "by": demo.coordinator}]


@pytest.mark.django_db
def test_the_desk_page_of_a_person_links_to_filing_a_request_for_her(client):
    programme = Programme.objects.create(name="Emprende", slug="emprende-desk")
    center = Center.objects.create(programme=programme, name="Centro", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    person = Participant.objects.create(given_names="Yenifer", surnames="Rondón", center=center)
    client.force_login(coordinator)
    body = client.get(f"/coordinacion/personas/{person.pk}/").content.decode()
    assert f"/cuenta/privacidad/personas/{person.pk}/solicitud/" in body
