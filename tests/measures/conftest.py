import pytest
from django.test import Client


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def steering_client(steering_member):
    return logged_in(steering_member)


@pytest.fixture
def operative_client(operative_member):
    return logged_in(operative_member)


@pytest.fixture
def natteravn(gjesdal):
    return gjesdal.measures.get(number=9)
