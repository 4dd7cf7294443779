"""A do-nothing background task for bench/stack_smoke.py: proves the stack's job worker runs jobs.

Imported only once django-tasks is installed (the smoke journey checks `manage.py db_worker` first)."""

from django_tasks import task


@task()
def stack_smoke_ping(text: str) -> str:
    return text
