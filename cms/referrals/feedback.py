"""One satisfaction question after a childcare or credit service: who may answer, the writes, the reads,
and the donor indicators 2.1c and 2.3d that count the answers.

Once the partner marks such a referral attended, she sees "¿Qué tan satisfecha estás…?" on her start page
and answers on a phone-sized page (no JavaScript). Coordination may instead record her answer during a
follow-up call; the row then says so and who recorded it. One answer per referral: the first one stands.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.accounts.roles import Role, has_role
from cms.home.start import Tile, TileItem, register_start_tile
from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, register_indicator
from cms.indicators.satisfaction import RATING_CHOICES, SATISFIED
from cms.referrals.models import Referral, ReferralFeedback, ServiceType
from cms.referrals.selectors import referrals_of_person, referrals_visible_to

FEEDBACK_SERVICES = (ServiceType.CHILDCARE, ServiceType.CREDIT)
RATINGS = tuple(value for value, _label in RATING_CHOICES)


class FeedbackError(Exception):
    """The answer cannot be taken (not asked for this referral, already answered, out of the scale)."""


# --- reads ---------------------------------------------------------------------------------------------------


def _asked(referrals: QuerySet[Referral]) -> QuerySet[Referral]:
    return referrals.filter(service_type__in=FEEDBACK_SERVICES, attended_at__isnull=False)


def feedback_pending_of_person(*, user) -> QuerySet[Referral]:
    """Her attended childcare and credit referrals that nobody has answered yet."""
    return _asked(referrals_of_person(user=user)).filter(feedback__isnull=True).order_by("-attended_at", "-id")


def feedback_pending_for_coordination(*, user) -> QuerySet[Referral]:
    """The ones in a coordinator's scope still without an answer (to ask at a follow-up call)."""
    return _asked(referrals_visible_to(user=user)).filter(feedback__isnull=True).order_by("attended_at", "id")


def feedback_referral_of_person(*, user, pk: int) -> Referral:
    """Referral.DoesNotExist unless it is hers and the question applies to it."""
    return _asked(referrals_of_person(user=user)).select_related("feedback").get(pk=pk)


def feedback_referral_for_coordination(*, user, pk: int) -> Referral:
    return _asked(referrals_visible_to(user=user)).get(pk=pk)


def feedback_of(referral: Referral) -> ReferralFeedback | None:
    return ReferralFeedback.objects.filter(referral=referral).first()


# --- writes --------------------------------------------------------------------------------------------------


def referral_feedback_submit(*, by, referral: Referral, rating: int) -> ReferralFeedback:
    """Record the answer about an attended childcare or credit referral. `by` is the person herself, or a
    coordinator who may see the referral (then the answer is marked as taken at a call, with her name).
    Raises FeedbackError when the question does not apply, the rating is off the scale, or it was answered."""
    if referral.service_type not in FEEDBACK_SERVICES or referral.attended_at is None:
        raise FeedbackError(_("Esta derivación no tiene pregunta de satisfacción."))
    if rating not in RATINGS:
        raise FeedbackError(_("Elige una de las opciones."))
    if referral.participant.user_id is not None and referral.participant.user_id == by.pk:
        channel = ReferralFeedback.Channel.SELF
    elif has_role(by, Role.COORDINATOR, Role.ADMIN) and referrals_visible_to(user=by).filter(pk=referral.pk).exists():
        channel = ReferralFeedback.Channel.CALL
    else:
        raise FeedbackError(_("No puedes responder por esta persona."))
    try:
        # The OneToOne key refuses a second answer even when two arrive together (her and a call).
        with transaction.atomic():
            return ReferralFeedback.objects.create(
                referral=referral, rating=rating, channel=channel, recorded_by=by, created_at=timezone.now()
            )
    except IntegrityError as exc:
        raise FeedbackError(_("Esta pregunta ya tiene respuesta. Gracias.")) from exc


# --- indicators 2.1c and 2.3d --------------------------------------------------------------------------------


def _answers(service_type: str, period: Period) -> QuerySet[ReferralFeedback]:
    return ReferralFeedback.objects.filter(
        referral__service_type=service_type, created_at__gte=period.start_at, created_at__lt=period.end_before
    )


def answered(service_type: str):
    def ids(period: Period):
        return _answers(service_type, period).values("referral__participant_id")

    return ids


def satisfied(service_type: str):
    """Every answer of the period 4 or 5, the rule of the training survey (P.3)."""

    def ids(period: Period):
        unhappy = _answers(service_type, period).filter(rating__lt=SATISFIED).values("referral__participant_id")
        return (
            _answers(service_type, period)
            .exclude(referral__participant_id__in=unhappy)
            .values("referral__participant_id")
        )

    return ids


def feedback_indicators() -> list[Indicator]:
    common = {
        "unit": Unit.PERCENT,
        "disaggregations": PEOPLE_SPLITS,
        "version": "2",
    }
    return [
        Indicator(
            code="2.1c",
            name=gettext_lazy("% satisfecho con el cuidado infantil"),
            numerator=satisfied(ServiceType.CHILDCARE),
            denominator=answered(ServiceType.CHILDCARE),
            source=gettext_lazy(
                "De quienes respondieron la pregunta tras usar el cuidado infantil, cuántos dieron 4 o 5 de 5."
            ),
            changes=(
                ("2", gettext_lazy("Pregunta de satisfacción tras una derivación atendida, 4 o 5 de 5.")),
                ("1", gettext_lazy("Sin datos.")),
            ),
            order=61,
            **common,
        ),
        Indicator(
            code="2.3d",
            name=gettext_lazy("% satisfecho con el proceso para obtener crédito"),
            numerator=satisfied(ServiceType.CREDIT),
            denominator=answered(ServiceType.CREDIT),
            source=gettext_lazy(
                "De quienes respondieron la pregunta tras su derivación a crédito, cuántos dieron 4 o 5 de 5."
            ),
            changes=(
                ("2", gettext_lazy("Pregunta de satisfacción tras una derivación atendida, 4 o 5 de 5.")),
                ("1", gettext_lazy("Sin datos.")),
            ),
            order=81,
            **common,
        ),
    ]


# --- start page ----------------------------------------------------------------------------------------------


def person_tile(request):
    pending = list(feedback_pending_of_person(user=request.user)[:3])
    if not pending:
        return None
    items = tuple(
        TileItem(
            label=_("¿Cómo te fue con %(service)s?") % {"service": referral.get_service_type_display().lower()},
            url=reverse("referrals:feedback", args=[referral.pk]),
            note=referral.organisation.name,
        )
        for referral in pending
    )
    return Tile(title=_("Cuéntanos cómo te fue"), items=items, key="opinion-servicios")


def coordination_tile(request):
    count = feedback_pending_for_coordination(user=request.user).count()
    if not count:
        return None
    return Tile(
        title=_("Opiniones por preguntar"),
        url=reverse("referrals:feedback_pending"),
        count=count,
        key="opiniones-por-preguntar",
    )


def register() -> None:
    for indicator in feedback_indicators():
        register_indicator(indicator)
    register_start_tile(Role.LEARNER, person_tile, order=71)
    register_start_tile(lambda user: has_role(user, Role.COORDINATOR, Role.ADMIN), coordination_tile, order=61)
