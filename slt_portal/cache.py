"""Django's database cache, writing an entry with one upsert.

Django's DatabaseCache.set counts the table, then selects and inserts inside a transaction:
five round trips for every plan PDF it stores. Here one INSERT ... ON CONFLICT writes the
entry, and expired entries are deleted as it is written (in the same statement on PostgreSQL);
entries only live until they expire (a month for a plan PDF), so the table stays small without
counting it. Databases without upserts use Django's own code.
"""

import base64
import datetime
import pickle

from django.core.cache.backends import db
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.db import connections, router
from django.utils import timezone

UPSERT = (
    "INSERT INTO {table} (cache_key, value, expires) VALUES (%s, %s, %s) "
    "ON CONFLICT (cache_key) DO UPDATE SET value = excluded.value, expires = excluded.expires"
)
DELETE_EXPIRED = "DELETE FROM {table} WHERE expires < %s AND cache_key <> %s"


class DatabaseCache(db.DatabaseCache):
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        connection = connections[router.db_for_write(self.cache_model_class)]
        if connection.vendor not in ("postgresql", "sqlite"):
            return super().set(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            expires = datetime.datetime.max.replace(tzinfo=datetime.UTC)
        else:
            expires = datetime.datetime.fromtimestamp(timeout, tz=datetime.UTC)
        expires = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        table = connection.ops.quote_name(self._table)
        delete, upsert = DELETE_EXPIRED.format(table=table), UPSERT.format(table=table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # a data-modifying WITH: one statement
                cursor.execute(f"WITH expired AS ({delete}) {upsert}", [now, key, key, encoded, expires])
            else:
                cursor.execute(delete, [now, key])
                cursor.execute(upsert, [key, encoded, expires])
