"""Reads of pitch day, one module per concern."""
