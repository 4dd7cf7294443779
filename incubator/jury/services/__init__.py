"""Writes of pitch day, one module per concern: audit, entries and jurors, score sheets, results and awards."""
