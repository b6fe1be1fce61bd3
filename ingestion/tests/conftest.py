"""Fixtures of the ingestion tests: factories and a helper that uploads a file and runs stages 1-2."""

import pytest

from ingestion import services
from ingestion.models import DataSource

from . import stage_pipeline
from .factories import DataSourceFactory, upload


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Test users need a password, not a slow hash: keeps the folder fast."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _stages_1_2_only(settings):
    """Run the real stages 1-2 and record the hand-over to stage 3 instead of running it."""
    settings.PIPELINE_MODULE = "ingestion.tests.stage_pipeline"
    stage_pipeline.HANDED_OVER.clear()
    yield
    stage_pipeline.HANDED_OVER.clear()


@pytest.fixture
def handed_over() -> list[str]:
    """Data source ids that stage 2 handed to the next stage, in order."""
    return stage_pipeline.HANDED_OVER


@pytest.fixture
def data_source_factory(db):
    return DataSourceFactory


@pytest.fixture
def ingest(team):
    """Upload ``content`` for a team through the service; stages 1-2 run inline (sync queue)."""

    def _ingest(content: bytes, *, name: str = "list.csv", for_team=None, user=None) -> DataSource:
        data_source = services.data_source_create(team=for_team or team, file=upload(content, name), uploaded_by=user)
        data_source.refresh_from_db()
        return data_source

    return _ingest
