"""Domain errors carrying a named code that users and integrations see."""


class DomainError(Exception):
    """An expected failure with a stable code, a message for people, and an HTTP status for the API."""

    http_status = 400
    retryable = False

    def __init__(
        self, code: str, message: str, *, http_status: int | None = None, retryable: bool | None = None, **extra
    ):
        super().__init__(message)
        self.code = code
        self.message = message
        if http_status is not None:
            self.http_status = http_status
        if retryable is not None:
            self.retryable = retryable
        self.extra = extra

    def as_dict(self) -> dict:
        return {"code": self.code, "detail": self.message, "retryable": self.retryable, **self.extra}

    def __str__(self):
        return f"{self.code}: {self.message}"


class IllegalTransition(DomainError):
    """A state change the model's transition map does not allow."""

    http_status = 409

    def __init__(self, model: str, current: str, target: str):
        super().__init__(
            "ILLEGAL_TRANSITION", f"{model} cannot go from '{current}' to '{target}'.", current=current, target=target
        )
