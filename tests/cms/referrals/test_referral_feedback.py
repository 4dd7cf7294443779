"""The satisfaction question after childcare or credit: her page, coordination's call, the indicators."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.registry import Period
from cms.indicators.satisfaction import RATING_CHOICES
from cms.indicators.selectors import indicator_report
from cms.referrals.feedback import FeedbackError, referral_feedback_submit
from cms.referrals.models import PartnerOrganisation, Referral, ReferralFeedback, ServiceType
from tests.cms.referrals.conftest import in_state
from tests.factories import UserFactory

TODAY = timezone.localdate()
YEAR = Period(date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


def test_the_scale_is_the_one_of_the_training_survey():
    from lms.surveys.forms import RATING_CHOICES as TRAINING

    assert [(value, str(label)) for value, label in RATING_CHOICES] == [(v, str(label)) for v, label in TRAINING]


@pytest.mark.django_db
def test_she_answers_once_on_a_plain_form_after_childcare_was_attended(client, world):
    referral = in_state(world, Referral.State.ATTENDED)
    client.force_login(world.person)
    url = reverse("referrals:feedback", args=[referral.pk])
    page = client.get(url).content.decode()
    assert "cuidado infantil" in page and 'type="radio"' in page and 'method="post"' in page
    response = client.post(url, {"rating": "4"})
    assert response.status_code == 302 and response.url == url
    answer = ReferralFeedback.objects.get()
    assert (answer.rating, answer.channel, answer.recorded_by) == (4, ReferralFeedback.Channel.SELF, world.person)
    assert "Ya tenemos tu respuesta" in client.get(url).content.decode()
    client.post(url, {"rating": "1"})  # a second answer does not replace the first
    assert list(ReferralFeedback.objects.values_list("rating", flat=True)) == [4]


@pytest.mark.django_db
def test_an_answer_off_the_scale_shows_the_form_again(client, world):
    referral = in_state(world, Referral.State.ATTENDED, ServiceType.CREDIT)
    client.force_login(world.person)
    response = client.post(reverse("referrals:feedback", args=[referral.pk]), {"rating": "9"})
    assert response.status_code == 400 and "crédito" in response.content.decode()
    assert not ReferralFeedback.objects.exists()


@pytest.mark.django_db
def test_nobody_else_sees_her_question_and_it_is_not_asked_before_the_service(client, world):
    attended = in_state(world, Referral.State.ATTENDED)
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(reverse("referrals:feedback", args=[attended.pk])).status_code == 404
    assert client.post(reverse("referrals:feedback", args=[attended.pk]), {"rating": "5"}).status_code == 404
    client.force_login(world.person)
    legal = Referral.objects.create(
        participant=world.participant,
        organisation=world.organisation,
        service_type=ServiceType.LEGAL,
        need="—",
        state=Referral.State.ATTENDED,
        attended_at=timezone.now(),
    )
    assert client.get(reverse("referrals:feedback", args=[legal.pk])).status_code == 404
    accepted = in_state(world, Referral.State.ACCEPTED, ServiceType.CREDIT)
    assert client.get(reverse("referrals:feedback", args=[accepted.pk])).status_code == 404
    assert not ReferralFeedback.objects.exists()


@pytest.mark.django_db
def test_her_start_page_asks_until_she_answers(client, world):
    client.force_login(world.person)
    referral = in_state(world, Referral.State.ATTENDED)
    url = reverse("referrals:feedback", args=[referral.pk])
    assert url in client.get("/inicio/").content.decode()
    client.post(url, {"rating": "5"})
    assert url not in client.get("/inicio/").content.decode()


@pytest.mark.django_db
def test_coordination_records_her_answer_at_a_call_and_it_says_who(client, world):
    referral = in_state(world, Referral.State.CLOSED, ServiceType.CREDIT)
    client.force_login(world.coordinator)
    listing = client.get(reverse("referrals:feedback_pending")).content.decode()
    record = reverse("referrals:feedback_record", args=[referral.pk])
    assert record in listing
    response = client.post(record, {"rating": "2"})
    assert response.status_code == 302
    answer = ReferralFeedback.objects.get()
    assert (answer.channel, answer.recorded_by, answer.rating) == (ReferralFeedback.Channel.CALL, world.coordinator, 2)
    assert record not in client.get(reverse("referrals:feedback_pending")).content.decode()
    # She then sees it as answered, and cannot answer again.
    client.force_login(world.person)
    assert "Ya tenemos tu respuesta" in client.get(reverse("referrals:feedback", args=[referral.pk])).content.decode()


@pytest.mark.django_db
def test_other_coordinators_partners_and_learners_cannot_record(client, world):
    referral = in_state(world, Referral.State.ATTENDED)
    other = Programme.objects.create(name="Otro", slug="otro")
    outsider = UserFactory(role="coordinacion")
    other.coordinators.add(outsider)
    for user in (outsider, world.partner, world.person):
        client.force_login(user)
        assert client.post(reverse("referrals:feedback_record", args=[referral.pk]), {"rating": "5"}).status_code == 404
    with pytest.raises(FeedbackError):
        referral_feedback_submit(by=outsider, referral=referral, rating=5)
    assert not ReferralFeedback.objects.exists()


def _answered(center, organisation, service_type, rating):
    referral = Referral.objects.create(
        participant=Participant.objects.create(center=center, sex="mujer"),
        organisation=organisation,
        service_type=service_type,
        need="—",
        state=Referral.State.ATTENDED,
        attended_at=timezone.now(),
    )
    if rating is not None:
        ReferralFeedback.objects.create(referral=referral, rating=rating, channel=ReferralFeedback.Channel.SELF)


@pytest.mark.django_db
def test_childcare_and_credit_satisfaction_by_hand_with_suppression():
    programme = Programme.objects.create(name="Emprende Norte", slug="norte")
    center = Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    organisation = PartnerOrganisation.objects.create(name="Fundación Manitos", cities="Ibarra")
    for rating in (5, 5, 4, 4, 4, 3, 1, None):  # 5 satisfied of 7 who answered; one did not answer
        _answered(center, organisation, ServiceType.CHILDCARE, rating)
    for rating in (5, 4, 2):  # 3 answers: too few to show
        _answered(center, organisation, ServiceType.CREDIT, rating)
    _answered(center, organisation, ServiceType.SAVINGS, None)
    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo"])
    childcare = report.rows_for("2.1c")[0].total
    assert (childcare.n, childcare.value, childcare.suppressed) == (7, round(100 * 5 / 7, 1), False)
    assert report.rows_for("2.1c")[0].indicator.has_data
    credit = report.rows_for("2.3d")[0].total
    assert credit.suppressed and credit.value is None and credit.n is None
    last_year = Period(date(TODAY.year - 1, 1, 1), date(TODAY.year - 1, 12, 31))
    assert indicator_report(programme=programme, period=last_year, disaggregations=[]).rows_for("2.1c")[0].total.n == 0
