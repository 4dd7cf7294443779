"""Reads of certificates."""

from cms.accounts.roles import Role, has_role
from lms.certificates.models import Certificate

CODE_MAX = 16


def certificates_of(*, user) -> list[Certificate]:
    return list(Certificate.objects.filter(user=user).order_by("-issued_at"))


def certificate_by_code(*, code: str) -> Certificate | None:
    code = (code or "").strip().upper().replace(" ", "").replace("-", "")
    if not code or len(code) > CODE_MAX:
        return None
    return Certificate.objects.filter(code=code).first()


def can_download_certificate(*, user, certificate: Certificate) -> bool:
    """The owner, coordination and admins. Nobody else learns the PDF exists."""
    if not getattr(user, "is_authenticated", False):
        return False
    return certificate.user_id == user.pk or has_role(user, Role.COORDINATOR, Role.ADMIN)
