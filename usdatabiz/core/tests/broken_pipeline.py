"""A pipeline map with mistakes the system check must flag (``settings.PIPELINE_MODULE`` in tests)."""

PIPELINE: dict[int, list[str]] = {
    0: ["usdatabiz.core.tests.recording_pipeline.first_task"],
    1: ["ingestion.tasks.no_such_task"],
    2: ["usdatabiz.core.tests.recording_pipeline.plain_task"],  # does not claim its hand-over
    13: ["usdatabiz.core.tests.recording_pipeline.second_task"],
}

REFUSED_NUMBERS: dict[int, list[str]] = {
    6: ["messaging.selectors.no_such_reader"],
}
