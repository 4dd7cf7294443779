"""Coordination and administration enter the Wagtail admin and manage enrolments there."""

from django.db import migrations

ROLES = ("coordinacion", "administracion")
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("courses", "enrolment", "view_enrolment"),
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model, codename in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
        )
        for role in ROLES:
            Group.objects.get_or_create(name=role)[0].permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_enrolment_queued_at_event_kind"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
