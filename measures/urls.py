from django.urls import path

from . import views

app_name = "measures"

urlpatterns = [
    path("", views.measure_list, name="measure_list"),
    path("sok/", views.measure_search, name="measure_search"),
    path("eksport.csv", views.measure_export, {"fmt": "csv"}, name="measure_export_csv"),
    path("eksport.xlsx", views.measure_export, {"fmt": "xlsx"}, name="measure_export_xlsx"),
    path("indikatorer/", views.indicator_list, name="indicator_list"),
    path("indikatorer/ny/", views.indicator_edit, name="indicator_add"),
    path("indikatorer/last-opp/", views.indicator_upload, name="indicator_upload"),
    path("indikatorer/eksempel-indikatorer.csv", views.indicator_example, name="indicator_example"),
    path("indikatorer/<int:pk>/endre/", views.indicator_edit, name="indicator_edit"),
    path("indikatorer/<int:pk>/verdi/", views.indicator_value_add, name="indicator_value_add"),
    path("<int:number>/", views.measure_detail, name="measure_detail"),
    path("<int:number>/status/", views.status_update, name="status_update"),
    path("<int:number>/endre/", views.measure_edit, name="measure_edit"),
    path("<int:number>/statusoppdateringer/", views.measure_updates, name="measure_updates"),
    path("<int:number>/historikk/", views.measure_history, name="measure_history"),
    path("<int:number>/aktiviteter/ny/", views.activity_add, name="activity_add"),
    path("<int:number>/aktiviteter/<int:pk>/utfort/", views.activity_toggle, name="activity_toggle"),
]
