"""The learner's "Mis certificados" tile on the start page (registered from CertificatesConfig.ready)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.accounts.roles import Role
from cms.home.start import Tile, TileItem, register_start_tile
from lms.certificates.selectors import certificates_of


def _note(certificate) -> str:
    if certificate.revoked:
        return _("Anulado")
    return date_format(timezone.localtime(certificate.issued_at), "SHORT_DATE_FORMAT")


def my_certificates_tile(request) -> Tile:
    """Her certificates (one query)."""
    url = reverse("certificates:list")
    certificates = certificates_of(user=request.user)
    return Tile(
        title=_("Mis certificados"),
        url=url,
        key="mis-certificados",
        count=len(certificates) or None,
        items=tuple(TileItem(label=c.course_title, url=url, note=_note(c)) for c in certificates),
        empty=_("Al completar un curso, tu certificado aparece aquí."),
    )


def register() -> None:
    register_start_tile(Role.LEARNER, my_certificates_tile, order=20)
