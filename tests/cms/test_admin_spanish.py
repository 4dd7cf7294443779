"""The Wagtail admin speaks Spanish to coordinators (issue 16, item 12): Sí/No for booleans, labels for stored
values, and cms/locale_overrides for the Wagtail and Django strings their own catalogues leave in English."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from cms.accounts.services import role_permissions_ensure
from incubator.mentoring.models import Attendance
from incubator.mentoring.services import session_schedule
from lms.certificates.models import Certificate
from lms.courses.models import Enrolment
from lms.courses.services import enrolment_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    role_permissions_ensure()
    return UserFactory(role="coordinacion")


@pytest.fixture
def learner():
    return UserFactory(role="aprendiz")


@pytest.fixture
def course():
    return build_course(title="Ahorro", modules=1, lessons_per_module=1)


def test_the_overrides_come_after_the_project_catalogue():
    paths = [str(path) for path in settings.LOCALE_PATHS]
    assert paths[0].endswith("locale") and paths[1].endswith("locale_overrides")


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Exploring", "Explorando"),
        ("Autosave is paused", "El guardado automático está en pausa"),
        ("This data explained", "Qué significan estos datos"),
        (
            "The page could not be created due to validation errors.",
            "No se pudo crear la página: revisa los campos marcados.",
        ),
        ("%(time_period)s ago", "hace %(time_period)s"),
        ("slug", "identificador de URL"),
        (
            "Your old password was entered incorrectly. Please enter it again.",
            "Tu contraseña actual no es correcta. Escríbela otra vez.",
        ),
    ],
)
def test_wagtail_and_django_strings_read_in_spanish_with_tu(english, spanish):
    with translation.override("es"):
        assert gettext(english) == spanish


def test_the_dashboard_counts_pages_in_spanish_singular_and_plural():
    one = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    many = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("es"):
        assert ngettext(one, many, 1).startswith("%(total)s página ")
        assert ngettext(one, many, 35).startswith("%(total)s páginas ")


def test_a_relative_time_reads_hace_tres_minutos():
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("es"):
        assert timesince_simple(timezone.now() - timedelta(minutes=3)) == "hace 3\xa0minutos"


def test_the_page_editor_offers_no_moderators_approval(client, coordinator, course):
    """Workflows are off: nobody moderates pages, and Wagtail's default one only offered a dead end."""
    client.force_login(coordinator)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    assert "Guardar borrador" in html
    assert "Moderators approval" not in html


def test_the_certificate_list_says_si_or_no(client, coordinator, learner, course):
    Certificate.objects.create(
        user=learner,
        course=course,
        code="ABC",
        learner_name="Ana",
        course_title="Ahorro",
        hours=Decimal("6"),
        revoked=True,
    )
    client.force_login(coordinator)
    html = client.get(reverse("certificados:index")).content.decode()
    assert "Sí" in html
    assert ">True<" not in html and "True\n" not in html


def test_the_enrolment_list_shows_the_origin_label_not_the_stored_value(client, coordinator, learner, course):
    enrolment = enrolment_create(user=learner, course=course)
    assert enrolment.source == Enrolment.Source.SELF == "self"
    client.force_login(coordinator)
    html = client.get(reverse("inscripciones:index")).content.decode()
    assert "La propia persona" in html
    assert "Persona" in html and "Fecha de creación" in html  # column headings from the verbose names


def test_the_attendance_detail_says_si_instead_of_true_and_a_dash_instead_of_none(client, coordinator, learner):
    mentor = UserFactory(role="mentor")
    start = timezone.now() + timedelta(days=1)
    session = session_schedule(
        by=mentor,
        topic="Precios",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        participants=[learner],
    )
    row = Attendance.objects.create(session=session, user=learner, joined_at=start, last_heartbeat=start)
    client.force_login(coordinator)
    html = client.get(reverse("asistencia_mentorias:inspect", args=[row.pk])).content.decode()
    assert re.search(r"<dd>\s*Sí\s*</dd>", html)  # present
    assert re.search(r"<dd>\s*—\s*</dd>", html)  # left_at, still in the room
    assert not re.search(r"<dd>\s*(True|False|None)\s*</dd>", html)


def test_the_admin_lists_the_role_groups_by_their_spanish_labels(client, learner):
    admin = UserFactory(role="administracion")
    client.force_login(admin)
    listing = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Coordinación" in listing and "Administración" in listing
    assert ">coordinacion<" not in listing.replace(" ", "").replace("\n", "")
    form = client.get(reverse("wagtailusers_users:edit", args=[learner.pk])).content.decode()
    assert "Aprendiz" in form and "Coordinación" in form
    assert learner.groups.get().name == "aprendiz"  # the stored name the code looks up stays
