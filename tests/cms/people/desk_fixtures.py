"""Shared set-up of the duplicate, import and invitation tests: a programme, its coordinator, people."""

from datetime import date

from cms.accounts.models import Center, Participant, Programme
from cms.people import services
from tests.factories import UserFactory

OUTSIDERS = ("mentor", "jurado", "aprendiz", "aliada", "donante")


def programme_with_coordinator(slug: str = "pichincha"):
    programme = Programme.objects.create(name=f"Programa {slug}", slug=slug)
    Center.objects.create(programme=programme, name=f"Centro {slug}", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    return programme, coordinator


def walk_in(coordinator, programme, **fields) -> Participant:
    fields = {"given_names": "Brígida", "surnames": "Yépez Hidalgo", "center": programme.centers.get(), **fields}
    return services.participant_register(by=coordinator, **fields)


def twin_records(coordinator, programme):
    """Two records of one person, spelt differently: the older has the date, the newer the phone."""
    old = walk_in(coordinator, programme, birth_date=date(1990, 3, 12), document_type="", phone="")
    new = walk_in(
        coordinator, programme, given_names="Brijida", surnames="Llépez Idalgo", birth_date=date(1990, 3, 12),
        phone="0991234567", nationality="venezolana", mobility="refugiada",
    )  # fmt: skip
    return old, new


def outsiders(other_programme_slug: str = "otro"):
    """Another programme's coordinator and one user of each role that must not see the desk."""
    _other, other_coordinator = programme_with_coordinator(other_programme_slug)
    return [other_coordinator, *(UserFactory(role=role) for role in OUTSIDERS)]
