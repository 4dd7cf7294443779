"""A coordinator walks every admin menu entry and the lists, forms and detail pages behind them: all in Spanish.

Issue 16, item 12: an outside tester found English headings ("User", "Created at"), raw values ("self",
"True"), Wagtail's untranslated messages ("Exploring", "Autosave is paused") and the default workflow name
("Enviar a Moderators approval"). This journey fails on any of those words left in the visible text.
"""

import re
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.test import RequestFactory
from django.utils import timezone

from cms.accounts.services import role_permissions_ensure
from incubator.mentoring.models import Attendance
from incubator.mentoring.services import session_schedule
from lms.certificates.models import Certificate
from lms.courses.services import enrolment_create
from lms.h5p.models import H5PActivity
from tests.browser.conftest import assert_accessible, login, wagtail_site_ensure
from tests.factories import CohortFactory, UserFactory, VentureFactory, build_course

# English words and phrases a coordinator must never read; matched as whole words, case-sensitive.
ENGLISH = (
    "User",
    "Users",
    "Course",
    "Created at",
    "Updated at",
    "Size",
    "Pages created",
    "Exploring",
    "explained",
    "approval",
    "Autosave",
    "could not be created",
    "is already in use",
    "True",
    "False",
    "None",
    "Status",
    "Title",
    "Search",
    "Actions",
    "Edit",
    "Delete",
    "Add",
    "Save",
    "Cancel",
    "Page",
    "Pages",
    "Filter",
    "Moderators",
    "Editors",
    "self",
    "ago",
    "Slug",
    "Marquilla",
    "of",
)
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")


def _english_in(page) -> list[str]:
    text = page.locator("body").inner_text()
    found = sorted(set(ENGLISH_RE.findall(text)))
    return [f"{word!r} in …{_around(text, word)}…" for word in found]


def _around(text: str, word: str) -> str:
    match = re.search(r"\b" + re.escape(word) + r"\b", text)
    return text[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")


def _menu_urls(user) -> list[str]:
    """The URLs of every entry (and sub-entry) of the admin menu as this person sees it."""
    from wagtail.admin.menu import admin_menu

    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []

    def walk(items):
        for item in items:
            if getattr(item, "menu", None) is not None:
                walk(item.menu.menu_items_for_request(request))
            elif getattr(item, "url", None):
                urls.append(item.url)

    walk(admin_menu.menu_items_for_request(request))
    return [url for url in dict.fromkeys(urls) if url.startswith("/")]  # not Wagtail's release notes


@pytest.fixture
def coordination(db):
    wagtail_site_ensure()
    role_permissions_ensure()  # a flush between transactional tests removes the role groups' permissions
    coordinator = UserFactory(role="coordinacion", username="coordinadora", first_name="Carmen")
    learner = UserFactory(role="aprendiz", username="ana.torres", first_name="Ana")
    mentor = UserFactory(role="mentor", username="mentor.luis", first_name="Luis")
    course = build_course(title="Ventas por WhatsApp", modules=1, lessons_per_module=1)
    enrolment_create(user=learner, course=course)
    Certificate.objects.create(
        user=learner,
        course=course,
        code="SEMILLA123",
        learner_name="Ana Pérez",
        course_title=course.title,
        hours=Decimal("6"),
    )
    cohort = CohortFactory(coordinators=[coordinator])
    VentureFactory(cohort=cohort, members=[learner], mentors=[mentor])
    start = timezone.now() + timedelta(days=1)
    session = session_schedule(
        by=mentor,
        topic="Precios de tu producto",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        participants=[learner],
    )
    Attendance.objects.create(session=session, user=learner, joined_at=start, last_heartbeat=start)
    H5PActivity.objects.create(
        title="Quiz de ventas",
        main_library="H5P.QuestionSet",
        sha256="0" * 64,
        size_bytes=300_000,
        uncompressed_bytes=900_000,
        uploaded_by=coordinator,
    )
    return coordinator, course


def _visit(page, url: str, problems: dict) -> None:
    page.goto(url)
    found = _english_in(page)
    if found:
        problems[urlsplit(page.url).path] = found


def _links(page, selector: str, limit: int) -> list[str]:
    hrefs = page.locator(selector).evaluate_all("els => els.map(e => e.href)")
    return list(dict.fromkeys(hrefs))[:limit]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_reads_every_admin_page_in_spanish(page, live_server, coordination):
    coordinator, course = coordination
    login(page, live_server, "coordinadora", "clave-segura-123")
    problems: dict[str, list[str]] = {}
    visited = set()
    menu = _menu_urls(coordinator)
    assert any("inscripciones" in url for url in menu) and any("certificados" in url for url in menu)
    for url in ["/admin/", *menu]:
        _visit(page, live_server.url + url, problems)
        # Behind each listing: its add form, the first row's edit form and detail page.
        main = "main a[href^='/admin/'], main a[href^='" + live_server.url + "/admin/']"
        seen_here = 0
        for href in _links(page, main, 60):
            path = urlsplit(href).path
            if path in visited or not re.search(r"/(new|add|edit|inspect)/|/\d+/$", path):
                continue
            if re.search(r"/(delete|unpublish|move|copy|cancelar|revisions|history)/", path) or seen_here >= 4:
                continue
            seen_here += 1
            visited.add(path)
            _visit(page, href, problems)

    # The page editor: no workflow to submit to, and Wagtail's own strings in Spanish.
    _visit(page, f"{live_server.url}/admin/pages/{course.pk}/edit/", problems)
    assert "Moderators approval" not in page.content()
    # A new course whose URL identifier is taken: the errors say so in Spanish.
    _visit(page, f"{live_server.url}/admin/pages/add/courses/coursepage/{course.get_parent().pk}/", problems)
    page.fill("#id_title", "Ventas por WhatsApp")
    page.locator("#id_slug").evaluate("(el, slug) => { el.value = slug; }", course.slug)
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar borrador").click()
    body = page.locator("body").inner_text()
    assert "No se pudo crear la página: revisa los campos marcados." in body
    assert f"El identificador de URL «{course.slug}» ya lo usa otra página en la misma sección." in page.content()
    found = _english_in(page)
    if found:
        problems["(página nueva con errores)"] = found

    assert not problems, "\n".join(f"{path}: {found}" for path, found in problems.items())
    page.goto(f"{live_server.url}/admin/certificados/")
    assert page.locator("main td").filter(has_text=re.compile(r"^\s*No\s*$")).count() == 1  # not anulado
    assert_accessible(page)
