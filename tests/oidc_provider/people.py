"""The provider's accounts and the portal's client, shared by the provider and the tests."""

PASSWORD = "provider-password-123"
CLIENT_ID = "slt-portalen"
CLIENT_SECRET = "client-secret-for-tests"
# 15830800120 is a synthetic national identity number (Skatteetaten's Tenor): valid check digits.
PEOPLE = {
    "kari": {"email": "Kari.Nordmann@gjesdal.kommune.no", "first_name": "Kari", "pid": "15830800120"},
    "nils": {"email": "nils.hansen@gjesdal.kommune.no", "first_name": "Nils"},
    "ola": {"email": "ola.uinvitert@gjesdal.kommune.no", "first_name": "Ola"},
}
REDIRECT_URIS = " ".join(f"http://{host}/konto/sso/callback/" for host in ("testserver", "localhost", "127.0.0.1"))
POST_LOGOUT_REDIRECT_URIS = " ".join(f"http://{host}/konto/login/" for host in ("testserver", "localhost", "127.0.0.1"))
