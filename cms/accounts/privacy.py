"""Personal data held by accounts: the account and the registry record (see cms/privacy/registry.py)."""

import secrets

from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Center, ConsentVersion, LoginThrottle, Participant, Programme, User
from cms.personal_data import reasons
from cms.personal_data.registry import Custom, Delete, by_participant, by_user, declare, framework

SECTION = _("Tu cuenta y tu perfil")


def _user_anonymise(person, queryset) -> None:
    # The row stays (enrolments, messages, scores point at it) but nothing in it names her; she cannot log in.
    for user in queryset:
        user.username = f"eliminada-{secrets.token_hex(6)}"
        user.first_name = user.last_name = user.email = user.phone = ""
        user.set_unusable_password()
        user.is_active = user.is_staff = user.is_superuser = False
        user.last_login = None
        user.save()
        user.groups.clear()
        user.user_permissions.clear()


def _participant_anonymise(person, queryset) -> None:
    # What donors' indicators count stays (sex, birth year for the age band, nationality, mobility, disability,
    # province, city, center, children under 5); what names or reaches her goes.
    for participant in queryset:
        if participant.birth_date and not participant.birth_year:
            participant.birth_year = participant.birth_date.year
        Participant.objects.filter(pk=participant.pk).update(
            given_names="",
            surnames="",
            birth_date=None,
            birth_year=participant.birth_year,
            document_type="",
            document_number="",
            phone="",
        )


declare(
    User,
    section=SECTION,
    title=_("Tu cuenta"),
    rows=by_user("pk"),
    export=(
        "username",
        "first_name",
        "last_name",
        "email",
        "phone",
        "date_joined",
        "last_login",
        "consent_version__version",
        "consent_accepted_at",
    ),
    erase=Custom(
        _user_anonymise, _("Se borran tu usuario, nombre, correo y teléfono; ya no se puede entrar con ella.")
    ),
)
declare(
    Participant,
    section=SECTION,
    title=_("Tu ficha de participante"),
    rows=by_participant("pk"),
    export=(
        "given_names",
        "surnames",
        "birth_date",
        "birth_year",
        "sex",
        "nationality",
        "document_type",
        "document_number",
        "phone",
        "province",
        "city",
        "center__name",
        "center__programme__name",
        "disability",
        "mobility",
        "children_under_5",
        "created_at",
    ),
    erase=Custom(
        _participant_anonymise,
        _(
            "Se borran tu nombre, documento, teléfono y fecha de nacimiento. Queda un registro sin nombre "
            "(sexo, año de nacimiento, nacionalidad, movilidad, ciudad, centro) para que los informes "
            "del pasado a los donantes no cambien."
        ),
    ),
)
declare(
    LoginThrottle,
    section=SECTION,
    title=_("Intentos fallidos de entrar"),
    rows=lambda person: (
        LoginThrottle.objects.filter(username=person.user.username.lower())
        if person.user
        else LoginThrottle.objects.none()
    ),
    export=("failures", "last_failure_at"),
    erase=Delete(),
)
declare(
    Programme,
    section=_("Tu trabajo en el equipo"),
    title=_("Programas que coordinas o financias"),
    rows=by_user("coordinators", "donors"),
    export=("name",),
    erase=reasons.STAFF,
)
framework(ConsentVersion._meta.label, _("Textos publicados; no tienen datos de nadie."))
framework(Center._meta.label, _("Centros del programa; no tienen datos de nadie."))
