"""Strings of Django and its admin that Django's own nb and nn catalogues leave untranslated.

Listed here so that `makemessages` keeps them in the portal's catalogues, which take precedence
over Django's through LOCALE_PATHS. Never evaluated: the lazy strings only mark them.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

DJANGO_STRINGS = (
    # django/conf/locale: form and model validation
    _("%(model)s instance with %(field)s %(value)r is not a valid choice."),
    _("Constraint “%(name)s” is violated."),
    _("Ensure this value is a multiple of step size %(limit_value)s."),
    _(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, e.g. "
        "%(offset)s, %(valid_value1)s, %(valid_value2)s, and so on."
    ),
    _("Enter a valid %(protocol)s address."),
    _("Enter a valid domain name."),
    _("IPv4 or IPv6"),
    _("IPv4"),
    _("IPv6"),
    _("String (unlimited)"),
    ngettext_lazy("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", "num"),
    ngettext_lazy("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", "num"),
    # django/contrib/auth: passwords and users
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "min_length",
    ),
    _("Conflicting form data submitted. Please try again."),
    _("Disabled"),
    _("Enabled"),
    _("Enable password-based authentication for this user by setting a password."),
    _(
        "Enter a valid username. This value may contain only unaccented lowercase a-z and uppercase A-Z "
        "letters, numbers, and @/./+/-/_ characters."
    ),
    _("Password-based authentication was disabled."),
    _("Password-based authentication"),
    _("Raw passwords are not stored, so there is no way to see the user’s password."),
    _("Reset password"),
    _("Set password"),
    _("Set password: %s"),
    _(
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still "
        "be able to authenticate using other backends, such as Single Sign-On or LDAP."
    ),
    # django/contrib/admin
    _("Add link"),
    _("Added:"),
    _("After you’ve created a user, you’ll be able to edit more user options."),
    _("Breadcrumbs"),
    _("Change or view list link"),
    _("Changed:"),
    _("Deleted:"),
    _("Disable password-based authentication"),
    _("Enable password-based authentication"),
    _("Error:"),
    _("Filter navigation items"),
    _("Forgotten your login credentials?"),
    _("Hide counts"),
    _("In case you’ve forgotten, you are:"),
    _("Model name"),
    _("Select all objects on this page for an action"),
    _("Select this object for an action - {}"),
    _("Show counts"),
    _("Sidebar"),
    _("Skip to main content"),
    _("Start typing to filter…"),
    _("Thanks for spending some quality time with the web site today."),
    _("This action will <strong>enable</strong> password-based authentication for this user."),
    _("Toggle theme (current theme: auto)"),
    _("Toggle theme (current theme: dark)"),
    _("Toggle theme (current theme: light)"),
    _("View selected %(model)s"),
    _("entry"),
)
