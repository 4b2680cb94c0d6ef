from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionPlan,
    AnnualReport,
    AnnualReportAssessment,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    Link,
    Measure,
    PlanVersion,
    StatusUpdate,
)


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "municipality", "period_start", "period_end", "adopted_on", "published"]
    list_filter = ["municipality", "published"]
    search_fields = ["title", "municipality"]
    inlines = [GoalInline, FocusAreaInline]


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["text", "plan", "order"]
    list_filter = ["plan"]
    search_fields = ["text"]


@admin.register(FocusArea)
class FocusAreaAdmin(SimpleHistoryAdmin):
    list_display = ["text", "plan", "order"]
    list_filter = ["plan"]
    search_fields = ["text"]


class ReadOnlyTimeline:
    """Status updates are written only through measures.services.status_update_create, which checks
    who may update the measure, records the real author and moves the measure's status with them;
    the admin shows them and cannot add, forge (author, date) or remove them."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class StatusUpdateInline(ReadOnlyTimeline, admin.TabularInline):
    model = StatusUpdate
    extra = 0
    fields = ["date", "status", "note", "author"]


@admin.register(Measure)
class MeasureAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "responsible_text", "status", "plan"]
    list_display_links = ["number", "title"]
    list_filter = ["plan", "status", "responsible_bodies", "responsible_organizations", "focus_areas"]
    search_fields = ["title", "subtitle", "description", "responsible_text"]
    filter_horizontal = ["responsible_bodies", "responsible_organizations", "focus_areas"]
    autocomplete_fields = ["contact"]
    list_select_related = ["plan"]
    inlines = [StatusUpdateInline]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ReadOnlyTimeline, SimpleHistoryAdmin):
    list_display = ["measure", "date", "status", "author"]
    list_filter = ["status", "measure__plan"]
    search_fields = ["note", "measure__title"]
    date_hierarchy = "date"
    list_select_related = ["measure", "author"]
    autocomplete_fields = ["measure", "author"]


@admin.register(Link)
class LinkAdmin(SimpleHistoryAdmin):
    list_display = ["title", "url", "section", "measure", "plan", "order"]
    list_filter = ["plan", "section"]
    search_fields = ["title", "url"]
    list_select_related = ["measure", "plan"]


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin):
    """Adopted versions are read here and never changed: no add, change or delete."""

    list_display = ["plan", "number", "adopted_on", "adopted_by", "case_reference", "created_at"]
    list_filter = ["plan"]
    exclude = ["pdf", "html"]
    readonly_fields = ["plan", "number", "adopted_on", "adopted_by", "case_reference", "plan_file", "pdf_sha256"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyReport:
    """Reports of record are written in the portal and, once frozen, documents of record: the admin only
    shows them (the archived bytes stay out of the page), and adds, changes or deletes nothing."""

    exclude = ["pdf", "docx"]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields if field.name not in self.exclude]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReportOfRecordAdmin(ReadOnlyReport, admin.ModelAdmin):
    pass


class AnnualReportAssessmentInline(ReadOnlyReport, admin.TabularInline):
    model = AnnualReportAssessment
    exclude = []
    extra = 0


@admin.register(AnnualReport)
class AnnualReportAdmin(ReportOfRecordAdmin):
    list_display = ["plan", "year", "frozen_at", "frozen_by", "pdf_sha256", "docx_sha256"]
    list_filter = ["plan"]
    inlines = [AnnualReportAssessmentInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "plan", "unit", "source", "good_direction"]
    list_filter = ["plan", "source"]
    search_fields = ["name"]
    filter_horizontal = ["goals", "measures"]
    inlines = [IndicatorValueInline]
