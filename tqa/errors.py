"""The one exception type for the user's mistakes: bad input, bad config, bad options."""


class TqaError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(p) for p in (self.path, self.line, self.column) if p is not None]
        return ":".join(where) + (": " if where else "") + self.message
