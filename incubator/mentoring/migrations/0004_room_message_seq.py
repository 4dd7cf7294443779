"""A gap-free per-room sequence for chat messages (issue 15, item 7): existing messages are numbered in id order.

The column becomes required in 0005: on PostgreSQL a table cannot be altered in the transaction that updated its
rows (pending trigger events)."""

from django.db import migrations, models


def number_existing_messages(apps, schema_editor):
    RoomMessage = apps.get_model("mentoring", "RoomMessage")
    MentoringSession = apps.get_model("mentoring", "MentoringSession")
    session_ids = RoomMessage.objects.values_list("session_id", flat=True).distinct()
    for session_id in session_ids.iterator():
        seq = 0
        for message_id in RoomMessage.objects.filter(session_id=session_id).order_by("id").values_list("id",
                                                                                                     flat=True):
            seq += 1
            RoomMessage.objects.filter(pk=message_id).update(seq=seq)
        MentoringSession.objects.filter(pk=session_id).update(message_seq=seq)


class Migration(migrations.Migration):

    dependencies = [
        ("mentoring", "0003_session_cohort_ventures"),
    ]

    operations = [
        migrations.AddField(
            model_name="mentoringsession",
            name="message_seq",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="roommessage",
            name="seq",
            field=models.PositiveIntegerField(editable=False, null=True),
        ),
        migrations.RunPython(number_existing_messages, migrations.RunPython.noop),
    ]
