"""Authentication backend: Django's ModelBackend, with a user's permissions read in one query.

ModelBackend reads a user's own permissions and their groups' permissions in two queries on
every page; a UNION reads both at once. The result is kept on the user object for the request,
as ModelBackend does.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class PortalBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                rows = Permission.objects.values_list("content_type__app_label", "codename")
            else:
                fields = ("content_type__app_label", "codename")
                own = Permission.objects.filter(user=user_obj).values_list(*fields).order_by()
                from_groups = Permission.objects.filter(group__user=user_obj).values_list(*fields).order_by()
                rows = own.union(from_groups)
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache
