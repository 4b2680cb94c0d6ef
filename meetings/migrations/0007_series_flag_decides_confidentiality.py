"""A series' own flag now decides whether its minutes are confidential.

Series that were confidential only through a confidential attending body keep being so: their
flag is set here.
"""

from django.db import migrations


def flag_series_of_confidential_bodies(apps, schema_editor):
    MeetingSeries = apps.get_model("meetings", "MeetingSeries")
    MeetingSeries.objects.filter(confidential=False, bodies__confidential=True).update(confidential=True)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_calendar_tokens_hashed"),
        ("participants", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(flag_series_of_confidential_bodies, migrations.RunPython.noop),
    ]
