"""Pitch day URLs: entrepreneur pages."""

urlpatterns: list = []
