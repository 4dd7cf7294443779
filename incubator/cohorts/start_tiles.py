"""Start page tiles of the cohorts app (registered from CohortsConfig.ready): the coordinator's cohorts with
the applications waiting for a decision, and the learner's own applications."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, TileItem, register_start_tile
from incubator.cohorts.selectors import cohorts_coordinated_by, participations_of


def _to_review_note(cohort) -> str:
    if not cohort.to_review:
        return _("nada por revisar")
    return ngettext("%(n)s postulación por revisar", "%(n)s postulaciones por revisar", cohort.to_review) % {
        "n": cohort.to_review
    }


def applications_tile(request) -> Tile:
    """Each cohort the person runs, leading to its applications (whose page links the board): one query."""
    cohorts = cohorts_coordinated_by(user=request.user)
    pending = sum(c.to_review for c in cohorts)
    return Tile(
        title=_("Postulaciones por cohorte"),
        key="postulaciones",
        count=pending or None,
        items=tuple(
            TileItem(label=c.name, url=reverse("cohorts:applications", args=[c.pk]), note=_to_review_note(c))
            for c in cohorts
        ),
        empty=_("Todavía no coordinas ninguna cohorte."),
        actions=(TileItem(label=_("Cohortes en la administración"), url=reverse("cohortes:index")),),
    )


def my_cohorts_tile(request) -> Tile:
    """Her applications and seats (one query), and where to apply."""
    participations = participations_of(user=request.user)
    return Tile(
        title=_("Incubadora"),
        url=reverse("cohorts:list"),
        key="incubadora",
        items=tuple(
            TileItem(
                label=p.cohort.name, url=reverse("cohorts:my_seat", args=[p.cohort_id]), note=p.get_status_display()
            )
            for p in participations
        ),
        empty=_("Cuando termines los cursos que pide una cohorte, puedes postular."),
        actions=(TileItem(label=_("Ver las cohortes"), url=reverse("cohorts:list")),),
    )


def _coordinates(user) -> bool:
    return has_role(user, Role.COORDINATOR, Role.ADMIN)


def register() -> None:
    register_start_tile(_coordinates, applications_tile, order=5)
    register_start_tile(Role.LEARNER, my_cohorts_tile, order=50)
