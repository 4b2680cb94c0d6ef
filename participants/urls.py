"""Login, logout, password change and the profile page; a forgotten password is reset by the coordinator.

Not namespaced: Django's auth views and settings.LOGIN_URL find these by their plain names.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import accounts, views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    # passord/ (the password change) is meetings.account's: it also renews calendar addresses.
    path("profil/", views.profile, name="profile"),
    path("brukere/", accounts.user_list, name="user_list"),
    path("brukere/<int:pk>/passord/", accounts.user_password_reset, name="user_password_reset"),
    path("passord/endret/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
