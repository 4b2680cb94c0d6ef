from django.contrib.auth.management import create_permissions
from django.db import migrations

from participants.roles import sync_roles


def sync(apps, schema_editor):
    # The coordinator holds every permission of the apps, those of the new models included.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_rhythm_date_status_link_feeds_reminders"),
        ("participants", "0002_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
