"""Pitch day pages: jurors (views.juror), coordination (views.coordination), entrepreneurs (views.entrepreneur)."""
