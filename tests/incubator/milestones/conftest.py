import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from incubator.milestones.services import milestones_create_for
from tests.factories import UserFactory, VentureFactory, venture_with_team


@pytest.fixture
def team():
    """(venture, member, mentor, coordinator) with the cohort's milestones created."""
    venture, member, mentor, coordinator = venture_with_team()
    milestones_create_for(venture=venture)
    return venture, member, mentor, coordinator


@pytest.fixture
def stranger():
    return UserFactory(role="aprendiz")


@pytest.fixture
def other_member(team):
    """A member of another venture in the same cohort."""
    person = UserFactory(role="aprendiz")
    VentureFactory(cohort=team[0].cohort, members=[person])
    return person


@pytest.fixture
def first_milestone(team):
    return team[0].milestones.order_by("position").first()


def image_upload(name="foto.jpg", *, size=(40, 30), fmt="JPEG", noise=False) -> SimpleUploadedFile:
    if noise:
        image = Image.frombytes("RGB", size, __import__("os").urandom(size[0] * size[1] * 3))
    else:
        image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    image.save(out, fmt, quality=95)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")
