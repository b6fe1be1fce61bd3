"""Query filters of the API's list and export routes: one Django form is both the check and the schema.

Each field of a filter form becomes a query parameter of the operation: a choice is an ``enum`` of its values, a
whole number has its bounds, text its longest length. The view reads the filters through the same form, so what the
schema calls valid is what the view takes, and a value the form refuses is a 400 naming each parameter (never
ignored, never a silent default). An empty value (``?state=``, what a browser form sends for a field left blank)
means "no filter", as the schema says with ``allowEmptyValue`` (set from ``EMPTY_MARK`` by ``core/openapi.py``:
drf-spectacular passes on only ``x-`` extensions).
"""

from django import forms
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from .openapi import NO_NUL

EMPTY_MEANS_ANY = "An empty value means no filter."
EMPTY_MARK = "x-empty-means-any"


class BooleanFilterField(forms.TypedChoiceField):
    """A yes/no filter as a query states a boolean: ``true`` or ``false`` (``1``/``0`` too); anything else is
    refused by name, never read as false."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(
            choices=[("", "any"), ("true", "yes"), ("false", "no"), ("1", "yes"), ("0", "no")],
            coerce=lambda value: value in ("true", "1"), empty_value=None, **kwargs,
        )  # fmt: skip


def _schema_of(field: forms.Field) -> dict:
    if isinstance(field, BooleanFilterField):
        return {"type": "boolean"}
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(value) for value, _ in field.choices if value != ""]}
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, forms.CharField):  # Django's form fields refuse a NUL character
        schema = {"type": "string", "pattern": NO_NUL}
        return schema | ({"maxLength": field.max_length} if field.max_length else {})
    raise TypeError(f"A filter form field of type {type(field).__name__} has no query parameter schema yet.")


def filter_parameters(form_class: type[forms.Form], *, exclude: tuple[str, ...] = ()) -> list[OpenApiParameter]:
    """Return the query parameters of ``form_class``'s fields, each stating what the form accepts."""
    parameters = []
    for name, field in form_class.base_fields.items():
        if name in exclude:
            continue
        description = " ".join(part for part in (str(field.help_text or ""), EMPTY_MEANS_ANY) if part)
        parameters.append(
            OpenApiParameter(
                name,
                _schema_of(field),
                required=False,
                description=description,
                extensions={EMPTY_MARK: True},
            )  # fmt: skip
        )
    return parameters


def filter_object_schema(form_class: type[forms.Form], names: tuple[str, ...]) -> dict:
    """Return the JSON schema of an object of ``form_class``'s filters ``names`` (stored criteria, say); each may be
    null or left out."""
    return {
        "type": "object",
        "properties": {name: _schema_of(form_class.base_fields[name]) | {"nullable": True} for name in names},
        "additionalProperties": False,
    }


def filter_object_type_errors(form_class: type[forms.Form], data) -> dict[str, str]:
    """Return, per filter, why a JSON value is not of the type ``filter_object_schema`` states (a form would read
    the number 5 as the text "5"); unknown names and values of the right type are left to the form."""
    if not isinstance(data, dict):
        return {"": "Give an object of filters."}
    errors = {}
    for name, value in data.items():
        field = form_class.base_fields.get(name)
        if field is None or value is None:
            continue
        if isinstance(field, forms.IntegerField) and (isinstance(value, bool) or not isinstance(value, int)):
            errors[name] = "Give a whole number."
        elif not isinstance(field, forms.IntegerField) and not isinstance(value, str):
            errors[name] = "Give a text."
    return errors


def filter_values(form_class: type[forms.Form], query_params, **form_kwargs) -> dict:
    """Return the filters set in ``query_params`` as ``form_class`` cleans them; a 400 naming each one refused."""
    form = form_class(query_params, **form_kwargs)
    if not form.is_valid():
        raise ValidationError(form.errors)
    return {name: value for name, value in form.cleaned_data.items() if value is not None and value != ""}
