import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slt_portal.settings")

application = get_wsgi_application()

# Warm the PDF renderer while the worker starts, not on a user's first download.
from slt_portal.pdf import warm_up  # noqa: E402

warm_up()
