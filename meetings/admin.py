from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from measures.admin import ReadOnlyReport, ReportOfRecordAdmin

from .models import (
    ActionItem,
    AgendaItem,
    Attendance,
    CalendarToken,
    Meeting,
    MeetingGuest,
    MeetingSeries,
    Notice,
    NoticeRecipient,
    ReminderLog,
    StandingAgendaItem,
    StatusReport,
    StatusReportAssessment,
)
from .rendering import minutes_html_bounded


class StandingAgendaItemInline(admin.TabularInline):
    model = StandingAgendaItem
    extra = 0


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(SimpleHistoryAdmin):
    list_display = ["name", "frequency", "rrule", "confidential", "plan"]
    list_filter = ["plan", "confidential", "bodies"]
    search_fields = ["name", "purpose"]
    filter_horizontal = ["bodies"]
    inlines = [StandingAgendaItemInline]


@admin.register(StandingAgendaItem)
class StandingAgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "series", "order"]
    list_filter = ["series"]
    search_fields = ["title"]


class LockedWithTheMinutes:
    """Approved minutes are locked everywhere (meetings.services.ensure_unlocked): in the admin too.
    For an inline, obj is the meeting; for a model admin, the row itself or its meeting."""

    def _locked(self, obj):
        meeting = getattr(obj, "meeting", obj)
        return meeting is not None and meeting.minutes_locked

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._locked(obj)

    def has_add_permission(self, request, obj=None):
        if isinstance(self, admin.options.InlineModelAdmin):
            return super().has_add_permission(request, obj) and not self._locked(obj)
        return super().has_add_permission(request)


class AgendaItemInline(LockedWithTheMinutes, admin.TabularInline):
    model = AgendaItem
    extra = 0
    autocomplete_fields = ["measure"]
    readonly_fields = ["status_update"]


class AttendanceInline(LockedWithTheMinutes, admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["position", "person", "deputy"]


class MeetingGuestInline(LockedWithTheMinutes, admin.TabularInline):
    model = MeetingGuest
    extra = 0


class ActionItemInline(LockedWithTheMinutes, admin.TabularInline):
    model = ActionItem
    extra = 0
    autocomplete_fields = ["measure", "responsible_person", "responsible_body"]


@admin.register(Meeting)
class MeetingAdmin(LockedWithTheMinutes, SimpleHistoryAdmin):
    list_display = ["series", "starts_at", "location", "status", "minutes_status"]
    list_filter = ["series", "status", "minutes_status"]
    search_fields = ["series__name", "location", "minutes"]
    date_hierarchy = "starts_at"
    list_select_related = ["series"]
    inlines = [AgendaItemInline, AttendanceInline, MeetingGuestInline, ActionItemInline]
    # Approval goes through the meeting page (who approved, when); the admin cannot forge it.
    readonly_fields = ["minutes_status", "approved_by", "approved_at"]

    def save_model(self, request, obj, form, change):
        obj.minutes_html = minutes_html_bounded(obj.minutes)  # validated by the form, so it renders in time
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for item in formset.save(commit=False):
            if isinstance(item, AgendaItem):
                item.minutes_html = minutes_html_bounded(item.minutes)
            item.save()
        for item in formset.deleted_objects:
            item.delete()
        formset.save_m2m()


@admin.register(AgendaItem)
class AgendaItemAdmin(LockedWithTheMinutes, SimpleHistoryAdmin):
    list_display = ["title", "meeting", "measure", "order"]
    list_filter = ["meeting__series"]
    search_fields = ["title", "notes"]
    list_select_related = ["meeting__series", "measure"]
    readonly_fields = ["status_update"]

    def save_model(self, request, obj, form, change):
        obj.minutes_html = minutes_html_bounded(obj.minutes)
        super().save_model(request, obj, form, change)


@admin.register(Attendance)
class AttendanceAdmin(LockedWithTheMinutes, SimpleHistoryAdmin):
    list_display = ["position", "meeting", "person", "status", "deputy"]
    list_filter = ["status", "meeting__series"]
    search_fields = ["position__title", "person__name"]
    list_select_related = ["position__body", "meeting__series", "person"]


@admin.register(ActionItem)
class ActionItemAdmin(LockedWithTheMinutes, SimpleHistoryAdmin):
    list_display = ["text", "kind", "responsible_person", "responsible_body", "due", "measure", "done"]
    list_filter = ["kind", "done", "responsible_body"]
    search_fields = ["text"]
    date_hierarchy = "due"
    list_select_related = ["responsible_person", "responsible_body", "measure"]


@admin.register(CalendarToken)
class CalendarTokenAdmin(admin.ModelAdmin):
    """Subscription addresses can be revoked here (delete); they are made by each user."""

    list_display = ["user", "series", "created_at"]
    list_filter = ["series"]
    list_select_related = ["user", "series"]
    fields = ["user", "series", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    list_display = ["sent_on", "kind", "object_id", "email"]
    list_filter = ["kind", "sent_on"]
    search_fields = ["email"]
    date_hierarchy = "sent_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoticeRecipientInline(admin.TabularInline):
    model = NoticeRecipient
    extra = 0
    fields = ["person", "email"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """Sent innkallinger, as a record: not written here."""

    list_display = ["meeting", "sent_at", "sent_by"]
    list_select_related = ["meeting__series", "sent_by"]
    fields = ["meeting", "sent_at", "sent_by", "agenda"]
    readonly_fields = fields
    inlines = [NoticeRecipientInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StatusReportAssessmentInline(ReadOnlyReport, admin.TabularInline):
    model = StatusReportAssessment
    exclude = []
    extra = 0


@admin.register(StatusReport)
class StatusReportAdmin(ReportOfRecordAdmin):
    list_display = ["plan", "number", "period_start", "period_end", "meeting", "frozen_at", "pdf_sha256"]
    list_filter = ["plan"]
    exclude = ["pdf"]
    inlines = [StatusReportAssessmentInline]
