from django.urls import path

from . import access_log, views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("arshjul/", views.year_view, name="year_view"),
    path("serie/<int:pk>/opprett/", views.series_create_year, name="series_create_year"),
    path("serie/<int:pk>/endre/", views.series_edit, name="series_edit"),
    path("organisering/", views.organisation, name="organisation"),
    path("organisering/organ/<int:pk>/", views.body_edit, name="body_edit"),
    path("organisering/organ/<int:pk>/nytt-sete/", views.seat_add, name="seat_add"),
    path("organisering/sete/<int:pk>/", views.seat_edit, name="seat_edit"),
    path("organisering/sete/<int:pk>/ny-innehaver/", views.seat_term_new, name="seat_term_new"),
    path("organisering/periode/<int:pk>/", views.seat_term_edit, name="seat_term_edit"),
    path("organisering/person/ny/", views.person_add, name="person_add"),
    path("organisering/person/<int:pk>/", views.person_edit, name="person_edit"),
    path("<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("<int:pk>/endre/", views.meeting_edit, name="meeting_edit"),
    path("<int:pk>/referat/", views.minutes_edit, name="minutes_edit"),
    path("<int:pk>/referat/ny-rad/", views.minutes_new_row, name="minutes_new_row"),
    path("<int:pk>/referat/ny-sak/", views.minutes_new_sak, name="minutes_new_sak"),
    path("<int:pk>/referat/send/", views.minutes_submit, name="minutes_submit"),
    path("<int:pk>/referat/godkjenn/", views.minutes_approve, name="minutes_approve"),
    path("<int:pk>/referat/gjenapne/", views.minutes_reopen, name="minutes_reopen"),
    path("<int:pk>/referat.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/innkalling/send/", views.notice_send_view, name="notice_send"),
    path("<int:pk>/innkalling.pdf", views.notice_pdf_view, name="notice_pdf"),
    path("<int:pk>/saksliste/ny/", views.agenda_item_add, name="agenda_item_add"),
    path("<int:pk>/saksliste/tiltak/", views.agenda_measure_add, name="agenda_measure_add"),
    path("<int:pk>/saksliste/<int:item_pk>/slett/", views.agenda_item_delete, name="agenda_item_delete"),
    path("<int:pk>/saksliste/<int:item_pk>/flytt/", views.agenda_item_move, name="agenda_item_move"),
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
