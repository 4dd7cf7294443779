import io
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.h5p.models import H5PActivity
from tests.factories import UserFactory
from tests.lms.h5p.fixtures import shared_h5p_fixtures

FIXTURES = shared_h5p_fixtures()
ADD_URL = "/admin/snippets/h5p/h5pactivity/add/"


@pytest.fixture(autouse=True)
def _h5p_root(settings, tmp_path):
    settings.H5P_ROOT = tmp_path / "h5p"


def upload(name: str, folder: str = "valid") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (FIXTURES / folder / name).read_bytes(), "application/zip")


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_an_admin_uploads_a_package_and_sees_it_listed(admin_client):
    response = admin_client.post(ADD_URL, {"package": upload("true-false.h5p"), "grade_policy": "last"})
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert (activity.title, activity.grade_policy) == ("Hello World", "last")
    listing = admin_client.get("/admin/snippets/h5p/h5pactivity/")
    assert "Hello World" in listing.content.decode()


@pytest.mark.django_db
def test_a_rejected_upload_shows_the_reason_next_to_the_field_and_stores_nothing(admin_client):
    response = admin_client.post(ADD_URL, {"package": upload("xss-svg.h5p", "invalid"), "grade_policy": "best"})
    assert response.status_code == 200
    assert "content/images/xss.svg no está permitido" in response.content.decode()
    assert H5PActivity.objects.count() == 0


@pytest.mark.django_db
def test_staff_without_the_dedicated_permission_cannot_upload(client):
    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.post(ADD_URL, {"package": upload("true-false.h5p"), "grade_policy": "best"})
    assert response.status_code in (302, 403)
    assert H5PActivity.objects.count() == 0


@pytest.mark.django_db
def test_a_package_with_a_bad_crc_is_a_form_error_not_a_500(admin_client):
    raw = (FIXTURES / "valid" / "true-false.h5p").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = next(i for i in archive.infolist() if i.filename.endswith(".js") and i.compress_size > 64)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = raw[: start + 32] + bytes(b ^ 0x55 for b in raw[start + 32 : start + 48]) + raw[start + 48 :]
    package = SimpleUploadedFile("roto.h5p", damaged, "application/zip")
    response = admin_client.post(ADD_URL, {"package": package, "grade_policy": "best"})
    assert response.status_code == 200
    assert f"{info.filename} está dañado dentro del paquete" in response.content.decode()
    assert H5PActivity.objects.count() == 0
