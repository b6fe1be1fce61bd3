"""A stand-in pipeline for journey tests (``settings.PIPELINE_MODULE``): its tasks only record their calls."""

from usdatabiz.core.handovers import journey_follower

CALLS: list[tuple] = []


@journey_follower
def first_task(subject_id: str, team_id: str | None = None) -> None:
    """Record a call of the first follower."""
    CALLS.append(("first_task", subject_id, team_id))


@journey_follower
def second_task(subject_id: str, team_id: str | None = None) -> None:
    """Record a call of the second follower."""
    CALLS.append(("second_task", subject_id, team_id))


def plain_task(subject_id: str, team_id: str | None = None) -> None:
    """Record a call of a task that does not claim its hand-over (only the broken pipeline wires it)."""
    CALLS.append(("plain_task", subject_id, team_id))


HERE = __name__
PIPELINE: dict[int, list[str]] = {
    0: [f"{HERE}.first_task"],
    1: [f"{HERE}.first_task", f"{HERE}.second_task"],
    2: [],
}
# Each recorded task runs on its own lane, so queue tests can see the routing.
LANES: dict[str, str] = {f"{HERE}.first_task": "realtime", f"{HERE}.second_task": "bulk"}
