"""Pitch day URLs: juror pages."""

from django.urls import path

from incubator.jury.views import juror

urlpatterns: list = [
    path("jurado/", juror.my_pitches, name="my_pitches"),
    path("jurado/<id:entry_id>/conflicto/", juror.conflict, name="conflict"),
    path("jurado/<id:entry_id>/hoja/", juror.sheet, name="sheet"),
    path("jurado/<id:entry_id>/hoja/autoguardar/", juror.sheet_autosave, name="sheet_autosave"),
]
