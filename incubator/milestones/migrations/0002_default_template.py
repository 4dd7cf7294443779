"""The default four-month template (M1-M4), so coordinators find it in the admin from day one."""

from django.db import migrations


def create_default(apps, schema_editor):
    from incubator.milestones.services import DEFAULT_ITEMS

    Template = apps.get_model("milestones", "MilestoneTemplate")
    Item = apps.get_model("milestones", "MilestoneTemplateItem")
    if Template.objects.filter(cohort__isnull=True).exists():
        return
    template = Template.objects.create(name="Incubadora de cuatro meses")
    for order, (code, title, description, days, tasks) in enumerate(DEFAULT_ITEMS):
        Item.objects.create(template=template, sort_order=order, code=code, title=title, description=description,
                            due_days=days, tasks="\n".join(tasks))


class Migration(migrations.Migration):
    dependencies = [("milestones", "0001_initial")]
    operations = [migrations.RunPython(create_default, migrations.RunPython.noop)]
