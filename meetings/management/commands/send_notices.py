import datetime

from django.core.management.base import BaseCommand, CommandError

from meetings.notices import send_notices


class Command(BaseCommand):
    help = "Send each meeting's notice (innkalling) with its agenda its series' number of days ahead (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Run as if today were this date (YYYY-MM-DD).")
        parser.add_argument("--base-url", default="", help="The portal's address, for links in the e-mails.")

    def handle(self, *args, today, base_url, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError as error:
                raise CommandError("--today must be YYYY-MM-DD") from error
        sent = send_notices(today=today, base_url=base_url.rstrip("/"))
        self.stdout.write(f"Sent the notice of {sent} meetings.")
