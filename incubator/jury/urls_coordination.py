"""Pitch day URLs: coordination pages."""

urlpatterns: list = []
