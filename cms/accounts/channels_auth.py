"""WebSockets obey the staff second factor too: Django's middleware never sees them."""

from channels.db import database_sync_to_async
from channels.middleware import BaseMiddleware
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.models import Device

from cms.accounts.roles import needs_second_factor


@database_sync_to_async
def _second_factor_pending(user, session) -> bool:
    if not settings.SEMILLA_STAFF_OTP_REQUIRED or not needs_second_factor(user):
        return False
    persistent_id = session.get(DEVICE_ID_SESSION_KEY) if session is not None else None
    device = Device.from_persistent_id(persistent_id) if persistent_id else None
    return device is None or device.user_id != user.pk


class SecondFactorScopeMiddleware(BaseMiddleware):
    """Inside AuthMiddlewareStack: a staff session that has not given its code connects as signed out."""

    async def __call__(self, scope, receive, send):
        user = scope.get("user")
        if user is not None and user.is_authenticated and await _second_factor_pending(user, scope.get("session")):
            scope = dict(scope, user=AnonymousUser())
        return await super().__call__(scope, receive, send)
