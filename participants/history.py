"""A saved object's change history for its edit page: who changed which field from what to what."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


def object_history(obj, count=10):
    """The latest `count` records of the object's history, newest first, each with its field changes."""
    records = list(obj.history.select_related("history_user")[: count + 1])
    entries = []
    for index, record in enumerate(records[:count]):
        older = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if older is not None:
            for change in record.diff_against(older).changes:
                field = obj._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old or "–", "new": change.new or "–"})
        user = record.history_user
        entries.append(
            {
                "when": record.history_date,
                "who": (user.get_full_name() or user.username) if user else "",
                "action": ACTIONS.get(record.history_type, ""),
                "changes": changes,
            }
        )
    return entries
