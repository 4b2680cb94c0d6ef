from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from participants import roles
from participants.models import Body, Level, Person, Position, SeatTerm
from slt_portal.commands import MunicipalityCommand

DEFAULT_PASSWORD = "slt-demo-2026"

# username, full name, role (None: logged in, no group)
DEMO_USERS = [
    ("koordinator", "Kari Solberg", roles.COORDINATOR),
    ("styringsgruppe", "Per Haugland", roles.STEERING_GROUP),
    ("arbeidsgruppe", "Ingrid Bø", roles.WORKING_GROUP),
    ("operativ", "Lars Ueland", roles.OPERATIVE_GROUP),
    ("utenforstaende", "Siri Vik", None),
]


def _seats_for(role):
    """The seats a demo user of this role takes: generic, so any municipality's plan works."""
    vacant = Position.objects.exclude(pk__in=SeatTerm.objects.current().values("position"))
    if role == roles.COORDINATOR:
        return list(vacant.filter(title__icontains="SLT-koordinator"))
    bodies = {
        roles.STEERING_GROUP: Body.objects.filter(level=Level.GOVERNING, confidential=False),
        roles.WORKING_GROUP: Body.objects.filter(level=Level.COORDINATING, confidential=False),
        roles.OPERATIVE_GROUP: Body.objects.filter(confidential=True),
    }.get(role)
    if bodies is None:
        return []
    seat = vacant.filter(body__in=bodies[:1]).exclude(title__icontains="SLT-koordinator").first()
    return [seat] if seat else []


class Command(MunicipalityCommand):
    help = gettext_lazy("Create one demo user per role, each holding a seat in the matching body. Development only.")

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEFAULT_PASSWORD)

    @transaction.atomic
    def handle(self, *args, password, **options):
        if not settings.DEBUG:
            raise CommandError(_("Demo users are for development only: set DJANGO_DEBUG=1."))
        for username, name, role in DEMO_USERS:
            first, last = name.split(" ", 1)
            user, _created = User.objects.update_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "is_staff": role == roles.COORDINATOR},
            )
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)] if role else [])
            person, _created = Person.objects.update_or_create(user=user, defaults={"name": name})
            for seat in _seats_for(role):
                SeatTerm.objects.create(position=seat, person=person)
            held = person.seat_terms.current().select_related("position__body")
            seats = ", ".join(f"{term.position.title} ({term.position.body})" for term in held) or "–"
            label = roles.ROLE_LABELS[role] if role else _("no role")
            self.stdout.write(f"{username:16} {label}: {seats}")
        self.stdout.write(_("Password for all demo users: %(password)s") % {"password": password})
