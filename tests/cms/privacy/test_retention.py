import io
from datetime import timedelta

import pytest
from django.core.management import call_command
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
