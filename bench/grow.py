"""Grow the current plan to N times Gjesdal's size, with history, for benchmarks.

At --factor 100: 1,200 measures, 600 meetings, 5,000 status updates, 2,000 action items,
all in the current plan (the worst case for its pages and its PDF).

    DATABASE_URL=... python bench/grow.py --factor 100
"""

import argparse
import datetime
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from measures.models import ActionPlan, Measure, Status, StatusUpdate  # noqa: E402
from meetings.models import ActionItem, Meeting  # noqa: E402
from participants.models import Body  # noqa: E402

SIZES = {"measures": 12, "meetings": 6, "status_updates": 50, "action_items": 20}


@transaction.atomic
def grow(factor, seed=2026):
    rng = random.Random(seed)
    plan = ActionPlan.objects.current()
    bodies = list(Body.objects.all())
    existing = plan.measures.count()
    statuses = [Status.PLANNED, Status.IN_PROGRESS, Status.ONGOING, Status.COMPLETED]
    new_measures = [
        Measure(
            plan=plan,
            number=number,
            title=f"Tiltak {number}: forebygging i nærmiljøet",
            description="Tiltaket styrker samarbeidet mellom skole, politi og frivillighet. " * 3,
            responsible_text="SLT-arbeidsgruppe",
            status=rng.choice(statuses),
        )
        for number in range(existing + 1, SIZES["measures"] * factor + 1)
    ]
    bulk_create_with_history(new_measures, Measure, batch_size=500)
    measures = list(plan.measures.all())
    through = Measure.responsible_bodies.through
    through.objects.bulk_create(
        [through(measure_id=m.pk, body_id=rng.choice(bodies).pk) for m in measures if m.number > existing],
        ignore_conflicts=True,
    )

    today = timezone.localdate()
    updates = []
    for _ in range(SIZES["status_updates"] * factor - StatusUpdate.objects.count()):
        status = rng.choice(statuses)
        updates.append(
            StatusUpdate(
                measure=rng.choice(measures),
                status=status,
                note="Fulgt opp i arbeidsgruppa; god framdrift.",
                date=today - datetime.timedelta(days=rng.randrange(0, 700)),
            )
        )
    bulk_create_with_history(updates, StatusUpdate, batch_size=1000)

    series = list(plan.meeting_series.all())
    start = timezone.make_aware(datetime.datetime(plan.period_start, 1, 5, 9, 0))
    meetings = []
    for index in range(SIZES["meetings"] * factor - Meeting.objects.count()):
        begins = start + datetime.timedelta(days=index // 2, hours=(index % 2) * 4 + rng.randrange(0, 3))
        meetings.append(
            Meeting(
                series=series[index % len(series)],
                starts_at=begins,
                ends_at=begins + datetime.timedelta(hours=2),
                minutes="## Referat\n\nGjennomgang av tiltakene.",
            )
        )
    bulk_create_with_history(meetings, Meeting, batch_size=500)
    meetings = list(Meeting.objects.filter(series__plan=plan))
    items = [
        ActionItem(
            meeting=rng.choice(meetings),
            text="Følge opp tiltaket og melde tilbake til arbeidsgruppa.",
            measure=rng.choice(measures),
            due=today + datetime.timedelta(days=rng.randrange(-60, 120)),
        )
        for _ in range(SIZES["action_items"] * factor - ActionItem.objects.count())
    ]
    bulk_create_with_history(items, ActionItem, batch_size=1000)
    return {
        "measures": plan.measures.count(),
        "meetings": Meeting.objects.count(),
        "status_updates": StatusUpdate.objects.count(),
        "action_items": ActionItem.objects.count(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=int, default=100)
    print(grow(parser.parse_args().factor))
