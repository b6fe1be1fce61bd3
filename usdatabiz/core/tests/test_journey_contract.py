"""The journey's contract: every stage tells the journey it finished from its service, and a follower wired
after a stage that never does is flagged at start-up (``core.E005``)."""

from django.core import checks

from usdatabiz.core.checks import _source_files, advancing_stages, journey_contract_problems
from usdatabiz.core.journey import STAGES, _pipeline


def test_every_stage_of_the_journey_advances_somewhere_in_the_project():
    found = advancing_stages(_source_files())
    assert sorted(found) == [0, *(stage.number for stage in STAGES)]
    # the four that never did: skip trace, SMS out, copilot, closeout
    assert found[5] == ["leads/enrichment.py:" + found[5][0].split(":")[1]]
    assert [where.split(":")[0] for where in found[7]] == ["messaging/services.py"]
    assert [where.split(":")[0] for where in found[11]] == ["services/drafts.py"]
    assert [where.split(":")[0] for where in found[12]] == ["services/closeout.py"]


def test_the_project_wiring_passes_the_check():
    assert journey_contract_problems(_pipeline(), advancing_stages(_source_files())) == []
    assert [e for e in checks.run_checks() if e.id == "core.E005"] == []


def test_a_follower_wired_after_a_stage_that_never_advances_is_an_error(tmp_path):
    # given a service that advances stage 11 through a constant, and one that finishes stage 12 silently
    (tmp_path / "drafts.py").write_text(
        "from usdatabiz.core import journey\nSTAGE = 11\n\n"
        "def draft(item):\n    journey.advance(stage=STAGE, subject_id=item.pk)\n"
    )
    (tmp_path / "closeout.py").write_text("def close(item):\n    item.save()  # forgets to tell the journey\n")
    advancing = advancing_stages(sorted(tmp_path.glob("*.py")))
    assert list(advancing) == [11]

    # when a follower is wired after each
    pipeline = {11: ["inbox.tasks.inbox_item_draft_task"], 12: ["inbox.tasks.inbox_item_classify_task"]}
    problems = journey_contract_problems(pipeline, advancing)

    # then only the follower of stage 12 is flagged, saying why and what to do
    assert [(p.id, p.level) for p in problems] == [("core.E005", checks.ERROR)]
    assert "after stage 12" in problems[0].msg
    assert "no service ever calls journey.advance(stage=12)" in problems[0].msg
    assert "inbox.tasks.inbox_item_classify_task" in problems[0].msg


def test_the_check_reads_the_configured_pipeline(settings):
    # given a pipeline module wiring a follower after stage 13, which no service advances
    settings.PIPELINE_MODULE = "usdatabiz.core.tests.broken_pipeline"
    flagged = [e for e in checks.run_checks() if e.id == "core.E005"]
    assert len(flagged) == 1
    assert "after stage 13" in flagged[0].msg
