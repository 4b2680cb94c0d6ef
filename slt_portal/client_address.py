"""The client's address as the login lockout sees it, behind a known number of proxies."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The address of whoever connected to the outermost trusted proxy.

    Each trusted proxy appends the address it received the request from to `X-Forwarded-For`
    (nginx: `proxy_add_x_forwarded_for`), so with N proxies the client is the N-th entry from the
    right; anything further left was written by the client and is not trusted. Without proxies,
    or with a header shorter than promised, the socket address is all there is.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
