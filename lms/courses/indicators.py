"""What lms.courses registers: 1.3a digital training, 2.3a financial education, % who finished."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from lms.courses.models import Enrolment, Track


def _enrolled(period: Period, *tracks: str):
    rows = Enrolment.objects.filter(status=Enrolment.Status.ACTIVE, created_at__gte=period.start_at)
    rows = rows.filter(created_at__lt=period.end_before)
    if tracks:
        rows = rows.filter(course__track__in=tracks)
    return rows


def enrolled_people(period: Period):
    return people_of_users(_enrolled(period).values("user_id"))


def finished_people(period: Period):
    return people_of_users(_enrolled(period).filter(completed_at__isnull=False).values("user_id"))


def completed_training_users(period: Period):
    """Accounts that completed a course in the period (for 1.2a, registered by the incubator)."""
    rows = Enrolment.objects.filter(completed_at__gte=period.start_at, completed_at__lt=period.end_before)
    return rows.values("user_id")


def register() -> None:
    register_indicator(
        Indicator(
            code="1.3a",
            name=_("Personas en formación para medios de vida digitales"),
            unit=Unit.PEOPLE,
            numerator=lambda period: people_of_users(_enrolled(period, Track.TECHNICAL).values("user_id")),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas inscritas en el periodo en un curso de habilidades técnicas (digitales)."),
            changes=(("1", _("Inscripciones activas en cursos de la línea técnica.")),),
            order=30,
        )
    )
    register_indicator(
        Indicator(
            code="2.3a",
            name=_("Personas en educación financiera"),
            unit=Unit.PEOPLE,
            numerator=lambda period: people_of_users(_enrolled(period, Track.FINANCIAL).values("user_id")),
            disaggregations=PEOPLE_SPLITS,
            source=_("Personas inscritas en el periodo en un curso de educación financiera."),
            changes=(("1", _("Inscripciones activas en cursos de la línea financiera.")),),
            order=70,
        )
    )
    register_indicator(
        Indicator(
            code="P.2",
            name=_("% que terminó su curso"),
            unit=Unit.PERCENT,
            numerator=finished_people,
            denominator=enrolled_people,
            disaggregations=PEOPLE_SPLITS,
            source=_("De las personas inscritas en el periodo, cuántas completaron el curso."),
            changes=(("1", _("Inscripciones activas del periodo con el curso completado.")),),
            order=110,
        )
    )
