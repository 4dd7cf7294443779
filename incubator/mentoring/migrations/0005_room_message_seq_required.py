"""Every room message has its seq (numbered in 0004), once per room."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("mentoring", "0004_room_message_seq"),
    ]

    operations = [
        migrations.AlterField(
            model_name="roommessage",
            name="seq",
            field=models.PositiveIntegerField(editable=False),
        ),
        migrations.AddConstraint(
            model_name="roommessage",
            constraint=models.UniqueConstraint(fields=("session", "seq"), name="mentoring_one_message_per_seq"),
        ),
    ]
