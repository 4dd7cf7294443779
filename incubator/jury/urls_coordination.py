"""Pitch day URLs: coordination pages."""

from django.urls import path

from incubator.jury.views import coordination, setup

urlpatterns: list = [
    # Preparar el evento (entries, calibration, assignment matrix, recusals).
    path("eventos/<id:event_id>/preparar/", setup.setup, name="setup"),
    path("eventos/<id:event_id>/preparar/agregar/", setup.entry_add_view, name="setup_entry_add"),
    path("eventos/<id:event_id>/preparar/quitar/<id:entry_id>/", setup.entry_remove_view, name="setup_entry_remove"),
    path("eventos/<id:event_id>/preparar/calibracion/", setup.calibration_add_view, name="setup_calibration_add"),
    path("eventos/<id:event_id>/preparar/asignar/", setup.assign_view, name="setup_assign"),
    # Resultados: ranking, cómo se calculó, registro; cerrar, reabrir, deliberar, retirar (issue 6, results part).
    path("eventos/<id:event_id>/resultados/", coordination.results, name="results"),
    path("eventos/<id:event_id>/resultados/como-se-calculo/", coordination.explain, name="results_explain"),
    path("eventos/<id:event_id>/resultados/registro/", coordination.audit, name="results_audit"),
    path("eventos/<id:event_id>/resultados/cerrar/", coordination.close, name="results_close"),
    path("eventos/<id:event_id>/resultados/reabrir/", coordination.reopen, name="results_reopen"),
    path("eventos/<id:event_id>/resultados/deliberar/", coordination.deliberate, name="results_deliberate"),
    path(
        "eventos/<id:event_id>/resultados/premios/<id:award_id>/retirar/", coordination.withdraw, name="award_withdraw"
    ),
    path("eventos/<id:event_id>/resultados/jurado/", coordination.juror_results, name="results_juror"),
]
