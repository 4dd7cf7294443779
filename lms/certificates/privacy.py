"""Personal data held by certificates: her name is printed on them."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data.registry import REDACTED, Custom, by_user, declare
from lms.certificates.models import Certificate


def _certificate_anonymise(person, queryset) -> None:
    # The code still verifies that a certificate was issued for the course; it no longer says to whom.
    for certificate in queryset:
        if certificate.pdf:
            certificate.pdf.delete(save=False)
    queryset.update(learner_name=REDACTED, pdf="")


declare(
    Certificate,
    section=_("Certificados"),
    title=_("Certificados"),
    rows=by_user("user"),
    export=("course_title", "learner_name", "hours", "code", "issued_at", "revoked"),
    erase=Custom(
        _certificate_anonymise,
        _("Se borran tu nombre y el PDF; el código solo dirá que el curso se aprobó."),
    ),
)
