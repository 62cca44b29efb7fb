"""Domain error types; each carries the Indonesian message shown to the officer."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Base of every rule violation the officer can see and act on.

    ``message`` is in Bahasa Indonesia and is shown as is; ``field`` names the input field
    it concerns and ``row`` the 1-based row of an imported sheet, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None, row: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.row = row

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, field={self.field!r}, row={self.row!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep the keyword-only attributes when the error crosses a process boundary.
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


def _rebuild(cls: type[DomainError], message: str, state: dict[str, Any]) -> DomainError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ValidationError(DomainError):
    """An input value is malformed or out of range."""


class FileInUse(DomainError):
    """A file could not be written or replaced: on Windows, another program holds it open
    (Excel keeps an open workbook locked, a PDF viewer its document); anywhere, a folder the
    user may not write to. The old file is left as it was."""

    def __init__(self, path: object) -> None:
        super().__init__(f"Berkas {path} tidak dapat ditulis: berkas itu sedang dibuka program "
                         "lain (misalnya Excel atau penampil PDF) atau foldernya tidak boleh "
                         "ditulis. Tutup berkas itu lalu ulangi; isinya tidak diubah.",
                         field="path")


class PermissionDenied(DomainError):
    """The signed-in user's role may not perform the action."""


class NotFound(DomainError):
    """A referenced record or code does not exist."""


class InvalidTransition(DomainError):
    """A state change is not allowed from the current state."""


class EligibilityError(DomainError):
    """A participant does not qualify for a programme or benefit."""


class ConflictError(DomainError):
    """The record was changed by someone else since it was loaded (optimistic locking)."""


class DatabaseBusy(ConflictError):
    """Another workstation or program kept the database locked longer than the program waits
    (30 seconds, SQLite's busy timeout); nothing of this action was saved."""

    def __init__(self) -> None:
        super().__init__("Basis data sedang dikunci komputer atau program lain yang sedang "
                         "menyimpan, dan tidak lepas dalam 30 detik. Tidak ada yang disimpan; "
                         "tunggu sebentar lalu ulangi.")


class DuplicateError(DomainError):
    """The record already exists; ``existing_id`` points at it when known."""

    def __init__(
        self,
        message: str,
        *,
        existing_id: str | None = None,
        field: str | None = None,
        row: int | None = None,
    ) -> None:
        super().__init__(message, field=field, row=row)
        self.existing_id = existing_id


class HeaderNotFoundError(ValidationError):
    """An imported list has no header naming the required columns; `headers` are its likeliest
    header cells (for the officer to say which column is which), `sheets` its sheets."""

    def __init__(self, message: str, *, sheet: str, sheets: tuple[str, ...],
                 headers: tuple[str, ...]) -> None:
        super().__init__(message, field="file")
        self.sheet, self.sheets, self.headers = sheet, sheets, headers
