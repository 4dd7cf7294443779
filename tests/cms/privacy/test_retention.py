import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.accounts.models import Participant, User
from cms.privacy.models import PrivacyRequest, RetentionWarning
from cms.privacy.retention import retention_run
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_account_never_used_after_sign_up_is_erased_after_the_set_time(settings):
    settings.SEMILLA_UNUSED_ACCOUNT_DAYS = 90
    old = UserFactory(role="aprendiz", username="nunca.entro", date_joined=timezone.now() - timedelta(days=91))
    recent = UserFactory(role="aprendiz", username="recien.llego")
    coordinator = UserFactory(role="coordinacion", date_joined=timezone.now() - timedelta(days=400))
    call_command("privacy_retention", stdout=io.StringIO())
    assert not User.objects.filter(username="nunca.entro").exists()
    assert User.objects.get(pk=recent.pk).is_active and User.objects.get(pk=coordinator.pk).is_active
    request = PrivacyRequest.objects.get(participant__user=old)
    assert request.channel == PrivacyRequest.Channel.RETENTION and request.state == PrivacyRequest.State.DONE


def test_an_inactive_participant_is_warned_then_anonymised(settings):
    settings.SEMILLA_INACTIVE_DAYS = 365
    settings.SEMILLA_INACTIVE_WARNING_DAYS = 30
    now = timezone.now()
    user = UserFactory(role="aprendiz", username="se.fue", last_login=now - timedelta(days=400))
    participant = Participant.objects.create(user=user, given_names="Yusmary", surnames="Pérez")

    report = retention_run(now=now)
    assert report.warned == [participant.pk] and report.anonymised == []
    assert RetentionWarning.objects.filter(participant=participant).exists()
    assert retention_run(now=now + timedelta(days=10)).anonymised == []  # still within the warning

    retention_run(now=now + timedelta(days=31))
    participant.refresh_from_db()
    assert participant.given_names == "" and not User.objects.get(pk=user.pk).is_active


def test_coming_back_after_the_warning_stops_the_anonymisation(settings):
    settings.SEMILLA_INACTIVE_DAYS = 365
    now = timezone.now()
    user = UserFactory(role="aprendiz", last_login=now - timedelta(days=400))
    Participant.objects.create(user=user, given_names="Wilmer")
    retention_run(now=now)
    User.objects.filter(pk=user.pk).update(last_login=now + timedelta(days=5))
    report = retention_run(now=now + timedelta(days=40))
    assert report.anonymised == [] and User.objects.get(pk=user.pk).is_active


# ---- her start page shows the warning -----------------------------------------------------------------------


def _warned(settings, *, days_ago: int):
    settings.SEMILLA_INACTIVE_DAYS = 365
    settings.SEMILLA_INACTIVE_WARNING_DAYS = 30
    now = timezone.now()
    user = UserFactory(role="aprendiz", username="se.fue", last_login=now - timedelta(days=400))
    participant = Participant.objects.create(user=user, given_names="Yusmary", surnames="Pérez")
    warned_at = now - timedelta(days=days_ago)
    retention_run(now=warned_at)
    assert RetentionWarning.objects.get(participant=participant).warned_at == warned_at
    return user, warned_at


def _dashboard(client, user, *, last_login=None) -> str:
    client.force_login(user)  # signing in sets last_login to now, as a real sign-in does
    if last_login is not None:
        User.objects.filter(pk=user.pk).update(last_login=last_login)
    return client.get(reverse("home:dashboard")).content.decode()


def test_back_after_the_warning_she_reads_on_her_start_page_that_her_account_stays(client, settings):
    user, warned_at = _warned(settings, days_ago=10)
    page = _dashboard(client, user)
    erase_on = timezone.localtime(warned_at + timedelta(days=30))
    assert 'id="aviso-conservacion"' in page and "Tu cuenta sigue activa." in page
    assert f"el {erase_on.day}/{erase_on:%m/%Y} íbamos a borrar tus datos personales" in page
    assert "entra a Semilla al menos una vez al año" in page


def test_while_the_warning_runs_her_start_page_says_when_and_how_to_keep_her_account(client, settings):
    user, warned_at = _warned(settings, days_ago=10)
    page = _dashboard(client, user, last_login=warned_at - timedelta(days=400))
    erase_on = timezone.localtime(warned_at + timedelta(days=30))
    assert f"El {erase_on.day}/{erase_on:%m/%Y} borraremos tus datos personales." in page
    assert "solo entra con tu usuario" in page and "Tu cuenta sigue activa." not in page


def test_the_warning_leaves_her_start_page_once_its_date_has_passed(client, settings):
    user, _warned_at = _warned(settings, days_ago=31)
    assert "aviso-conservacion" not in _dashboard(client, user)


def test_nobody_else_sees_her_warning(client, settings):
    _warned(settings, days_ago=10)
    assert "aviso-conservacion" not in _dashboard(client, UserFactory(role="aprendiz"))


def test_the_period_in_the_notice_is_her_programmes(settings):
    from cms.accounts.models import Center, Programme
    from cms.privacy.selectors import retention_notice_for

    user, _warned_at = _warned(settings, days_ago=1)
    programme = Programme.objects.create(name="Corto", slug="corto")
    center = Center.objects.create(programme=programme, name="C", province="Pichincha", city="Quito")
    Participant.objects.filter(user=user).update(center=center)
    settings.SEMILLA_INACTIVE_DAYS_BY_PROGRAMME = {"corto": 180}
    notice = retention_notice_for(user=user)
    assert notice.every_days == 180 and notice.every_years is None and not notice.kept
