"""Coordination and administration manage mentoring sessions and read attendance in the Wagtail admin."""

from django.db import migrations

# History: this migration once gave these permissions to the coordination and administration groups. They
# are now part of the role matrix (AppConfig.role_permissions, cms.accounts.roles.role_permission_matrix),
# given after every migrate; the step stays so the migration graph is unchanged, and does nothing.


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
