"""The "Sus derechos de datos" section of a participant's page on the desk (PrivacyConfig.ready): her open
requests and the way for a coordinator to file one for her at a center, after checking her identity."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section
from cms.privacy.models import PrivacyRequest


def privacy_section(participant) -> PathSection:
    """Her privacy requests, newest first, and a line to file one for her: one query."""
    lines = tuple(
        PathLine(
            label=request.get_kind_display(),
            state=_("%(state)s · respuesta hasta el %(due)s")
            % {"state": request.get_state_display(), "due": date_format(request.due_at, "SHORT_DATE_FORMAT")},
        )
        for request in PrivacyRequest.objects.filter(participant=participant).order_by("-received_at")
    )
    file = PathLine(
        label=_("Registrar un pedido sobre sus datos"),
        url=reverse("privacy:request_file", kwargs={"participant_pk": participant.pk}),
    )
    return PathSection(title=_("Sus derechos de datos"), lines=(*lines, file), key="derechos")


def register() -> None:
    register_path_section(privacy_section, order=90)
