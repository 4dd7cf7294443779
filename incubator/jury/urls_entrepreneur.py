"""Pitch day URLs: entrepreneur pages (each team's private result, only after close)."""

from django.urls import path

from incubator.jury.views import entrepreneur

urlpatterns: list = [
    path("mi-resultado/", entrepreneur.my_results, name="my_results"),
    path("mi-resultado/<id:event_id>/", entrepreneur.my_result, name="my_result"),
    path("mi-resultado/<id:event_id>/pdf/", entrepreneur.my_result_pdf, name="my_result_pdf"),
]
