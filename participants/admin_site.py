"""The Django admin, for the coordinator only.

The admin knows model permissions, not the portal's rules on single objects (confidential
minutes, measures of one's own body), so a staff account of another role would read the
operative group's minutes there. Only the coordinator, who may see everything, gets in.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from .roles import is_coordinator


class PortalAdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and is_coordinator(request.user)


class PortalAdminConfig(AdminConfig):
    default_site = "participants.admin_site.PortalAdminSite"
