from datetime import timedelta

import pytest
from django.utils import timezone

from cms.accounts.models import ConsentVersion, Participant, User
from cms.people import services_claim
from cms.people.models import AccountInvite, ParticipantEvent
from tests.cms.people.desk_fixtures import outsiders, programme_with_coordinator, walk_in

FORM = {
    "username": "brigida.yepez",
    "first_name": "Brígida",
    "last_name": "Yépez Hidalgo",
    "password1": "girasol-del-valle-7",
    "password2": "girasol-del-valle-7",
    "phone": "",
    "email": "",
    "consent": "on",
}


@pytest.fixture
def desk(db):
    ConsentVersion.objects.get_or_create(version="2026-11", defaults={"body": "Texto"})
    programme, coordinator = programme_with_coordinator()
    return coordinator, walk_in(coordinator, programme)


def _invite(client, coordinator, person) -> AccountInvite:
    client.force_login(coordinator)
    response = client.post(f"/coordinacion/invitar/{person.pk}/")
    assert response.status_code == 302
    invite = AccountInvite.objects.get(participant=person)
    assert response["Location"] == f"/coordinacion/invitar/hoja/{invite.pk}/"
    return invite


def test_the_person_claims_her_record_once_with_the_printed_code(client, desk):
    coordinator, person = desk
    invite = _invite(client, coordinator, person)
    sheet = client.get(f"/coordinacion/invitar/hoja/{invite.pk}/").content.decode()
    assert services_claim.code_shown(invite.code) in sheet and "data:image/svg+xml" in sheet
    client.logout()

    response = client.post("/invitacion/", {"code": services_claim.code_shown(invite.code).lower()})
    assert response.status_code == 302
    claim_url = response["Location"]
    assert 'value="Brígida"' in client.get(claim_url).content.decode()
    response = client.post(claim_url, FORM)
    assert response.status_code == 302

    user = User.objects.get(username="brigida.yepez")
    person.refresh_from_db()
    assert person.user == user and Participant.objects.count() == 1  # no second record
    assert user.consent_version is not None
    invite.refresh_from_db()
    assert invite.claimed_at is not None
    actions = set(ParticipantEvent.objects.filter(participant=person).values_list("action", flat=True))
    assert {ParticipantEvent.Action.INVITED, ParticipantEvent.Action.CLAIMED} <= actions

    client.logout()
    again = client.post(claim_url, {**FORM, "username": "otra.cuenta"})
    assert again.status_code == 404 and "ya se usó" in again.content.decode()
    assert not User.objects.filter(username="otra.cuenta").exists()
    assert client.post("/invitacion/", {"code": invite.code}).status_code == 200


def test_an_invite_expires_after_30_days_and_a_forged_link_is_refused(client, desk):
    coordinator, person = desk
    invite = services_claim.invite_create(by=coordinator, participant=person)
    token = services_claim.invite_token(invite)
    AccountInvite.objects.filter(pk=invite.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert client.post("/invitacion/", {"code": invite.code}).status_code == 200
    with pytest.raises(services_claim.InviteInvalid):
        services_claim.invite_from_code(invite.code)
    assert client.get(f"/invitacion/{token[:-2]}xx/").status_code == 404
    with pytest.raises(services_claim.InviteInvalid):
        services_claim.invite_from_token(f"{invite.pk}:forged")


def test_the_signed_link_itself_expires(desk, settings):
    coordinator, person = desk
    invite = services_claim.invite_create(by=coordinator, participant=person)
    token = services_claim.invite_token(invite)
    later = timezone.now() + timedelta(days=31)
    import time

    real = time.time
    try:
        time.time = lambda: later.timestamp()
        with pytest.raises(services_claim.InviteInvalid):
            services_claim.invite_from_token(token)
    finally:
        time.time = real


def test_a_record_with_an_account_cannot_be_invited(desk):
    coordinator, person = desk
    Participant.objects.filter(pk=person.pk).update(user=User.objects.create(username="ya.tiene"))
    person.refresh_from_db()
    with pytest.raises(services_claim.InviteInvalid):
        services_claim.invite_create(by=coordinator, participant=person)


def test_invite_pages_are_404_for_outsiders_and_login_for_anonymous(client, desk):
    coordinator, person = desk
    invite = services_claim.invite_create(by=coordinator, participant=person)
    users = outsiders()
    for url in (f"/coordinacion/invitar/{person.pk}/", f"/coordinacion/invitar/hoja/{invite.pk}/"):
        assert client.get(url).status_code == 302
        for user in users:
            client.force_login(user)
            assert client.get(url).status_code == 404, (url, user)
            assert client.post(url).status_code in (404, 405)
        client.logout()
    assert AccountInvite.objects.count() == 1
