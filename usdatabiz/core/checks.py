"""System checks: the pipeline map must name real tasks of real stages."""

from django.core import checks
from django.utils.module_loading import import_string


@checks.register()
def pipeline_tasks_exist(app_configs, **kwargs):
    from .journey import STAGE_BY_NUMBER, _gates, _pipeline

    errors = []
    for number, paths in _pipeline().items():
        if number != 0 and number not in STAGE_BY_NUMBER:
            errors.append(checks.Error(f"PIPELINE names unknown stage {number}.", id="core.E001"))
        for path in paths:
            try:
                import_string(path)
            except ImportError:
                errors.append(checks.Error(f"PIPELINE task {path!r} cannot be imported.", id="core.E002"))
    for number, paths in _gates().items():
        for path in paths:
            try:
                import_string(path)
            except ImportError:
                errors.append(
                    checks.Error(f"GATES check {path!r} of stage {number} cannot be imported.", id="core.E003")
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
