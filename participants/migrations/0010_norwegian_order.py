"""Names sort in Norwegian order: æ, ø, å after z. PostgreSQL gets ICU's Norwegian collation here;
SQLite gets the same name on each connection (participants.collation)."""

import django.db.models.functions.comparison
from django.contrib.postgres.operations import CreateCollation
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0009_seat_terms"),
    ]

    operations = [
        # Skipped on SQLite by the operation itself.
        CreateCollation("nb_NO", provider="icu", locale="nb-NO"),
        migrations.AlterModelOptions(
            name="organization",
            options={
                "ordering": [models.OrderBy(django.db.models.functions.comparison.Collate("name", "nb_NO"))],
                "verbose_name": "organization",
                "verbose_name_plural": "organizations",
            },
        ),
        migrations.AlterModelOptions(
            name="person",
            options={
                "ordering": [models.OrderBy(django.db.models.functions.comparison.Collate("name", "nb_NO"))],
                "verbose_name": "person",
                "verbose_name_plural": "people",
            },
        ),
    ]
