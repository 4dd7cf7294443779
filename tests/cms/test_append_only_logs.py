"""Every append-only log refuses a change or a deletion of one of its lines (cms.append_only)."""

import pytest
from django.core.exceptions import ValidationError

from cms.append_only import AppendOnlyModel
from incubator.cohorts.models import Participation, ParticipationEvent
from incubator.jury.models import AuditEntry
from incubator.seedcapital.models import SeedCapitalEvent
from lms.courses.models import Enrolment, EnrolmentEvent
from tests.factories import CohortFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [EnrolmentEvent, ParticipationEvent, AuditEntry, SeedCapitalEvent])
def test_every_log_is_append_only(model):
    assert issubclass(model, AppendOnlyModel)


def _enrolment_event():
    enrolment = Enrolment.objects.create(user=UserFactory(), course=build_course(modules=1, lessons_per_module=1))
    return EnrolmentEvent.objects.create(enrolment=enrolment, kind=EnrolmentEvent.Kind.ENROLLED)


def _participation_event():
    participation = Participation.objects.create(cohort=CohortFactory(), user=UserFactory())
    return ParticipationEvent.objects.create(participation=participation, kind=ParticipationEvent.Kind.APPLIED)


@pytest.mark.parametrize("make", [_enrolment_event, _participation_event])
def test_a_line_of_the_log_can_be_neither_changed_nor_deleted(make):
    line = make()
    line.detail = "cambiado"
    with pytest.raises(ValidationError):
        line.save()
    with pytest.raises(ValidationError):
        line.delete()
    line.refresh_from_db()
    assert line.detail != "cambiado"


@pytest.mark.parametrize("make", [_enrolment_event, _participation_event])
def test_removing_what_the_log_is_about_still_takes_its_lines(make):
    line = make()
    owner = line.enrolment if isinstance(line, EnrolmentEvent) else line.participation
    owner.delete()
    assert not type(line).objects.filter(pk=line.pk).exists()
