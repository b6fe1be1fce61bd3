"""Background entry points of the core app (thin: they call core services)."""

from .leases import work_sweep


def work_sweep_task() -> dict[str, int]:
    """Hand work whose worker died or timed out to another worker (every minute)."""
    return work_sweep()
