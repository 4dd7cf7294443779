"""Every model that holds data about a person is declared in the privacy registry (LOPDP: no app may forget)."""

from django.apps import apps
from django.contrib.auth import get_user_model
from wagtail.models import Page

from cms.accounts.models import Participant
from cms.personal_data.registry import declaration_for, framework_models

PERSONAL_FIELD_NAMES = {"username", "email", "ip_address", "session_data", "phone", "document_number"}
OUR_AREAS = ("cms", "lms", "incubator")


def _concerns_a_person(model) -> bool:
    people = (get_user_model(), Participant)
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # reverse relations belong to the other model
        if getattr(field, "related_model", None) in people or field.name in PERSONAL_FIELD_NAMES:
            return True
    return model in people


def _covered(model) -> bool:
    if declaration_for(model) is not None or model._meta.label in framework_models():
        return True
    # A Wagtail page's authorship lives in wagtailcore.Page (the parent table), declared once.
    return issubclass(model, Page) and declaration_for(Page) is not None


def test_every_model_with_personal_data_is_declared():
    missing = [
        m._meta.label
        for m in apps.get_models()
        if not m._meta.auto_created and _concerns_a_person(m) and not _covered(m)
    ]
    assert missing == [], f"Declare these models in their app's privacy.py: {missing}"


def test_every_model_of_semilla_is_declared_or_said_to_hold_no_personal_data():
    missing = [
        m._meta.label
        for m in apps.get_models()
        if m.__module__.split(".")[0] in OUR_AREAS and not m._meta.auto_created and not _covered(m)
    ]
    assert missing == [], f"Declare these models in their app's privacy.py (declare or framework): {missing}"


def test_a_model_nobody_declared_is_named_by_the_walk(monkeypatch):
    from cms.personal_data import registry

    monkeypatch.delitem(registry._registry, "surveys.SatisfactionResponse")
    model = apps.get_model("surveys", "SatisfactionResponse")
    assert _concerns_a_person(model) and not _covered(model)


def test_the_admin_refusal_to_delete_a_person_sends_to_the_erasure():
    from cms.accounts.deletion import person_delete_refusal

    message = person_delete_refusal(["mensajes de la sala"])
    assert "solicitud de eliminación" in message and "Solicitudes de privacidad" in message
