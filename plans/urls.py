from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("mine-oppgaver/", views.my_tasks, name="my_tasks"),
    path("plan/", views.public_plan, name="public_plan"),
    path("plan/<str:period>/", views.public_plan, name="public_plan"),
    path("plan/<str:period>/pdf/", views.public_plan_pdf, name="public_plan_pdf"),
    path("handlingsplan/", views.plan_documents, name="plan_documents"),
    path("handlingsplan/pdf/", views.plan_pdf, name="plan_pdf"),
    path("handlingsplan/utkast/pdf/", views.plan_draft_pdf, name="plan_draft_pdf"),
    path("handlingsplan/versjon/<int:number>/pdf/", views.plan_version_pdf, name="plan_version_pdf"),
    path("handlingsplan/vedtak/", views.plan_adopt, name="plan_adopt"),
    path("handlingsplan/ny-periode/", views.plan_rollover, name="plan_rollover"),
    path("handlingsplan/endringer/", views.plan_changes, name="plan_changes"),
    path("handlingsplan/statusrapport/", views.status_report, name="status_report"),
    path("handlingsplan/statusrapporter/ny/", views.status_report_new, name="status_report_new"),
    path("handlingsplan/statusrapporter/utkast/<int:pk>/", views.status_report_edit, name="status_report_edit"),
    path(
        "handlingsplan/statusrapporter/utkast/<int:pk>/forhandsvis/",
        views.status_report_preview,
        name="status_report_preview",
    ),
    path(
        "handlingsplan/statusrapporter/utkast/<int:pk>/frys/", views.status_report_freeze, name="status_report_freeze"
    ),
    path(
        "handlingsplan/statusrapporter/utkast/<int:pk>/slett/",
        views.status_report_discard,
        name="status_report_discard",
    ),
    path(
        "handlingsplan/statusrapporter/<int:number>/pdf/",
        views.status_report_record_pdf,
        name="status_report_record_pdf",
    ),
    path("handlingsplan/arsrapport/ny/", views.annual_report_new, name="annual_report_new"),
    path("handlingsplan/arsrapport/<int:year>/", views.annual_report_edit, name="annual_report_edit"),
    path("handlingsplan/arsrapport/<int:year>/forhandsvis/", views.annual_report_preview, name="annual_report_preview"),
    path("handlingsplan/arsrapport/<int:year>/frys/", views.annual_report_freeze, name="annual_report_freeze"),
    path("handlingsplan/arsrapport/<int:year>/pdf/", views.annual_report_pdf, name="annual_report_pdf"),
    path("handlingsplan/arsrapport/<int:year>/word/", views.annual_report_docx, name="annual_report_docx"),
    path("handlingsplan/logo/", views.plan_logo, name="plan_logo"),
    path("handlingsplan/publiser/", views.plan_publish, name="plan_publish"),
    path("tiltak/plan/", views.plan_edit, name="plan_edit"),
    path("tiltak/plan/<str:kind>/ny/", views.plan_item_edit, name="plan_item_add"),
    path("tiltak/plan/<str:kind>/<int:pk>/", views.plan_item_edit, name="plan_item_edit"),
    path("tiltak/plan/<str:kind>/<int:pk>/slett/", views.plan_item_delete, name="plan_item_delete"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
]
