"""The error answers every API operation can give, stated in the schema (a drf-spectacular postprocessing hook).

Every error body is a JSON object: ``{"detail": ...}`` from DRF, ``{"code", "detail", "retryable", ...}`` for a
domain error (``core/errors.py``), or one list of messages per field for a validation error. Each operation
documents the statuses it can answer beyond its success: 400 (a body or query that does not validate), 401 (no or
a bad token), 403 (no team, or a role that cannot do it), 404 (an object not in the team; operations on one object),
405 (a method the route does not take), 409 (a state that forbids the change; writes), 415 (a body in another
media type; writes with a body), 429 (throttled).
"""

ERROR_SCHEMA = {
    "type": "object",
    "description": "What went wrong. `detail` for people; `code` names a domain error; a validation error lists "
    "the messages of each field that failed.",
    "properties": {
        "detail": {"description": "A message for people (a string, or a list of them)."},
        "code": {"type": "string", "description": "The named failure, e.g. ILLEGAL_TRANSITION."},
        "retryable": {"type": "boolean"},
    },
    "additionalProperties": True,
}
DESCRIPTIONS = {
    "400": "The request does not validate: the body names each field that failed.",
    "401": "No token, or a token that is not valid: send `Authorization: Token <key>`.",
    "403": "Not a member of the team, or the role cannot do this.",
    "404": "No such object in this team.",
    "405": "The route does not take this method.",
    "409": "The object's state does not allow this now (the `code` says why).",
    "415": "The body is not in a media type this operation takes.",
    "429": "Too many requests: wait the seconds of `Retry-After`.",
}
WRITES = {"post", "put", "patch", "delete"}


def add_error_responses(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR_SCHEMA)
    ref = {"$ref": "#/components/schemas/Error"}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in WRITES | {"get", "head"}:
                continue
            statuses = ["400", "401", "403", "405", "429"]
            if "{" in path:
                statuses.append("404")
            if method in WRITES:
                statuses.append("409")
            if operation.get("requestBody"):
                statuses.append("415")
            responses = operation.setdefault("responses", {})
            for status in statuses:
                responses.setdefault(
                    status, {"description": DESCRIPTIONS[status], "content": {"application/json": {"schema": ref}}}
                )
    return result


def allow_empty_filters(result, generator, request, public):
    """State ``allowEmptyValue`` on the query filters where an empty value means no filter (``core/filters.py``)."""
    from .filters import EMPTY_MARK

    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []) if isinstance(operation, dict) else []:
                if parameter.pop(EMPTY_MARK, False):
                    parameter["allowEmptyValue"] = True
    return result


NO_NUL = "^[^\\u0000]*$"


def text_without_nul(result, generator, request, public):
    """State on every free text a request sends that it has no NUL character: DRF's text fields refuse one (and
    PostgreSQL cannot store it). Texts with a format, an enum or a pattern of their own already say what they take."""

    def visit(schema):
        if not isinstance(schema, dict):
            return
        if schema.get("type") == "string" and not ({"format", "enum", "pattern"} & set(schema)):
            schema["pattern"] = NO_NUL
        for child in schema.get("properties", {}).values():
            visit(child)
        visit(schema.get("items"))

    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):
            visit(schema)
    return result
