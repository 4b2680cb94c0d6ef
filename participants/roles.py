"""The portal's roles: auth groups and the permissions each one holds.

The groups are created by a data migration (participants 0002) from this table; what a
role may do on a single object (a measure its body is responsible for, a confidential
meeting) is decided by the views, on top of these model permissions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, Group, Permission, User
    from django.db.models import QuerySet

COORDINATOR = "SLT-koordinator"
STEERING_GROUP = "Styringsgruppe"
WORKING_GROUP = "Arbeidsgruppe"
OPERATIVE_GROUP = "Operativ SLT-gruppe"

APPS = ("participants", "measures", "meetings")
ALL = "__all__"
VIEW = "__view__"

WORKING_PERMISSIONS = [
    VIEW,
    "measures.add_statusupdate",
    "meetings.change_meeting",
    "meetings.add_agendaitem",
    "meetings.change_agendaitem",
    "meetings.delete_agendaitem",
    "meetings.add_attendance",
    "meetings.change_attendance",
    "meetings.add_actionitem",
    "meetings.change_actionitem",
    "meetings.delete_actionitem",
]

ROLES = {
    COORDINATOR: [ALL],
    STEERING_GROUP: [VIEW],
    WORKING_GROUP: WORKING_PERMISSIONS,
    OPERATIVE_GROUP: WORKING_PERMISSIONS,
}

ROLE_LABELS = {
    COORDINATOR: _("SLT coordinator"),
    STEERING_GROUP: _("Steering group / police council"),
    WORKING_GROUP: _("Working group"),
    OPERATIVE_GROUP: _("Operative SLT group"),
}


# The coordinator's role holds every permission (ALL); this one, which no other role holds, is
# what tells the coordinator apart wherever the portal asks "is this the coordinator?".
COORDINATOR_PERMISSION = "measures.change_actionplan"


def is_coordinator(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm(COORDINATOR_PERMISSION)


def require_coordinator(user: User | AnonymousUser) -> None:
    if not is_coordinator(user):
        raise PermissionDenied


def permissions_for(role: str, permission_model: type[Permission]) -> QuerySet[Permission]:
    """The Permission rows a role holds (permission_model may be a historical model)."""
    wanted = ROLES[role]
    in_apps = permission_model.objects.filter(content_type__app_label__in=APPS)
    chosen = permission_model.objects.none()
    for entry in wanted:
        if entry == ALL:
            chosen |= in_apps
        elif entry == VIEW:
            chosen |= in_apps.filter(codename__startswith="view_")
        else:
            app_label, codename = entry.split(".")
            chosen |= permission_model.objects.filter(content_type__app_label=app_label, codename=codename)
    return chosen


def sync_roles(group_model: type[Group], permission_model: type[Permission]) -> None:
    for role in ROLES:
        group, _created = group_model.objects.get_or_create(name=role)
        group.permissions.set(permissions_for(role, permission_model))
