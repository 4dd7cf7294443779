from django.dispatch import Signal

# Sent inside the transaction that created a venture, before it commits (a receiver's writes roll back with
# it). Arguments: venture. The milestones app creates the venture's milestones from it.
venture_created = Signal()
