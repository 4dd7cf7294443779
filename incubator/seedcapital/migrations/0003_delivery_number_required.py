from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('seedcapital', '0002_delivery_number'),
    ]

    operations = [
        migrations.AlterField(
            model_name='delivery',
            name='number',
            field=models.PositiveIntegerField(editable=False, verbose_name='número'),
        ),
        migrations.AlterModelOptions(
            name='delivery',
            options={'ordering': ['award', 'number'], 'verbose_name': 'entrega', 'verbose_name_plural': 'entregas'},
        ),
        migrations.AddConstraint(
            model_name='delivery',
            constraint=models.UniqueConstraint(fields=('award', 'number'), name='one_delivery_number_per_award'),
        ),
    ]
