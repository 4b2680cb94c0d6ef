from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Body, Organization, Person, Position, SeatTerm, SsoIdentity


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "key"]
    search_fields = ["name", "key"]
    prepopulated_fields = {"key": ["name"]}


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization"]


class SeatTermInline(admin.TabularInline):
    model = SeatTerm
    extra = 0
    autocomplete_fields = ["person", "deputy"]


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "confidential", "order"]
    list_filter = ["level", "confidential"]
    search_fields = ["name", "mandate", "participants_text"]
    prepopulated_fields = {"key": ["name"]}
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "body", "organization", "is_chair", "is_secretary", "approves_minutes"]
    list_filter = ["body", "is_chair", "is_secretary", "approves_minutes"]
    search_fields = ["title", "terms__person__name", "body__name"]
    list_select_related = ["body", "organization"]
    autocomplete_fields = ["organization", "body"]
    inlines = [SeatTermInline]


@admin.register(SeatTerm)
class SeatTermAdmin(SimpleHistoryAdmin):
    list_display = ["person", "position", "starts_on", "ends_on", "deputy"]
    list_filter = ["position__body"]
    search_fields = ["person__name", "position__title", "deputy__name"]
    list_select_related = ["person", "position__body", "deputy"]
    autocomplete_fields = ["person", "position", "deputy"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "email", "phone", "organization", "user"]
    list_filter = ["organization"]
    search_fields = ["name", "email", "user__username"]
    list_select_related = ["organization", "user"]
    autocomplete_fields = ["organization", "user"]


@admin.register(SsoIdentity)
class SsoIdentityAdmin(SimpleHistoryAdmin):
    """The coordinator sees who is linked and unlinks an account; links are made by logging in."""

    list_display = ["user", "issuer", "linked_at"]
    search_fields = ["user__username", "user__email"]
    list_select_related = ["user"]
    readonly_fields = ["user", "issuer", "subject", "linked_at"]

    def has_add_permission(self, request):
        return False
