import sys

from django.apps import AppConfig

# The rooms' event loop (Daphne's one thread for every socket) shares the GIL with the database thread that
# runs the services. With CPython's default 5 ms switch interval, each time the loop gives the GIL up (every
# wait for the network) it may wait up to 5 ms to get it back while a query is being built, and a broadcast
# crosses several such waits before its frames are written. 1 ms keeps that wait short; the database thread
# loses little, since it only yields when the loop asks for the GIL.
GIL_SWITCH_INTERVAL = 0.001


class MentoringConfig(AppConfig):
    name = "incubator.mentoring"
    label = "mentoring"
    verbose_name = "Mentorías"

    def ready(self) -> None:
        if sys.getswitchinterval() > GIL_SWITCH_INTERVAL:
            sys.setswitchinterval(GIL_SWITCH_INTERVAL)
