from django.db import migrations, models
from django.db.models import Count


def refuse_duplicate_results(apps, schema_editor):
    """Stop with a clear message if a job already holds two results for one lead."""
    SkipTraceResult = apps.get_model("leads", "SkipTraceResult")
    duplicates = SkipTraceResult.objects.values("job_id", "lead_id").annotate(n=Count("id")).filter(n__gt=1)
    found = list(duplicates[:5])
    if found:
        shown = "; ".join(f"job {d['job_id']} lead {d['lead_id']} x{d['n']}" for d in found)
        raise RuntimeError(
            "Cannot make skip-trace results unique per job and lead: duplicates exist "
            f"({shown}). Keep the first result of each pair, delete the others, and migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("leads", "0005_lead_preparation"),
    ]

    operations = [
        migrations.RunPython(refuse_duplicate_results, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="skiptraceresult",
            constraint=models.UniqueConstraint(fields=("job", "lead"), name="str_job_lead_unique"),
        ),
    ]
