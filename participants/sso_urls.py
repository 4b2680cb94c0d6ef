"""Single sign-on's URLs, included by the root URLconf only when single sign-on is configured."""

from django.urls import path

from . import sso_views

urlpatterns = [
    path("login/", sso_views.SsoLoginView.as_view(), name="sso_login"),
    path("callback/", sso_views.SsoCallbackView.as_view(), name="sso_callback"),
]
