"""Operator pages of stages 1-2: upload, list, detail with live progress, failures (CSV download)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from usdatabiz.core.errors import DomainError
from usdatabiz.core.exports import csv_response
from usdatabiz.core.mixins import TeamMemberRequiredMixin

from . import selectors, services
from .downloads import original_file_response
from .forms import DataSourceUploadForm
from .models import DataSource


class DataSourceObjectMixin(TeamMemberRequiredMixin):
    model = DataSource

    def get_object(self) -> DataSource:
        try:
            return selectors.data_source_get(team=self.team, pk=self.kwargs["pk"])
        except DataSource.DoesNotExist as exc:
            raise Http404("No such data source.") from exc


class DataSourceListView(TeamMemberRequiredMixin, FormView):
    template_name = "ingestion/data_source_list.html"
    form_class = DataSourceUploadForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(selectors.data_source_list(team=self.team), 25).get_page(self.request.GET.get("page"))
        context["page_obj"] = page
        context["refusals"] = selectors.stage1_refusals(team=self.team)
        return context

    def form_valid(self, form):
        try:
            data_source = services.data_source_create(
                team=self.team, file=form.cleaned_data["file"], uploaded_by=self.request.user
            )
        except DomainError as exc:
            form.add_error("file", f"{exc.code}: {exc.message}")
            return self.form_invalid(form)
        messages.success(self.request, f"Uploaded {data_source.original_name}.")
        return redirect(data_source.get_absolute_url())


class DataSourceDetailView(DataSourceObjectMixin, TemplateView):
    template_name = "ingestion/data_source_detail.html"

    def get_template_names(self):
        if self.request.htmx and self.request.GET.get("fragment") == "progress":
            return ["ingestion/_data_source_progress.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data_source = self.get_object()
        code = self.request.GET.get("code") or None
        failures = selectors.data_source_failures(data_source=data_source, code=code)
        context.update(
            data_source=data_source,
            code=code,
            failure_counts=selectors.data_source_failure_counts(data_source=data_source),
            record_counts=selectors.data_source_record_counts(data_source=data_source),
            failures_page=Paginator(failures, 50).get_page(self.request.GET.get("page")),
        )
        return context


class DataSourceRetryView(DataSourceObjectMixin, View):
    def post(self, request, *args, **kwargs):
        data_source = self.get_object()
        try:
            services.data_source_retry(data_source=data_source)
            messages.success(request, "The data source is running again.")
        except DomainError as exc:
            messages.error(request, f"{exc.code}: {exc.message}")
        return redirect(data_source.get_absolute_url())


class DataSourceFileView(DataSourceObjectMixin, View):
    """The original file as uploaded, to the team's members only: streamed from the local folder (which the web
    server never publishes), or a short-lived signed address of the bucket."""

    def get(self, request, *args, **kwargs):
        return original_file_response(self.get_object())


class DataSourceFailuresCsvView(DataSourceObjectMixin, View):
    def get(self, request, *args, **kwargs):
        data_source = self.get_object()
        failures = selectors.data_source_failures(data_source=data_source, code=request.GET.get("code") or None)
        return csv_response(
            header=["row", "stage", "code", "field", "raw_value", "detail"],
            rows=(
                (f.source_row, f.stage, f.code, f.field, f.raw_value, f.detail)
                for f in failures.iterator(chunk_size=2000)
            ),
            filename=f"{data_source.pk}-errors.csv",
        )
