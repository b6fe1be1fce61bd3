"""The pipeline of the ingestion tests: the real stages 1-2, then a recorder instead of stage 3.

Stage 3 (resolution) merges personas across files; pinning the pipeline keeps these tests about what
stages 1-2 write, whatever later stages do, and lets a test see that stage 2 hands over to the next one.
"""

import time

from usdatabiz import pipeline
from usdatabiz.core.handovers import journey_follower

HANDED_OVER: list[str] = []


@journey_follower
def record_handover(subject_id: str, **kwargs) -> str:
    """Stand in for the stage after 2: remember which data source was handed over."""
    HANDED_OVER.append(subject_id)
    return "recorded"


def hold(seconds: float) -> str:
    """Keep a worker busy, so that what its cluster pulls from the queue meanwhile waits in the cluster's memory."""
    time.sleep(seconds)
    return "held"


PIPELINE: dict[int, list[str]] = {
    0: list(pipeline.PIPELINE[0]),
    1: list(pipeline.PIPELINE[1]),
    2: ["ingestion.tests.stage_pipeline.record_handover"],
}

# The recorder runs on the bulk lane, like stage 3 would (a real cluster needs a lane for every task).
LANES: dict[str, str] = {**pipeline.LANES, f"{__name__}.record_handover": "bulk", f"{__name__}.hold": "bulk"}
