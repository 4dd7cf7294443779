"""Coordination and administration manage mentoring sessions and read attendance in the Wagtail admin."""

from django.db import migrations

ROLES = ("coordinacion", "administracion")
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("mentoring", "mentoringsession", "add_mentoringsession"),
    ("mentoring", "mentoringsession", "change_mentoringsession"),
    ("mentoring", "mentoringsession", "delete_mentoringsession"),
    ("mentoring", "mentoringsession", "view_mentoringsession"),
    ("mentoring", "attendance", "view_attendance"),
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
        ("mentoring", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
