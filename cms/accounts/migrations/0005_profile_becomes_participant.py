from django.db import migrations


class Migration(migrations.Migration):
    """The optional profile becomes the registry's participant record (issue 11); its rows are kept."""

    dependencies = [("accounts", "0004_verbose_names_es")]

    operations = [
        migrations.RenameModel("Profile", "Participant"),
        migrations.RenameField("participant", "community", "mobility"),
    ]
