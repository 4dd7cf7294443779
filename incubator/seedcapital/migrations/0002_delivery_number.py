# Deliveries are numbered within their award (they showed the table's id, so the first delivery of a
# new award could read "Entrega 4"). Existing deliveries are numbered 1, 2, 3… per award in the order
# they were scheduled; 0003 makes the number required and unique per award.

from django.db import migrations, models


def number_deliveries(apps, schema_editor):
    Delivery = apps.get_model("seedcapital", "Delivery")
    numbers: dict[int, int] = {}
    for delivery in Delivery.objects.order_by("award_id", "id").only("pk", "award_id"):
        numbers[delivery.award_id] = numbers.get(delivery.award_id, 0) + 1
        Delivery.objects.filter(pk=delivery.pk).update(number=numbers[delivery.award_id])


class Migration(migrations.Migration):

    dependencies = [
        ('seedcapital', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='delivery',
            name='number',
            field=models.PositiveIntegerField(editable=False, null=True, verbose_name='número'),
        ),
        migrations.RunPython(number_deliveries, migrations.RunPython.noop),
    ]
