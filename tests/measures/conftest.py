import pytest


@pytest.fixture
def natteravn(gjesdal):
    return gjesdal.measures.get(number=9)
