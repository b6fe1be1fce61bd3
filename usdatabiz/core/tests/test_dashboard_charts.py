"""The journey dashboard's charts (funnel, SLA delays) and the runs and failures behind its rows."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from usdatabiz.core import charts, selectors
from usdatabiz.core.models import StageFailure, StageRun
from usdatabiz.core.templatetags.console import duration_seconds, percent

NOW = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _clock(time_machine):
    time_machine.move_to(NOW, tick=False)


def _run(team, stage, *, days_ago=0, seconds=1.0, count_in=0, count_out=0, status="succeeded", subject="ds_X"):
    started = NOW - timedelta(days=days_ago, hours=1)
    return StageRun.objects.create(
        team=team, stage=stage, subject_type="ingestion.datasource", subject_id=subject, started_at=started,
        finished_at=started + timedelta(seconds=seconds), count_in=count_in, count_out=count_out, status=status,
    )  # fmt: skip


@pytest.fixture
def ledger(team, other_team):
    _run(team, 1, count_in=1, count_out=1)
    _run(team, 2, count_in=1000, count_out=990, seconds=30)
    _run(team, 2, days_ago=1, count_in=3000, count_out=3000, seconds=200)  # SLA 3 min for 3,000: over
    _run(team, 7, count_in=2000, count_out=1990, seconds=30)
    _run(team, 7, days_ago=20, count_in=5000)  # outside the default range
    _run(other_team, 2, count_in=77777, subject="ds_RIVAL")
    StageFailure.objects.create(team=team, stage=2, code="INVALID_PHONE", subject_id="ds_X", detail="555-12")
    StageFailure.objects.create(team=other_team, stage=2, code="INVALID_PHONE", subject_id="ds_RIVAL", detail="rival")


def test_the_funnel_counts_the_records_into_each_stage_over_the_days_asked(team, ledger):
    rows = selectors.journey_funnel(team=team, since=NOW.date() - timedelta(days=6), until=NOW.date())
    week = {row["stage"].number: row for row in rows}
    month = selectors.journey_funnel(team=team, since=NOW.date() - timedelta(days=30), until=NOW.date())

    assert (week[1]["records_in"], week[2]["records_in"], week[2]["records_out"], week[2]["runs"]) == (1, 4000, 3990, 2)
    assert week[7]["records_in"] == 2000
    assert week[3]["records_in"] == 0
    assert {row["stage"].number: row["records_in"] for row in month}[7] == 7000


def test_sla_delays_scale_with_records_and_mark_the_runs_over(team, ledger):
    delays = selectors.sla_delays(team=team, since=NOW.date() - timedelta(days=6), until=NOW.date())

    yesterday = delays["cells"][(2, NOW.date() - timedelta(days=1))]
    today = delays["cells"][(2, NOW.date())]
    assert (yesterday["runs"], yesterday["over"], round(yesterday["worst"], 3)) == (1, 1, round(200 / 180, 3))
    assert (today["runs"], today["over"], today["worst"]) == (1, 0, 0.5)
    assert delays["cells"][(7, NOW.date())]["worst"] == 0.5
    assert 4 not in [s.number for s in delays["stages"]]  # stage 4 has no SLA


def test_the_dashboard_draws_both_charts_with_the_numbers_of_its_tables(operator_client, ledger):
    page = operator_client.get(reverse("core:dashboard")).content.decode()

    assert 'data-testid="funnel-chart"' in page
    assert "Stage 2 Raw data normalization: 4,000 records in, 3,990 out, 2 runs</title>" in page
    assert 'data-testid="funnel-in-2">4000<' in page
    assert 'data-testid="sla-chart"' in page
    assert "2 runs" not in page.split('data-testid="sla-chart"')[1].split("</svg>")[0]
    assert "1 runs, 1 over SLA, slowest 200.0 s (111% of its SLA)" in page
    assert "77777" not in page
    assert f"{reverse('core:failure-list')}?stage=2" in page
    assert f"{reverse('core:run-list')}?stage=2" in page


def test_a_bad_date_range_is_named_and_the_last_7_days_are_shown(operator_client, ledger):
    page = operator_client.get(reverse("core:dashboard"), {"since": "2026-12-09", "until": "2026-12-01"})
    assert "The range starts after it ends." in page.content.decode()
    assert page.context["since"] == NOW.date() - timedelta(days=6)


def test_the_runs_page_lists_a_stages_runs_of_the_team_only(operator_client, ledger):
    response = operator_client.get(reverse("core:run-list"), {"stage": "2"})
    runs = list(response.context["page_obj"])
    assert {r.count_in for r in runs} == {1000, 3000}
    over = list(operator_client.get(reverse("core:run-list"), {"stage": "2", "sla": "over"}).context["page_obj"])
    assert [r.count_in for r in over] == [3000]
    assert "ds_RIVAL" not in response.content.decode()


def test_the_failures_page_lists_a_stages_failures_of_the_team_only(operator_client, ledger):
    page = operator_client.get(reverse("core:failure-list"), {"stage": "2", "code": "INVALID_PHONE"}).content.decode()
    assert "555-12" in page
    assert "rival" not in page


def test_charts_scale_and_label_every_mark():
    bars = charts.bar_chart([("one", 10, "ten"), ("two", 5, "five"), ("none", 0, "zero")], caption="c")
    assert [b.width for b in bars.bars] == [bars.bars[0].width, bars.bars[0].width / 2, 0.0]
    line = charts.line_chart([("sent", [0, 4, 10])], ["a", "b", "c"], caption="c")
    assert [p.title for p in line.lines[0].points] == ["sent on a: 0", "sent on b: 4", "sent on c: 10"]
    assert line.lines[0].points[0].y == line.plot_bottom
    grid = charts.grid_chart(["s"], ["d1", "d2"], {(0, 1): (1.2, "120%", "over")}, caption="c")
    assert [(c.text, c.fill) for c in grid.cells] == [("120%", "#fca5a5")]


@pytest.mark.parametrize(("value", "text"), [(45, "45 s"), (600, "10 min"), (3600 * 3 + 300, "3 h 5 min"),
                                             (86400 * 2 + 3600, "2 d 1 h"), (None, "—")])  # fmt: skip
def test_durations_read_like_a_person_says_them(value, text):
    assert duration_seconds(value) == text


def test_rates_show_as_percentages():
    assert (percent(0.25), percent(1 / 3), percent(None)) == ("25%", "33.3%", "—")
