"""/media/ serves Wagtail images and renditions only: no other upload, however the path is spelled."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

SECRET = b"%PDF-1.4 secreto"
# Files kept under MEDIA_ROOT that only access-checked views may hand out.
PRIVATE_FILES = [
    "certificados/certificado-1.pdf",
    "evidencias/1/evidencia.pdf",
    "prototipos/1/foto.jpg",
    "capital-semilla/1/factura.jpg",
    "h5p-packages/abc/content/content.json",
    "h5p-packages/abc/evil.svg",
]
TRAVERSALS = [
    "/media/images/../{f}",
    "/media/original_images/../{f}",
    "/media/images/..%2f{f}",
    "/media/images/..%2F{f}",
    "/media/images/%2e%2e/{f}",
    "/media/images/%2e%2e%2f{f}",
    "/media/images/.%2e/{f}",
    "/media/images/..\\{f}",
    "/media/images/..%5c{f}",
    "/media/{f}",
    "/media//{f}",
    "/media/images//{f}",
    "/media/images/%2f{f}",
    "/media/images/{root}/{f}",
]


@pytest.fixture
def private_files(settings):
    root = settings.MEDIA_ROOT
    for name in PRIVATE_FILES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(SECRET)
    (root / "images").mkdir(parents=True, exist_ok=True)
    return root


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", TRAVERSALS)
def test_no_spelling_of_a_path_reaches_a_private_upload(client, private_files, pattern):
    for private in PRIVATE_FILES:
        url = pattern.format(f=private, root=str(private_files).lstrip("/"))
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in _body(response)


@pytest.mark.django_db
def test_an_absolute_path_outside_media_is_not_served(client):
    for url in (
        "/media//etc/passwd",
        "/media/images//etc/passwd",
        "/media/images/../../../../etc/passwd",
        "/media/images/%2fetc%2fpasswd",
        "/media/images/..%2f..%2f..%2fetc%2fpasswd",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"root:" not in _body(response)


@pytest.mark.django_db
def test_a_file_in_images_that_is_no_wagtail_image_is_not_served(client, private_files):
    (private_files / "images" / "dejado.png").write_bytes(b"\x89PNG not an image of the library")
    (private_files / "images" / "pagina.html").write_bytes(b"<script>alert(1)</script>")
    (private_files / "images" / "dibujo.svg").write_bytes(b"<svg onload='alert(1)'/>")
    for name in ("dejado.png", "pagina.html", "dibujo.svg"):
        assert client.get(f"/media/images/{name}").status_code == 404


@pytest.mark.django_db
def test_wagtail_images_and_their_renditions_are_public(client):
    image = get_image_model().objects.create(title="Feria", file=get_test_image_file())
    rendition = image.get_rendition("fill-40x30")

    for url in (image.file.url, rendition.url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("inline;")
        assert _body(response).startswith(b"\x89PNG")


@pytest.mark.django_db
def test_a_rendition_path_with_a_traversal_tail_is_not_served(client):
    image = get_image_model().objects.create(title="Feria", file=get_test_image_file())
    assert client.get(image.file.url + "/../../images/x.png").status_code == 404
    assert (
        client.get(image.file.url.replace("original_images/", "original_images/../original_images/")).status_code == 404
    )


@pytest.mark.django_db
def test_with_media_on_object_storage_a_known_image_redirects_to_the_storages_own_address(client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    from django.core.files.storage import default_storage

    image = get_image_model().objects.create(title="Feria", file=get_test_image_file())
    response = client.get(f"/media/{image.file.name}")
    assert response.status_code == 302
    assert response["Location"] == default_storage.url(image.file.name)  # S3: a signed URL that expires
    assert client.get("/media/images/no-such-image.png").status_code == 404  # unknown names still are not
