from django.urls import path

from . import access_log, views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("arshjul/", views.year_view, name="year_view"),
    path("serie/<int:pk>/opprett/", views.series_create_year, name="series_create_year"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/endre/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/referat/", views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/referat/godkjenn/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/referat/gjenapne/", views.minutes_reopen, name="minutes_reopen"),
    path("<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/saksliste/ny/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/saksliste/tiltak/", views.agenda_measure_add, name="agenda_measure_add"),
    path("<int:pk>/saksliste/<int:item_pk>/slett/", views.agenda_item_delete, name="agenda_item_delete"),
    path("<int:pk>/saksliste/<int:item_pk>/flytt/", views.agenda_item_move, name="agenda_item_move"),
    path("<int:pk>/oppmote/", views.attendance_save, name="attendance_save"),
    path("<int:pk>/oppfolging/ny/", views.action_item_add, name="action_item_add"),
    path("oppfolging/<int:item_pk>/endre/", views.action_item_edit, name="action_item_edit"),
    path("oppfolging/<int:item_pk>/utfort/", views.action_item_toggle, name="action_item_toggle"),
    path("tiltak/<int:pk>/oppfolging/", views.measure_action_items, name="measure_action_items"),
    path("tilgangslogg/", access_log.minutes_access_log, name="minutes_access_log"),
    path("kalender/", views.calendar_settings, name="calendar_settings"),
    path("kalender/ny-adresse/", views.calendar_token_new, name="calendar_token_new"),
    path("kalender/slett-adresse/", views.calendar_token_revoke, name="calendar_token_revoke"),
    path("kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
