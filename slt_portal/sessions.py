"""Session store: Django's database sessions, refreshed with one UPDATE per request.

Sessions are saved on every request (the age counts from the last one). Django's database
store wraps that save in a transaction, which costs BEGIN and COMMIT around a single UPDATE;
a single statement is atomic by itself, so here it runs alone. Creating a session is unchanged.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, router


class SessionStore(db.SessionStore):
    def save(self, must_create=False):
        if self.session_key is None or must_create:
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        try:
            obj.save(force_update=True, using=router.db_for_write(self.model, instance=obj))
        except DatabaseError as error:
            raise UpdateError from error
