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
    path("handlingsplan/logo/", views.plan_logo, name="plan_logo"),
    path("handlingsplan/publiser/", views.plan_publish, name="plan_publish"),
    path("tiltak/plan/", views.plan_edit, name="plan_edit"),
    path("tiltak/plan/<str:kind>/ny/", views.plan_item_edit, name="plan_item_add"),
    path("tiltak/plan/<str:kind>/<int:pk>/", views.plan_item_edit, name="plan_item_edit"),
    path("tiltak/plan/<str:kind>/<int:pk>/slett/", views.plan_item_delete, name="plan_item_delete"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
]
