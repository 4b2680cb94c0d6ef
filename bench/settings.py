"""The product's settings, with the benchmark's URLconf: the product itself knows nothing of the bench."""

from slt_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
