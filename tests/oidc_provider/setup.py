"""Make the provider's database: tables, the accounts and the portal's client. Run before serving."""

import django
from django.core.management import call_command

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

from .people import CLIENT_ID, CLIENT_SECRET, PASSWORD, PEOPLE, POST_LOGOUT_REDIRECT_URIS, REDIRECT_URIS  # noqa: E402

call_command("migrate", verbosity=0)
for username, person in PEOPLE.items():
    User.objects.create_user(username, person["email"], PASSWORD, first_name=person["first_name"])
Application.objects.create(
    name="SLT-portalen",
    client_id=CLIENT_ID,
    client_secret=CLIENT_SECRET,
    client_type=Application.CLIENT_CONFIDENTIAL,
    authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
    algorithm=Application.RS256_ALGORITHM,
    redirect_uris=REDIRECT_URIS,
    post_logout_redirect_uris=POST_LOGOUT_REDIRECT_URIS,
    skip_authorization=True,
)
