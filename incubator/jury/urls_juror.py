"""Pitch day URLs: juror pages."""

urlpatterns: list = []
