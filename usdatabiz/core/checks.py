"""System checks: the pipeline map must name real tasks of real stages."""

from django.core import checks
from django.utils.module_loading import import_string


@checks.register()
def pipeline_tasks_exist(app_configs, **kwargs):
    from .journey import STAGE_BY_NUMBER, _pipeline

    errors = []
    for number, paths in _pipeline().items():
        if number != 0 and number not in STAGE_BY_NUMBER:
            errors.append(checks.Error(f"PIPELINE names unknown stage {number}.", id="core.E001"))
        for path in paths:
            try:
                import_string(path)
            except ImportError:
                errors.append(checks.Error(f"PIPELINE task {path!r} cannot be imported.", id="core.E002"))
    return errors
