"""The API's one pagination: ``?limit=`` and ``?offset=``, bounded.

A limit past ``MAX_LIMIT`` is clamped to it; a limit below 1, a negative or absurd offset, or a value that is not a
whole number is a 400 that names the parameter (never a silent default, never a 500 from the database).
"""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination

MAX_LIMIT = 500
MAX_OFFSET = 2_147_483_647


def _whole_number(request, name: str, *, past_any_bound: int) -> int | None:
    raw = request.query_params.get(name)
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit() or not text.isascii():
        raise ValidationError({name: [f"Give a whole number of 0 or more, not {raw[:40]!r}."]})
    if len(text) > 30:  # a number of any length is a whole number; one this long is past every bound, unread
        return past_any_bound
    return int(text)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    default_limit = 50
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        limit = _whole_number(request, self.limit_query_param, past_any_bound=self.max_limit)
        if limit is None:
            return self.default_limit
        if limit < 1:
            raise ValidationError({self.limit_query_param: ["Give a limit of 1 or more."]})
        return min(limit, self.max_limit)

    def get_offset(self, request):
        offset = _whole_number(request, self.offset_query_param, past_any_bound=MAX_OFFSET + 1)
        if offset is None:
            return 0
        if offset > MAX_OFFSET:
            raise ValidationError({self.offset_query_param: [f"Give an offset of at most {MAX_OFFSET}."]})
        return offset

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.limit_query_param,
                "required": False,
                "in": "query",
                "description": f"Number of results per page (1 or more; more than {MAX_LIMIT} is clamped to "
                f"{MAX_LIMIT}). Default {self.default_limit}.",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.offset_query_param,
                "required": False,
                "in": "query",
                "description": "The initial index from which to return the results.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
            },
        ]
