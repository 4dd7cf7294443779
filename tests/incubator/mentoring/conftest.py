import logging
from datetime import timedelta

import pytest
from django.utils import timezone

from incubator.mentoring.services import session_schedule
from tests.factories import UserFactory


@pytest.fixture
def mentor():
    return UserFactory(role="mentor")


@pytest.fixture
def learner():
    return UserFactory(role="aprendiz")


@pytest.fixture
def other_learner():
    return UserFactory(role="aprendiz")


@pytest.fixture
def stranger():
    return UserFactory(role="aprendiz")


@pytest.fixture
def coordinator():
    return UserFactory(role="coordinacion")


@pytest.fixture
def make_session(mentor, learner, other_learner):
    def make(*, starts_in=timedelta(minutes=5), minutes=60, participants=None, **extra):
        start = timezone.now() + starts_in
        return session_schedule(
            by=mentor,
            topic="Precios de tu producto",
            starts_at=start,
            ends_at=start + timedelta(minutes=minutes),
            mentors=[mentor],
            participants=participants if participants is not None else [learner, other_learner],
            **extra,
        )

    return make


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def semilla_log(caplog):
    semilla = logging.getLogger("semilla")  # it does not propagate to the root, where caplog listens
    semilla.addHandler(caplog.handler)
    yield caplog
    semilla.removeHandler(caplog.handler)
