from django.dispatch import Signal

# Sent after the transaction that completed a course commits. Arguments: user, course, enrolment.
course_completed = Signal()
