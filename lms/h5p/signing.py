"""Short-lived signed URLs for the content origin, bound to one learner and one activity."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SALT = "semilla.h5p.content"


class H5PTokenError(Exception):
    """Expired, tampered with, or for another learner or activity."""


@dataclass(frozen=True)
class H5PGrant:
    user_id: int
    activity_id: int
    lesson_id: int


def h5p_token_issue(*, user_id: int, activity_id: int, lesson_id: int) -> str:
    return signing.dumps({"u": user_id, "a": activity_id, "l": lesson_id}, salt=SALT, compress=False)


def h5p_token_read(token: str) -> H5PGrant:
    """Raise H5PTokenError unless the token is intact and younger than H5P_URL_MAX_AGE_SECONDS."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.H5P_URL_MAX_AGE_SECONDS)
        return H5PGrant(user_id=int(data["u"]), activity_id=int(data["a"]), lesson_id=int(data["l"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise H5PTokenError(str(exc)) from exc
