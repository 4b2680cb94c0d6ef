"""Workflows over the plan as a whole: adopting a version, importing a plan file."""

import hashlib

import yaml
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from measures.models import ActionPlan, PlanVersion
from participants.models import Body

from .documents import render_adopted_plan
from .planfile import PlanFileError, export_plan, import_plan
from .revisions import compare_plan_files


@transaction.atomic
def plan_adopt(*, plan, adopted_on, adopted_by, case_reference="", user=None):
    """Record the adoption of the plan as it stands and freeze it as the next version.

    The version keeps the plan as plan-file text, the public page's HTML and the PDF's bytes;
    the working plan goes on as the draft of the next revision.
    """
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    latest = plan.versions.latest_first().first()
    if plan.adopted_on != adopted_on or plan.adopted_by != adopted_by:
        plan.adopted_on = adopted_on
        plan.adopted_by = adopted_by
        plan.save()
    page, pdf = render_adopted_plan(plan)
    return PlanVersion.objects.create(
        plan=plan,
        number=latest.number + 1 if latest else 1,
        adopted_on=adopted_on,
        adopted_by=adopted_by,
        case_reference=case_reference,
        plan_file=export_plan(plan),
        html=page,
        pdf=pdf,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        created_by=user,
    )


def _adopted_content(plan_file):
    """A plan file's content as a political body adopts it: without the publishing flag or the adoption."""
    content = yaml.safe_load(plan_file)
    for key in ("published", "adopted_on", "adopted_by"):
        content.pop(key, None)
    return content


@transaction.atomic
def plan_file_import(*, data):
    """Write a validated plan file; a file that carries an adoption date is an adopted version.

    A file adopted on the date of a version already kept must hold exactly that version, so that
    importing the same file again changes nothing; one that differs is refused and writes nothing.
    A file adopted later than the latest version becomes the next version.
    """
    plan = import_plan(data=data)
    adopted_on = data["adopted_on"]
    if adopted_on is None:
        return plan
    versions = list(plan.versions.order_by("number").select_related("adopted_by"))
    kept = next((version for version in versions if version.adopted_on == adopted_on), None)
    if kept is not None:
        kept_by = kept.adopted_by.key if kept.adopted_by else None
        changes = compare_plan_files(kept.plan_file, export_plan(plan))
        if data["adopted_by"] != kept_by or _adopted_content(kept.plan_file) != _adopted_content(export_plan(plan)):
            shown = ", ".join(" ".join(filter(None, [row["item"], row["field"]])) for row in changes[:5])
            raise PlanFileError(
                [
                    _(
                        "The file says the plan was adopted on %(date)s, but it differs from adopted version "
                        "%(number)s of that date (%(changes)s). An adopted version never changes: remove "
                        "adopted_on from the file to load it as a working draft, or register a new adoption."
                    )
                    % {"date": date_format(adopted_on, "d.m.Y"), "number": kept.number, "changes": shown or "-"}
                ]
            )
        return plan
    if versions and adopted_on < versions[-1].adopted_on:
        raise PlanFileError(
            [
                _("The file's adoption date %(date)s is earlier than adopted version %(number)s (%(latest)s).")
                % {
                    "date": date_format(adopted_on, "d.m.Y"),
                    "number": versions[-1].number,
                    "latest": date_format(versions[-1].adopted_on, "d.m.Y"),
                }
            ]
        )
    adopted_by = Body.objects.filter(key=data["adopted_by"]).first() if data["adopted_by"] else None
    plan_adopt(plan=plan, adopted_on=adopted_on, adopted_by=adopted_by)
    return plan
