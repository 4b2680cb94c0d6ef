from django.contrib.auth.management import create_permissions
from django.db import migrations

from participants.roles import sync_roles


def sync(apps, schema_editor):
    # Every role reads the reports of record (view_*), and the coordinator holds every permission.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0014_status_reports_of_record"),
        ("measures", "0009_annual_reports"),
        ("participants", "0002_roles"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
