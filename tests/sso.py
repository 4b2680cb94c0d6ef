"""Single sign-on in the tests: real OpenID Connect providers on 127.0.0.1, and the portal set up for them.

- `RealProvider`: django-oauth-toolkit with OpenID Connect in a process of its own (tests/oidc_provider),
  started once per test session and only when a test asks for it.
- `TokenSigner`: a tiny provider in a thread whose token endpoint hands out the ID token a test mints
  (wrong issuer, audience, signature, nonce or expiry), signed with jwcrypto.
"""

import copy
import importlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import clear_url_caches
from jwcrypto import jwk, jwt

from participants.sso_settings import provider_settings
from tests.oidc_provider import people

ROOT = Path(__file__).resolve().parent.parent
CLIENT_ID = people.CLIENT_ID


def configure_sso(settings, env):
    """The portal's settings as settings.py makes them from these environment variables."""
    env = {"OIDC_RP_CLIENT_ID": CLIENT_ID, **env}
    for name, value in provider_settings(env).items():
        setattr(settings, name, value)
    settings.SSO_ENABLED = True
    settings.PASSWORD_LOGIN = env.get("PASSWORD_LOGIN", "on") == "on"
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend"
        if settings.PASSWORD_LOGIN
        else "participants.sso.BreakGlassPasswordBackend",
        "participants.sso.SsoBackend",
    ]
    if settings.SSO_PROVIDER_ORIGIN:
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        policy["DIRECTIVES"]["form-action"].append(settings.SSO_PROVIDER_ORIGIN)
        settings.CONTENT_SECURITY_POLICY = policy
    reload_urls()


def reload_urls():
    """The root URLconf read again, as a process started with the current settings would."""
    import slt_portal.urls

    importlib.reload(slt_portal.urls)
    clear_url_caches()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_login(client, next_url=None):
    """Click "Logg inn med kommunens konto": the provider's authorize URL the portal sends the browser to."""
    response = client.get("/konto/sso/login/", {"next": next_url} if next_url else {})
    assert response.status_code == 302, response.content
    return response["Location"]


def query_of(url):
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


class TokenSigner:
    """A tiny OpenID Connect provider: JWKS and a token endpoint that answers with `self.id_token`."""

    def __init__(self):
        self.key = jwk.JWK.generate(kty="RSA", size=2048, kid="signer-1")
        self.id_token = None
        self.token_requests = []
        signer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                public = {**self.server.signer.key.export_public(as_dict=True), "alg": "RS256", "use": "sig"}
                self._answer({"keys": [public]})

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                signer.token_requests.append(query_of("?" + body))
                self._answer({"id_token": signer.id_token, "access_token": "tiny-access", "token_type": "Bearer"})

            def _answer(self, data):
                payload = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.signer = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def env(self):
        return {
            "OIDC_OP_ISSUER": self.url,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/token",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/jwks",
            "OIDC_RP_CLIENT_SECRET": "tiny-secret",
        }

    def claims(self, nonce, **overrides):
        now = int(time.time())
        claims = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "sub": "sub-kari",
            "oid": "7d1c1d63-0000-4000-8000-kari",
            "email": "kari.nordmann@gjesdal.kommune.no",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
        }
        claims.update(overrides)
        return {name: value for name, value in claims.items() if value is not None}

    def mint(self, claims, key=None):
        token = jwt.JWT(header={"alg": "RS256", "kid": "signer-1"}, claims=claims)
        token.make_signed_token(key or self.key)
        self.id_token = token.serialize()
        return self.id_token

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class RealProvider:
    """django-oauth-toolkit's OpenID Connect provider, run by its own Django process on 127.0.0.1."""

    def __init__(self, folder):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        environment = {
            **{name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "OIDC_"))},
            "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
            "PYTHONPATH": str(ROOT),
            "PROVIDER_PORT": str(self.port),
            "PROVIDER_DB": str(Path(folder) / "provider.sqlite3"),
            "PROVIDER_RSA_KEY": pem.decode(),
            "PYTHONWARNINGS": "ignore",
        }
        subprocess.run([sys.executable, "-m", "tests.oidc_provider.setup"], env=environment, cwd=ROOT, check=True)
        self.log = open(Path(folder) / "provider.log", "wb")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"],
            env=environment,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                with requests.get(f"{self.url}/o/.well-known/openid-configuration", timeout=1) as answer:
                    if answer.ok:
                        break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError(f"the test provider did not start; see {self.log.name}")
            time.sleep(0.1)

    @property
    def env(self):
        base = f"{self.url}/o"
        return {
            "OIDC_OP_ISSUER": base,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{base}/authorize/",
            "OIDC_OP_TOKEN_ENDPOINT": f"{base}/token/",
            "OIDC_OP_JWKS_ENDPOINT": f"{base}/.well-known/jwks.json",
            "OIDC_OP_USER_ENDPOINT": f"{base}/userinfo/",
            "OIDC_OP_LOGOUT_ENDPOINT": f"{base}/logout/",
            "OIDC_RP_CLIENT_SECRET": people.CLIENT_SECRET,
        }

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


class _Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


class ProviderBrowser:
    """A person at the provider, as plain HTTP: logs in there and is sent back with a code."""

    def __init__(self):
        self.session = requests.Session()

    def authorize(self, authorize_url, username=None):
        """Follow the provider until it sends the browser back to the portal: that URL; None at a login form."""
        url = authorize_url
        for _hop in range(10):
            answer = self.session.get(url, allow_redirects=False, timeout=10)
            if answer.status_code == 200 and not username:
                return None
            if answer.status_code == 200:
                form = _Form()
                form.feed(answer.text)
                data = {**form.fields, "username": username, "password": people.PASSWORD}
                answer = self.session.post(answer.url, data=data, allow_redirects=False, timeout=10)
            assert answer.status_code == 302, (answer.status_code, answer.text[:500])
            url = urljoin(url, answer.headers["Location"])
            if not url.startswith(authorize_url.split("/o/")[0]):
                return url
        raise AssertionError("the provider kept redirecting")

    def close(self):
        self.session.close()
