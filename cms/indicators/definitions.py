"""What `cms` registers: the disaggregations over the registry's fields, and indicator A."""

from __future__ import annotations

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from cms.accounts.models import Participant
from cms.indicators.registry import (
    Disaggregation,
    Indicator,
    Period,
    Unit,
    register_disaggregation,
    register_indicator,
)

PEOPLE_SPLITS = ("sexo", "edad", "nacionalidad", "movilidad", "discapacidad", "provincia", "ciudad", "centro")

AGE_BANDS = {
    "menor_18": _("Menos de 18 años"),
    "18_29": _("18 a 29 años (jóvenes)"),
    "30_44": _("30 a 44 años"),
    "45_64": _("45 a 64 años"),
    "65_mas": _("65 años o más"),
}


def age_band(period: Period):
    """Age at the end of the period from the year of birth (the day is often unknown)."""
    year = period.end.year
    return Case(
        When(birth_year__isnull=True, then=Value("")),
        When(birth_year__gt=year - 18, then=Value("menor_18")),
        When(birth_year__gt=year - 30, then=Value("18_29")),
        When(birth_year__gt=year - 45, then=Value("30_44")),
        When(birth_year__gt=year - 65, then=Value("45_64")),
        default=Value("65_mas"),
        output_field=CharField(),
    )


def _choices(choices) -> dict[str, str]:
    return {value: label for value, label in choices if value not in ("no_dice", "")}


def _place(center_field: str, own_field: str):
    return Coalesce(NullIf(F(f"center__{center_field}"), Value("")), NullIf(F(own_field), Value("")))


def register() -> None:
    register_disaggregation(
        Disaggregation("sexo", _("Sexo"), lambda p: F("sex"), lambda: _choices(Participant.Sex.choices), order=10)
    )
    register_disaggregation(Disaggregation("edad", _("Edad"), age_band, lambda: dict(AGE_BANDS), order=20))
    register_disaggregation(
        Disaggregation(
            "nacionalidad",
            _("Nacionalidad"),
            lambda p: F("nationality"),
            lambda: _choices(Participant.Nationality.choices),
            order=30,
        )
    )
    register_disaggregation(
        Disaggregation(
            "movilidad",
            _("Movilidad humana"),
            lambda p: F("mobility"),
            lambda: _choices(Participant.Mobility.choices),
            order=40,
        )
    )
    register_disaggregation(
        Disaggregation(
            "discapacidad",
            _("Discapacidad"),
            lambda p: F("disability"),
            lambda: _choices(Participant.YesNo.choices),
            order=50,
        )
    )
    register_disaggregation(
        Disaggregation("provincia", _("Provincia"), lambda p: _place("province", "province"), dict, order=60)
    )
    register_disaggregation(
        Disaggregation("ciudad", _("Ciudad"), lambda p: _place("city", "city"), dict, parent="provincia", order=61)
    )
    register_disaggregation(
        Disaggregation("centro", _("Centro"), lambda p: F("center__name"), dict, parent="ciudad", order=62)
    )
    register_indicator(
        Indicator(
            code="A",
            name=_("Personas en situación de vulnerabilidad que se benefician del programa"),
            unit=Unit.PEOPLE,
            numerator=people_registered,
            disaggregations=PEOPLE_SPLITS,
            version="1",
            changes=(
                (
                    "1",
                    _("Personas registradas en el periodo (con o sin cuenta)."),
                ),
            ),
            source=_("Personas registradas en el registro de participantes durante el periodo."),
            order=0,
        )
    )


def people_registered(period: Period):
    return Q(created_at__gte=period.start_at, created_at__lt=period.end_before)
