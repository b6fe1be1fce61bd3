"""``manage.py ingest PATH --team SLUG [--json]``: runs stages 1-2 in-process and reports the outcome."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from identity.models import Business, Persona, PersonaPhone
from ingestion.models import DataSource

from .factories import GOOD_ROWS, HEADER, csv_bytes, row_with

SUMMARY_KEYS = {"data_source", "status", "record_count", "error_code", "failures", "businesses", "personas", "phones"}


def _write(tmp_path, content: bytes, name: str = "list.csv") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def _run(*args, **options) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out, **options)
    return out.getvalue()


def test_json_output_is_one_object_with_the_outcome(tmp_path, team):
    # given a file with three rows, one with a bad phone
    path = _write(tmp_path, csv_bytes([GOOD_ROWS[0], row_with(1, Phone="12"), GOOD_ROWS[2]]))

    # when it is ingested with --json
    output = _run(path, team="acme", json=True)

    # then stdout is exactly one JSON object with the counts
    summary = json.loads(output)
    assert SUMMARY_KEYS <= set(summary)
    data_source = DataSource.objects.get()
    assert summary["data_source"] == data_source.pk
    assert (summary["status"], summary["record_count"], summary["error_code"]) == ("completed", 3, None)
    assert summary["failures"] == {"INVALID_PHONE": 1}
    assert (summary["businesses"], summary["personas"], summary["phones"]) == (3, 3, 2)
    assert summary["businesses"] == Business.objects.filter(source_file=data_source.source_file).count()
    assert summary["phones"] == PersonaPhone.objects.filter(source_file=data_source.source_file).count()
    assert output.count("\n") == 1
    # and the data source belongs to the team, with the original kept
    assert data_source.team == team
    assert data_source.original_name == "list.csv"
    assert data_source.file.name.startswith("unified-graph/raw/")


def test_text_output_summarizes_the_outcome(tmp_path, team):
    path = _write(tmp_path, csv_bytes([GOOD_ROWS[0], row_with(1, Phone="12")]))

    output = _run(path, team="acme")

    data_source = DataSource.objects.get()
    assert output.splitlines() == [
        f"{data_source.pk} completed: 2 rows, 2 businesses, 2 personas, 1 phones",
        "  INVALID_PHONE: 1",
    ]


def test_a_failed_file_prints_the_outcome_and_exits_non_zero(tmp_path, team):
    # given a file without required columns
    path = _write(tmp_path, csv_bytes(header=HEADER[:3]))

    # when it is ingested with --json
    out = StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("ingest", path, team="acme", json=True, stdout=out)

    # then the exit code is non-zero and the JSON says why
    assert caught.value.code == 1
    summary = json.loads(out.getvalue())
    assert (summary["status"], summary["error_code"], summary["record_count"]) == ("failed", "MISSING_COLUMNS", 0)
    assert summary["failures"] == {"MISSING_COLUMNS": 1}
    assert (summary["businesses"], summary["personas"], summary["phones"]) == (0, 0, 0)
    assert DataSource.objects.get().status == DataSource.Status.FAILED


def test_a_refused_upload_prints_json_and_fails(tmp_path, team):
    # given a team over its quota
    team.storage_quota_bytes = 10
    team.save()
    path = _write(tmp_path, csv_bytes())

    # when the file is ingested
    out = StringIO()
    with pytest.raises(CommandError, match="^QUOTA_EXCEEDED: Storage quota exceeded"):
        call_command("ingest", path, team="acme", json=True, stdout=out)

    # then the JSON names the refusal and nothing was created
    summary = json.loads(out.getvalue())
    assert SUMMARY_KEYS <= set(summary)
    assert (summary["data_source"], summary["status"], summary["error_code"]) == (None, "failed", "QUOTA_EXCEEDED")
    assert DataSource.objects.count() == 0


def test_running_the_same_file_twice_makes_two_data_sources_with_linked_businesses(tmp_path, team):
    path = _write(tmp_path, csv_bytes())

    first = json.loads(_run(path, team="acme", json=True))
    second = json.loads(_run(path, team="acme", json=True))

    assert first["data_source"] != second["data_source"]
    assert (second["status"], second["businesses"], second["personas"]) == ("completed", 0, 3)
    assert second["failures"] == {"DUPLICATE_BUSINESS": 3}
    assert Business.objects.filter(team=team).count() == 3
    assert Persona.objects.filter(team=team).count() == 6


def test_unknown_team_is_an_error(tmp_path, team):
    path = _write(tmp_path, csv_bytes())

    with pytest.raises(CommandError, match="No team with slug 'nope'"):
        _run(path, team="nope")

    assert DataSource.objects.count() == 0


def test_missing_path_is_an_error(tmp_path, team):
    with pytest.raises(CommandError, match="No such file"):
        _run(str(tmp_path / "absent.csv"), team="acme")

    assert DataSource.objects.count() == 0
