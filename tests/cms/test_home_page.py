import pytest
from wagtail.models import Page, Site

from cms.home.models import HomePage


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Semilla", slug="semilla-inicio", intro="<p>Bienvenida</p>"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    home.add_child(instance=Page(title="Cursos", slug="cursos"))
    return home


def test_the_home_page_invites_to_sign_up_and_lists_its_sections(client, home):
    page = client.get("/").content.decode()
    assert "Crear mi cuenta" in page and "Bienvenida" in page
    assert 'href="/cursos/"' in page


def test_a_signed_in_person_is_sent_to_their_start_page(client, home, django_user_model):
    client.force_login(django_user_model.objects.create_user("ana", password="x-clave-larga-1"))
    assert 'href="/inicio/">Ir a mi inicio' in client.get("/").content.decode()


def test_a_deep_page_is_served_only_when_every_page_above_it_is_live(client, home):
    section = Page.objects.get(slug="cursos", depth=home.depth + 1)
    topic = section.add_child(instance=Page(title="Tema", slug="tema"))
    topic.add_child(instance=Page(title="Detalle", slug="detalle"))
    assert client.get("/cursos/tema/detalle/").status_code == 200
    topic.unpublish()
    assert client.get("/cursos/tema/detalle/").status_code == 404
    assert client.get("/cursos/no-existe/detalle/").status_code == 404
