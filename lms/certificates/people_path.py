"""The "Certificados" section of a participant's path on the coordination desk (CertificatesConfig.ready)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section
from lms.certificates.selectors import certificates_of


def certificates_section(participant) -> PathSection | None:
    """Her certificates, annulled ones marked: one query. No section for someone without an account."""
    if participant.user_id is None:
        return None
    lines = tuple(
        PathLine(
            label=certificate.course_title,
            state=_("Anulado") if certificate.revoked else date_format(certificate.issued_at, "SHORT_DATE_FORMAT"),
            url="" if certificate.revoked else reverse("certificates:pdf", kwargs={"code": certificate.code}),
        )
        for certificate in certificates_of(user=participant.user)
    )
    return PathSection(
        title=_("Certificados"), lines=lines, empty=_("Todavía no tiene certificados."), key="certificados"
    )


def register() -> None:
    register_path_section(certificates_section, order=20)
