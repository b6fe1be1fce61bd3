"""System checks: the pipeline map must name real tasks of real stages."""

from django.core import checks
from django.utils.module_loading import import_string


@checks.register()
def pipeline_tasks_exist(app_configs, **kwargs):
    from .journey import STAGE_BY_NUMBER, _gates, _pipeline, _refused

    errors = []
    for number, paths in _pipeline().items():
        if number != 0 and number not in STAGE_BY_NUMBER:
            errors.append(checks.Error(f"PIPELINE names unknown stage {number}.", id="core.E001"))
        for path in paths:
            try:
                task = import_string(path)
            except ImportError:
                errors.append(checks.Error(f"PIPELINE task {path!r} cannot be imported.", id="core.E002"))
                continue
            if not getattr(task, "journey_follower", False):
                errors.append(
                    checks.Error(
                        f"PIPELINE task {path!r} does not claim its hand-over: it would be sent again for ever.",
                        hint="Wrap it with usdatabiz.core.handovers.journey_follower.",
                        id="core.E006",
                    )
                )
    for number, paths in _gates().items():
        for path in paths:
            try:
                import_string(path)
            except ImportError:
                errors.append(
                    checks.Error(f"GATES check {path!r} of stage {number} cannot be imported.", id="core.E003")
                )
    for number, paths in _refused().items():
        for path in paths:
            try:
                import_string(path)
            except ImportError:
                errors.append(
                    checks.Error(
                        f"REFUSED_NUMBERS reader {path!r} of stage {number} cannot be imported.", id="core.E003"
                    )
                )
    return errors


@checks.register()
def credentials_keys_usable(app_configs, **kwargs):
    """Every key of ``CREDENTIALS_KEYS`` must be a Fernet key; without any, team credentials cannot be stored."""
    from django.conf import settings

    from .secrets import key_problems

    errors = [checks.Error(problem, id="core.E004") for problem in key_problems()]
    if not getattr(settings, "CREDENTIALS_KEYS", None):
        errors.append(
            checks.Warning(
                "CREDENTIALS_KEYS is empty: teams cannot store their own provider credentials.",
                hint='Generate one with: python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"',
                id="core.W001",
            )
        )
    return errors


def _project_task_paths() -> set[str]:
    """Every ``*_task`` function of every project app's ``tasks`` module, the pipeline and the schedules."""
    import importlib
    import inspect

    from django.apps import apps
    from django.conf import settings

    from .journey import _pipeline_module
    from .leases import leased_models

    paths = set()
    module = _pipeline_module()
    for followers in getattr(module, "PIPELINE", {}).values():
        paths.update(followers)
    paths.update(path for path, _ in getattr(module, "SCHEDULES", {}).values())
    paths.update(model.LEASE_TASK for model in leased_models() if model.LEASE_TASK)
    base = str(settings.BASE_DIR)
    for config in apps.get_app_configs():
        if not config.path.startswith(base) or "site-packages" in config.path:
            continue
        try:
            tasks = importlib.import_module(f"{config.name}.tasks")
        except ModuleNotFoundError:
            continue
        for name, obj in inspect.getmembers(tasks, inspect.isfunction):
            if name.endswith("_task") and obj.__module__ == tasks.__name__:
                paths.add(f"{tasks.__name__}.{name}")
    return paths


@checks.register()
def every_task_has_a_lane(app_configs, **kwargs):
    """Each task path runs on a configured lane, and a qcluster started by lane name serves a real lane."""
    import os

    from .lanes import lane_names, lanes

    errors = []
    known = lane_names()
    mapped = lanes()
    for path in sorted(_project_task_paths()):
        if path not in mapped:
            errors.append(
                checks.Error(
                    f"Task {path!r} has no lane.",
                    hint=f"Add it to LANES in usdatabiz/pipeline.py with one of: {', '.join(known)}.",
                    id="core.E007",
                )
            )
    for path, lane in sorted(mapped.items()):
        if lane not in known:
            errors.append(
                checks.Error(
                    f"LANES sends {path!r} to {lane!r}, which is not a cluster of Q_CLUSTER['ALT_CLUSTERS'].",
                    id="core.E008",
                )
            )
    name = os.environ.get("Q_CLUSTER_NAME")
    if name and name not in known:
        errors.append(
            checks.Warning(
                f"Q_CLUSTER_NAME={name!r} is not a lane: a qcluster started with it serves no task.",
                hint=f"Use one of: {', '.join(known)}.",
                id="core.W002",
            )
        )
    return errors


def _source_files():
    """The Python files of the project's own apps, without tests and migrations."""
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    base = str(settings.BASE_DIR)
    for config in apps.get_app_configs():
        if not config.path.startswith(base) or "site-packages" in config.path:
            continue
        for path in sorted(Path(config.path).rglob("*.py")):
            parts = set(path.relative_to(config.path).parts)
            if not parts & {"tests", "migrations", "management"}:
                yield path


def advancing_stages(paths) -> dict[int, list[str]]:
    """Return stage -> where (``file:line``) the code tells the journey that stage finished.

    A call ``journey.advance(stage=N, ...)`` or ``advance(stage=N, ...)`` counts, with ``N`` a number or a
    module-level constant holding one (``STAGE = 7``).
    """
    import ast

    found: dict[int, list[str]] = {}
    for path in paths:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (OSError, SyntaxError, UnicodeDecodeError):
            continue
        constants = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                if isinstance(node.value.value, int) and not isinstance(node.value.value, bool):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            constants[target.id] = node.value.value
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name != "advance":
                continue
            for keyword in node.keywords:
                if keyword.arg != "stage":
                    continue
                value = keyword.value
                number = None
                if isinstance(value, ast.Constant) and isinstance(value.value, int):
                    number = value.value
                elif isinstance(value, ast.Name):
                    number = constants.get(value.id)
                if number is not None:
                    found.setdefault(number, []).append(f"{'/'.join(path.parts[-2:])}:{node.lineno}")
    return found


def journey_contract_problems(pipeline: dict[int, list[str]], advancing: dict[int, list[str]]) -> list:
    """Flag each follower wired for a stage that never tells the journey it finished (it would never run)."""
    problems = []
    for number, paths in sorted(pipeline.items()):
        if paths and number not in advancing:
            problems.append(
                checks.Error(
                    f"PIPELINE wires {', '.join(paths)} after stage {number}, but no service ever calls "
                    f"journey.advance(stage={number}): the follower would never run.",
                    hint=f"Call journey.advance(stage={number}, subject_id=..., team_id=...) from the service that "
                    f"finishes stage {number}, or wire the follower after a stage that advances.",
                    id="core.E005",
                )
            )
    return problems


@checks.register()
def journey_followers_are_reached(app_configs, **kwargs):
    """A follower wired in ``usdatabiz/pipeline.py`` must follow a stage that tells the journey it finished."""
    from .journey import _pipeline

    return journey_contract_problems(_pipeline(), advancing_stages(_source_files()))


@checks.register(checks.Tags.security, deploy=True)
def embedded_defaults_in_use(app_configs, **kwargs):
    """``check --deploy`` names each embedded default still in use: it works, but a deployment lacks what it stands
    in for. Information only, so ``--fail-level WARNING`` still passes."""
    from django.conf import settings

    notes = []
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        notes.append(
            checks.Info(
                f"The database is the SQLite file {settings.DATABASES['default']['NAME']} (DATABASE_URL names no "
                "database server): one host only, and a long stage holds its single write lock while the web server "
                "and the other lane wait (a task that waits past 30 s fails with 'database is locked' and is retried).",
                hint="Set DATABASE_URL=postgres://user:password@host:5432/name for production.",
                id="core.I001",
            )
        )
    if settings.SMS_PROVIDER == "sandbox":
        notes.append(
            checks.Info(
                "SMS_PROVIDER is sandbox: approved campaigns send to the embedded sandbox and no text reaches a "
                "phone; replies come only from the console's simulator.",
                hint="Set SMS_PROVIDER=signalhouse with SIGNALHOUSE_API_KEY and SIGNALHOUSE_WEBHOOK_SECRET.",
                id="core.I002",
            )
        )
    if settings.SKIPTRACE_PROVIDER == "sandbox":
        notes.append(
            checks.Info(
                "SKIPTRACE_PROVIDER is sandbox: skip-trace results are made up by the embedded sandbox.",
                hint="Set SKIPTRACE_PROVIDER=realestateapi with REALESTATEAPI_API_KEY.",
                id="core.I003",
            )
        )
    return notes
