"""Workflows of the participants app that span models."""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Person, SsoIdentity

logger = logging.getLogger(__name__)


@transaction.atomic
def sso_identity_link(*, issuer, subject, email):
    """Link an account at the provider to the login the coordinator invited by e-mail; None if not invited.

    An invitation is the person's e-mail address on a Person (with or without a login yet) or on an
    active login. It links one account only: an address shared by two logins, a login already
    linked or a superuser (the break-glass account, which logs in with its password) is refused.
    A person invited without a login gets one, with no password and no role.
    """
    if not email:
        return None
    User = get_user_model()
    people = list(Person.objects.select_for_update(of=("self",)).filter(email__iexact=email).select_related("user"))
    users = {person.user for person in people if person.user is not None and person.user.is_active}
    users |= set(User.objects.filter(email__iexact=email, is_active=True))
    if len(users) > 1:
        logger.warning("Single sign-on: the invited e-mail address belongs to %s logins; none is linked", len(users))
        return None
    if users:
        user = users.pop()
    elif len(people) == 1:
        person = people[0]
        user = User(username=_free_username(email), email=email, first_name=person.name[:150])
        user.set_unusable_password()
        user.save()
        person.user = user
        person.save(update_fields=["user"])
    else:
        return None
    if user.is_superuser or SsoIdentity.objects.filter(user=user).exists():
        logger.warning("Single sign-on: user %s is a superuser or already linked to another account", user.pk)
        return None
    SsoIdentity.objects.create(user=user, issuer=issuer, subject=subject)
    return user


def _free_username(email):
    User = get_user_model()
    base = email.lower()[:140]
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username
