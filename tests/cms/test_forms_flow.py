"""cms.forms_flow: the validate / service / error / redirect flow the plain form pages share."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory

from cms.forms_flow import handle_action, handle_form


class Refused(Exception):
    pass


class NameForm(forms.Form):
    name = forms.CharField()
    photo = forms.CharField(required=False)


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def _invalid(form):
    return HttpResponse(status=400, content=repr(form.errors.get_json_data()))


def _flow(request, data, service, **kwargs):
    return handle_form(
        request,
        NameForm(data),
        service=service,
        success_url="/listo/",
        success_message="Guardado.",
        invalid=_invalid,
        refused=Refused,
        **kwargs,
    )


def test_a_valid_form_calls_the_service_with_its_data_and_redirects_with_the_message():
    request, seen = _request(), []
    response = _flow(request, {"name": "Ana"}, seen.append)
    assert (response.status_code, response.url) == (302, "/listo/")
    assert seen[0]["name"] == "Ana" and _said(request) == [("success", "Guardado.")]


def test_an_invalid_form_is_shown_again_without_calling_the_service():
    request = _request()
    response = _flow(request, {}, lambda data: pytest.fail("called"))
    assert response.status_code == 400 and _said(request) == []


@pytest.mark.parametrize(
    ("error", "field"),
    [
        (ValidationError({"name": "Otro nombre."}), "name"),
        (ValidationError({"zzz": "Sin campo."}), "__all__"),
        (ValidationError("Muy grande."), "photo"),
    ],
)
def test_a_services_validation_error_goes_next_to_its_field(error, field):
    def service(data):
        raise error

    request = _request()
    form = NameForm({"name": "Ana"})
    handle_form(
        request,
        form,
        service=service,
        success_url="/listo/",
        success_message="Guardado.",
        invalid=_invalid,
        error_field="photo",
    )
    assert list(form.errors) == [field] and _said(request) == []


def test_a_refusal_shows_its_message_and_redirects_without_success():
    def service(data):
        raise Refused("Cerrado.")

    request = _request()
    response = _flow(request, {"name": "Ana"}, service, refused_url="/otra/")
    assert (response.status_code, response.url) == (302, "/otra/")
    assert _said(request) == [("error", "Cerrado.")]


def test_the_success_url_may_come_from_what_the_service_made():
    response = handle_form(
        _request(),
        NameForm({"name": "Ana"}),
        service=lambda data: 7,
        success_url=lambda pk: f"/cosa/{pk}/",
        success_message="Hecho.",
        invalid=_invalid,
    )
    assert response.url == "/cosa/7/"


def test_an_action_says_its_outcome_and_redirects_either_way():
    request = _request()
    assert handle_action(request, service=lambda: None, success_url="/a/", success_message="Hecho.").url == "/a/"

    def refuse():
        raise Refused("No se puede.")

    assert (
        handle_action(request, service=refuse, success_url="/a/", success_message="Hecho.", refused=Refused).url
        == "/a/"
    )
    quiet = _request()
    handle_action(quiet, service=lambda: None, success_url="/a/", success_message=None)
    assert _said(request) == [("success", "Hecho."), ("error", "No se puede.")] and _said(quiet) == []
