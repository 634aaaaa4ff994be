"""The one exception tree of newsgraph.

::

    NewsgraphError
     ├── InputError            the source cannot be read as an article
     │    ├── EmptyInputError        nothing (or only white space / boilerplate) to analyze
     │    ├── BinaryInputError       bytes that are not text or HTML
     │    ├── TooLargeError          over the configured size limit
     │    ├── LanguageError          not English (the pipeline's language)
     │    └── FetchError             a URL could not be fetched (refused, unreachable, bad type)
     ├── AnalysisError         an unexpected failure inside the pipeline (a bug: please report it)
     ├── ResourceError         a lexicon/gazetteer/model file is missing or malformed
     ├── ConfigError           a setting has a bad value
     └── StoreError            the corpus database failed

Errors carry the ``source`` they concern, so a batch can report "source: reason" on one
line. The CLI and the server turn them into exit codes and HTTP statuses; nothing else does.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class of every error newsgraph raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def __reduce__(self) -> tuple[object, ...]:
        # Keep ``source`` when an error crosses a process boundary (analyze_many with n_process > 1).
        return (_rebuild, (type(self), self.message, self.source))


def _rebuild(cls: type[NewsgraphError], message: str, source: str | None) -> NewsgraphError:
    return cls(message, source=source)


class InputError(NewsgraphError):
    """The source cannot be read as an article."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class LanguageError(InputError):
    pass


class FetchError(InputError):
    pass


class AnalysisError(NewsgraphError):
    """A bug met while analyzing one document; the batch goes on without it."""


class AnalysisTimeout(AnalysisError):
    """The document spent longer than its time budget in the pipeline (NEWSGRAPH_TIME_BUDGET)."""


class ResourceError(NewsgraphError):
    """A packaged data file is missing or malformed (names the file)."""


class ConfigError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass
