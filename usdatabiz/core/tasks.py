"""Background entry points of the core app (thin: they call core services)."""

from .leases import stage_runs_sweep, work_sweep


def work_sweep_task() -> dict[str, int]:
    """Hand work whose worker died or timed out to another worker; close runs nobody will finish (every minute)."""
    from .handovers import handovers_prune

    counts = work_sweep()
    counts["runs_closed"] = stage_runs_sweep()
    counts["handovers_pruned"] = handovers_prune()
    return counts


def sla_check_task() -> dict[str, int]:
    """Open and resolve SLA alerts and tell the teams (every minute)."""
    from .alerts import sla_check

    return sla_check()


def task_results_prune_task() -> int:
    """Trim the kept successful task results to the newest ``Q_SAVE_LIMIT`` (every minute)."""
    from .taskresults import task_results_prune

    return task_results_prune()
