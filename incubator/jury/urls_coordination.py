"""Pitch day URLs: coordination pages."""

from django.urls import path

from incubator.jury.views import setup

urlpatterns: list = [
    # Preparar el evento (entries, calibration, assignment matrix, recusals).
    path("eventos/<int:event_id>/preparar/", setup.setup, name="setup"),
    path("eventos/<int:event_id>/preparar/agregar/", setup.entry_add_view, name="setup_entry_add"),
    path("eventos/<int:event_id>/preparar/quitar/<int:entry_id>/", setup.entry_remove_view,
         name="setup_entry_remove"),
    path("eventos/<int:event_id>/preparar/calibracion/", setup.calibration_add_view, name="setup_calibration_add"),
    path("eventos/<int:event_id>/preparar/asignar/", setup.assign_view, name="setup_assign"),
]
