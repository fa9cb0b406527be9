"""Knowing a guest again without keeping their address: a keyed hash of it."""

import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest

# An IPv6 household or phone gets a whole /64, and changes the rest at will.
IPV6_PREFIX = 64


def client_address(request: HttpRequest) -> str:
    raw = request.META.get("REMOTE_ADDR", "") or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)


def address_hash(request: HttpRequest, purpose: str) -> str:
    """The same for one address and purpose; useless to anyone without SECRET_KEY."""
    message = f"{purpose}:{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
