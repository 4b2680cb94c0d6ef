import io

import pytest
from django.core.management import CommandError, call_command

from measures.models import ActionPlan, Link, Measure, PlanVersion, Status
from meetings.models import MeetingSeries
from participants.models import Body, Organization, Position
from tests.conftest import GJESDAL_PLAN

# Vedlegg 1 and the measures table of the adopted plan, as the seed writes them.
RESPONSIBLE_AS_WRITTEN = {
    1: "SLT-arbeidsgruppe",
    2: "Rektorer + SLT-arbeidsgruppe",
    3: "Prosjekt Flerkulturell oppvekst",
    4: "Leder familiesenteret",
    5: "Politisk og administrativ ledelse i samarbeid med politiet",
    6: "SLT-arbeidsgruppe",
    7: "Politikontakt og rektorene",
    8: "SLT-arbeidsgruppe",
    9: "Frivilligsentralen og Gjesdal ungdomsskole",
    10: "Politikontakt SLT-koordinator Ungdomsteam",
    11: "SLT-arbeidsgruppe",
    12: "SLT-arbeidsgruppe",
}
SEATS = {
    "styringsgruppe": [
        "politikontakt",
        "politistasjonssjef",
        "ordfører",
        "varaordfører",
        "utvalgsleder levekår",
        "utvalgsleder kultur og samfunn",
        "kommunedirektør",
        "kommunalsjef oppvekst",
        "kommunalsjef helse og velferd",
        "SLT-koordinator",
    ],
    "arbeidsgruppe": [
        "helsestasjon",
        "barnevern",
        "ungdomshus",
        "familiesenter",
        "ungdomsteam",
        "mestringsenheten",
        "rektorene på ungdomsskolene/evt. miljøterapeut/sosiallærer",
        "politikontakt",
        "SLT-koordinator",
    ],
    "utforende": [],
    "operativ": [
        "politikontakt",
        "barnevernleder",
        "leder familiesenteret",
        "ansatt i ungdomsteamet",
        "rektor på Gjesdal ungdomsskole",
        "SLT-koordinator",
    ],
}


def export(**options):
    out = io.StringIO()
    call_command("export_plan", stdout=out, **options)
    return out.getvalue()


def test_gjesdal_plan_has_every_measure_series_body_and_seat(gjesdal):
    assert gjesdal.measures.count() == 12
    assert gjesdal.meeting_series.count() == 6
    assert gjesdal.goals.count() == 3
    assert gjesdal.focus_areas.count() == 4
    assert [body.key for body in Body.objects.all()] == list(SEATS)
    for key, titles in SEATS.items():
        assert list(Position.objects.filter(body__key=key).values_list("title", flat=True)) == titles
    assert Position.objects.get(body__key="styringsgruppe", is_secretary=True).title == "SLT-koordinator"
    assert Body.objects.get(key="operativ").confidential


def test_gjesdal_responsible_parties_match_the_plan_word_for_word(gjesdal):
    assert dict(gjesdal.measures.values_list("number", "responsible_text")) == RESPONSIBLE_AS_WRITTEN


def test_gjesdal_plan_adoption_and_texts(gjesdal):
    assert gjesdal.adopted_on.strftime("%d.%m.%Y") == "19.02.2026"
    assert gjesdal.adopted_by.key == "styringsgruppe"
    assert gjesdal.published
    assert gjesdal.introduction.startswith("SLT står for Samordning av Lokale rus- og kriminalitetsforebyggende")
    assert "Sekretariatet for konfliktrådene (Sfk)" in gjesdal.national_guidance
    assert "Ungdata er en nasjonal, anonym undersøkelse" in gjesdal.knowledge_base
    measure = gjesdal.measures.get(number=9)
    assert measure.title == "Natteravnordning"
    assert measure.description == "Trygge voksne i nærmiljøet fredager og lørdager i utvalgte perioder på Ålgård."
    frequencies = list(MeetingSeries.objects.values_list("frequency", flat=True))
    assert frequencies == ["3 ganger i året", "3 ganger i året", "Månedlig", "Ukentlig", "Årlig i september", "Årlig"]
    urls = set(Link.objects.values_list("url", flat=True))
    assert "https://konfliktraadet.no/straffereaksjoner/" in urls
    assert "https://gjesdal.bedreinnsats.no/" in urls
    assert len(urls) == 10


def test_importing_the_same_file_twice_changes_nothing(gjesdal):
    history_before = (Measure.history.count(), ActionPlan.history.count(), Position.history.count())
    exported_before = export()
    call_command("import_plan", str(GJESDAL_PLAN), stdout=io.StringIO())
    assert (Measure.history.count(), ActionPlan.history.count(), Position.history.count()) == history_before
    assert export() == exported_before


def test_importing_an_edited_file_updates_what_changed(gjesdal, tmp_path):
    text = GJESDAL_PLAN.read_text(encoding="utf-8")
    # Without its adoption date, the file is the working draft of the adopted plan.
    edited = (
        text.replace('title: "Natteravnordning"', 'title: "Natteravn"')
        .replace('ordfører"', 'ordfører og gruppeleder"')
        .replace("adopted_on: 2026-02-19\n", "adopted_on:\n")
    )
    assert edited != text
    path = tmp_path / "plan.yaml"
    path.write_text(edited, encoding="utf-8")
    untouched = Measure.objects.get(number=1)
    history_of_untouched = untouched.history.count()

    call_command("import_plan", str(path), stdout=io.StringIO())

    assert Measure.objects.get(number=9).title == "Natteravn"
    assert Measure.objects.get(number=9).history.first().title == "Natteravn"
    assert Measure.objects.get(number=1).history.count() == history_of_untouched
    titles = list(Position.objects.filter(body__key="styringsgruppe").values_list("title", flat=True))
    assert "ordfører og gruppeleder" in titles and "ordfører" not in titles
    assert Measure.objects.count() == 12


def test_the_plan_file_carries_the_written_standard(gjesdal, tmp_path):
    assert gjesdal.written_standard == "nb" and "written_standard: nb\n" in export()
    path = tmp_path / "plan.yaml"
    # Without its adoption date, the file is the working draft: an adopted version never changes.
    text = GJESDAL_PLAN.read_text(encoding="utf-8").replace("adopted_on: 2026-02-19\n", "adopted_on:\n")
    path.write_text(text.replace("written_standard: nb", "written_standard: nn"))
    call_command("import_plan", str(path), stdout=io.StringIO())
    gjesdal.refresh_from_db()
    assert gjesdal.written_standard == "nn" and "written_standard: nn\n" in export()


def test_a_plan_file_without_a_written_standard_is_bokmal(db, tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(GJESDAL_PLAN.read_text(encoding="utf-8").replace("written_standard: nb\n", ""))
    call_command("import_plan", str(path), stdout=io.StringIO())
    assert ActionPlan.objects.get().written_standard == "nb"


def test_export_then_import_into_an_empty_database_gives_identical_bytes(gjesdal, tmp_path, django_db_blocker):
    first = export(period="2026-2027")
    path = tmp_path / "export.yaml"
    path.write_text(first, encoding="utf-8")
    PlanVersion.objects.all().delete()  # the portal never deletes a version; an empty database has none
    ActionPlan.objects.all().delete()
    Body.objects.all().delete()
    Organization.objects.all().delete()
    assert Measure.objects.count() == 0

    call_command("import_plan", str(path), stdout=io.StringIO())

    assert export(period="2026-2027") == first
    assert "Natteravnordning" in first


def test_export_of_unknown_period_is_refused(gjesdal):
    with pytest.raises(CommandError, match="Fant ingen handlingsplan"):
        export(period="1999-2000")
    with pytest.raises(CommandError, match="2026-2027"):
        export(period="neste år")


def test_import_of_a_missing_file_is_refused_clearly(db, tmp_path):
    with pytest.raises(CommandError, match="Kan ikke lese"):
        call_command("import_plan", str(tmp_path / "finnes-ikke.yaml"))


def test_the_status_default_and_given_statuses_are_imported(gjesdal):
    statuses = dict(gjesdal.measures.values_list("number", "status"))
    assert set(statuses.values()) <= set(Status.values)
    assert statuses[1] == Status.PLANNED
