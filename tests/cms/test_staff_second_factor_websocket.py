"""A staff session that has not given its TOTP code opens WebSockets as signed out (issue 15, item 4)."""

import pytest
from channels.db import database_sync_to_async
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.channels_auth import SecondFactorScopeMiddleware
from tests.factories import UserFactory


async def _user_seen_by_the_app(user, session: dict):
    seen = {}

    async def app(scope, receive, send):
        seen["user"] = scope["user"]

    await SecondFactorScopeMiddleware(app)({"type": "websocket", "user": user, "session": session}, None, None)
    return seen["user"]


@database_sync_to_async
def _people():
    coordinator = UserFactory(role="coordinacion")
    device = TOTPDevice.objects.create(user=coordinator, name="Semilla", confirmed=True)
    return coordinator, device, UserFactory(role="mentor")


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_only_verified_staff_sessions_keep_their_user(settings):
    settings.SEMILLA_STAFF_OTP_REQUIRED = True
    coordinator, device, mentor = await _people()
    assert not (await _user_seen_by_the_app(coordinator, {})).is_authenticated
    verified = {DEVICE_ID_SESSION_KEY: device.persistent_id}
    assert (await _user_seen_by_the_app(coordinator, verified)).pk == coordinator.pk
    assert (await _user_seen_by_the_app(mentor, {})).pk == mentor.pk  # mentors give no code
    settings.SEMILLA_STAFF_OTP_REQUIRED = False
    assert (await _user_seen_by_the_app(coordinator, {})).pk == coordinator.pk
