"""Names in Norwegian alphabetical order: æ, ø, å after z."""

from participants.collation import norwegian_key


def test_ae_oe_and_aa_come_after_z_in_that_order():
    names = ["Åsen skole", "Ørsta", "Zinken", "Ærlig talt", "adelsten", "Bø"]
    assert sorted(names, key=norwegian_key) == ["adelsten", "Bø", "Zinken", "Ærlig talt", "Ørsta", "Åsen skole"]


def test_case_and_accents_do_not_move_a_name():
    assert sorted(["éngen", "Enga", "ekorn"], key=norwegian_key) == ["ekorn", "Enga", "éngen"]
    assert sorted(["Öberg", "Oslo", "Øberg"], key=norwegian_key)[0] == "Oslo"


def test_the_measure_list_offers_organizations_in_norwegian_order(coordinator_client, gjesdal):
    from django.urls import reverse

    from participants.models import Organization

    organization = Organization.objects.filter(measures__plan=gjesdal).first()
    organization.name = "Åpen barnehage"
    organization.save()
    other = Organization.objects.filter(measures__plan=gjesdal).exclude(pk=organization.pk).first()
    other.name = "Ærlig talt"
    other.save()
    page = coordinator_client.get(reverse("measures:measure_list")).content.decode()
    assert page.index("Ærlig talt") < page.index("Åpen barnehage")  # the database puts Å before Æ


NAMES = ["Åse Ås", "Øystein Moe", "Zara Berg", "Ærle Dal", "Aksel Li", "Bodil Bø"]
IN_ORDER = ["Aksel Li", "Bodil Bø", "Zara Berg", "Ærle Dal", "Øystein Moe", "Åse Ås"]


def test_the_database_lists_people_and_organizations_in_norwegian_order(db):
    from participants.models import Organization, Person

    for number, name in enumerate(NAMES):
        Person.objects.create(name=name)
        Organization.objects.create(key=f"org-{number}", name=name)
    assert [p.name for p in Person.objects.filter(name__in=NAMES)] == IN_ORDER
    assert [o.name for o in Organization.objects.filter(name__in=NAMES)] == IN_ORDER


def test_a_form_offers_people_in_norwegian_order(coordinator_client, gjesdal):
    from django.urls import reverse

    from participants.models import Person, Position

    for name in NAMES:
        Person.objects.create(name=name)
    seat = Position.objects.first()
    page = coordinator_client.get(reverse("meetings:seat_term_new", args=[seat.pk])).content.decode()
    positions = [page.index(f">{name}</option>") for name in IN_ORDER]
    assert positions == sorted(positions)
