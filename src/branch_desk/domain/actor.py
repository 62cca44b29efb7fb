"""Who is acting: the logged-in office user every service call runs as."""

from __future__ import annotations

from dataclasses import dataclass

from branch_desk.domain.permissions import Permission, allowed, require


@dataclass(frozen=True)
class Actor:
    """An authenticated user of an office."""

    username: str
    role: str
    office: str
    full_name: str = ""

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        require(self.role, permission)


def system_actor(office: str) -> Actor:
    """The program itself (migrations, first set-up, demo data)."""
    return Actor(username="system", role="admin", office=office, full_name="Sistem")
