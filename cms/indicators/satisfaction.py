"""The satisfaction scale every Semilla survey uses (training, childcare, credit) and its "satisfied" rule.

Five answers, 5 the best; 4 or 5 is "satisfied". A person counts as satisfied in a period when every
answer she gave in it is 4 or 5 (one unhappy answer is enough to not count), as the training survey does.
"""

from django.utils.translation import gettext_lazy as _

SATISFIED = 4

RATING_CHOICES = [
    (5, _("Muy satisfecha o satisfecho")),
    (4, _("Satisfecha o satisfecho")),
    (3, _("Ni satisfecha ni insatisfecha")),
    (2, _("Insatisfecha o insatisfecho")),
    (1, _("Muy insatisfecha o insatisfecho")),
]
