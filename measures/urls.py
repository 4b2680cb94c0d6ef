from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("", views.measure_list, name="measure_list"),
    path("eksport.csv", views.measure_export, {"fmt": "csv"}, name="measure_export_csv"),
    path("eksport.xlsx", views.measure_export, {"fmt": "xlsx"}, name="measure_export_xlsx"),
    path("plan/", views.plan_edit, name="plan_edit"),
    path("plan/<str:kind>/ny/", views.plan_item_edit, name="plan_item_add"),
    path("plan/<str:kind>/<int:pk>/", views.plan_item_edit, name="plan_item_edit"),
    path("plan/<str:kind>/<int:pk>/slett/", views.plan_item_delete, name="plan_item_delete"),
    path("<int:number>/", views.measure_detail, name="measure_detail"),
    path("<int:number>/status/", views.status_update, name="status_update"),
    path("<int:number>/endre/", views.measure_edit, name="measure_edit"),
]
