"""Every field of our models names itself in Spanish: the Wagtail admin builds its column headings, filters
and form labels from verbose_name, and without one Django shows the English field name ("User", "Created at")."""

from django.apps import apps
from django.utils.functional import Promise

OUR_AREAS = ("cms.", "lms.", "incubator.")

# Fields our models inherit from Django or Wagtail and that no coordinator sees: the automatic primary key
# ("ID" reads the same in Spanish), the link of a page type to Wagtail's Page row, and the hidden ordering
# column of Wagtail's Orderable.
EXEMPT = {"id", "page_ptr", "sort_order"}


def _our_fields():
    for model in apps.get_models():
        if not model.__module__.startswith(OUR_AREAS):
            continue
        for field in model._meta.get_fields():
            if getattr(field, "concrete", False) and field.model is model and field.name not in EXEMPT:
                yield model, field


def test_every_field_of_our_models_has_a_translatable_verbose_name():
    missing = [
        f"{model._meta.label}.{field.name}"
        for model, field in _our_fields()
        # Django keeps the verbose_name given in the source as _verbose_name; None means it made one up.
        if not isinstance(field._verbose_name, Promise)
    ]
    assert missing == []


def test_the_walk_covers_the_fields_the_tester_saw_in_english():
    labels = {f"{model._meta.label}.{field.name}": str(field.verbose_name) for model, field in _our_fields()}
    assert labels["courses.Enrolment.user"] == "persona"
    assert labels["courses.Enrolment.created_at"] == "fecha de creación"
    assert labels["certificates.Certificate.course"] == "curso"
