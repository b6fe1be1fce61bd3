"""The pipeline of the stage-4 kill test: the real stage 4 after stage 3, then a recorder instead of stage 5.

Stage 5 (skip trace) is beside the point there; pinning the pipeline keeps the test about what stage 4 makes
and lets it see that stage 4 hands over once. Stages 1-2 have no follower, so the test can load a file first.
"""

import time

from usdatabiz import pipeline
from usdatabiz.core.handovers import journey_follower

HANDED_OVER: list[str] = []


@journey_follower
def record_handover(subject_id: str, **kwargs) -> str:
    """Stand in for the stage after 4: remember which stage-4 run handed over."""
    HANDED_OVER.append(subject_id)
    return "recorded"


def hold(seconds: float) -> str:
    """Keep a worker busy, so that what its cluster pulls from the queue meanwhile waits in the cluster's memory."""
    time.sleep(seconds)
    return "held"


PIPELINE: dict[int, list[str]] = {
    0: list(pipeline.PIPELINE[0]),
    1: list(pipeline.PIPELINE[1]),
    2: [],
    3: list(pipeline.PIPELINE[3]),
    4: [f"{__name__}.record_handover"],
}
LANES: dict[str, str] = {**pipeline.LANES, f"{__name__}.record_handover": "bulk", f"{__name__}.hold": "bulk"}
