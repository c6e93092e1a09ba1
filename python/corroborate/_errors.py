"""The package's exceptions; the engine raises them with its own messages."""


class Error(Exception):
    """Base class of everything corroborate raises on purpose."""


class InputError(Error, ValueError):
    """Bad input: an empty report, an invalid date, a duplicate id, an
    unknown field, invalid JSON, a report over the size limit. The message
    says which report and where, as the command-line tool does."""


class ReadError(Error, OSError):
    """A file or directory could not be read."""


# Shown as `corroborate.InputError`, where users import them from.
for _class in (Error, InputError, ReadError):
    _class.__module__ = "corroborate"
del _class
