"""Roles and what each may do; the services enforce these, the UI only mirrors them."""

from __future__ import annotations

from enum import StrEnum

from branch_desk.domain.errors import PermissionDenied


class Role(StrEnum):
    """Office roles."""

    PETUGAS = "petugas"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"petugas": "Petugas", "supervisor": "Kepala Cabang", "admin": "Admin"}[self]


class Permission(StrEnum):
    """Actions a role may be granted."""

    MANAGE_USERS = "manage_users"
    MANAGE_OFFICE = "manage_office"
    MANAGE_PARTNERS = "manage_partners"
    REGISTER_PARTICIPANTS = "register_participants"
    EDIT_PARTICIPANTS = "edit_participants"
    DEACTIVATE_PARTICIPANTS = "deactivate_participants"
    CORRECT_NIK = "correct_nik"
    RECORD_DEATHS = "record_deaths"
    IMPORT_PARTICIPANTS = "import_participants"
    VIEW_FULL_NIK = "view_full_nik"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    RECORD_PAYMENTS = "record_payments"
    REVERSE_PAYMENTS = "reverse_payments"
    MANAGE_BILLS = "manage_bills"
    MANAGE_TARGETS = "manage_targets"
    CREATE_CLAIMS = "create_claims"
    VERIFY_CLAIMS = "verify_claims"
    APPROVE_CLAIMS = "approve_claims"
    PAY_CLAIMS = "pay_claims"
    REJECT_CLAIMS = "reject_claims"
    MANAGE_AGREEMENTS = "manage_agreements"
    ISSUE_CERTIFICATES = "issue_certificates"
    PRINT_DOCUMENTS = "print_documents"
    SYNC = "sync"
    BACKUP = "backup"
    VIEW_AUDIT = "view_audit"


_P = Permission
# RECORD_DEATHS goes with PAY_CLAIMS: paying a death claim (its death certificate checked)
# records the death (`participants.registry.record_death`); an officer's own declaration
# from the detail window needs DEACTIVATE_PARTICIPANTS as well (`declare_death`), which
# is why an admin, who deactivates but pays no claims, holds it too.
_OFFICER = frozenset({
    _P.REGISTER_PARTICIPANTS, _P.EDIT_PARTICIPANTS, _P.IMPORT_PARTICIPANTS, _P.VIEW_FULL_NIK,
    _P.RECORD_PAYMENTS, _P.MANAGE_BILLS, _P.CREATE_CLAIMS, _P.VERIFY_CLAIMS, _P.PAY_CLAIMS,
    _P.RECORD_DEATHS, _P.PRINT_DOCUMENTS,
})
# Correcting a NIK re-identifies a person (claims and payments follow the NIK): a
# supervisor's decision with a reason, like a deactivation; not an admin's data chore.
_SUPERVISOR = _OFFICER | {
    _P.DEACTIVATE_PARTICIPANTS, _P.CORRECT_NIK, _P.EXPORT_PERSONAL_DATA, _P.REVERSE_PAYMENTS,
    _P.MANAGE_TARGETS, _P.APPROVE_CLAIMS, _P.REJECT_CLAIMS, _P.MANAGE_AGREEMENTS,
    _P.ISSUE_CERTIFICATES, _P.MANAGE_PARTNERS, _P.VIEW_AUDIT,
}
# Admins run the office (users, partners, sync, backups) but do not approve or pay claims:
# separation of duties keeps money decisions with officers and supervisors.
_ADMIN = frozenset({
    _P.MANAGE_USERS, _P.MANAGE_OFFICE, _P.MANAGE_PARTNERS, _P.REGISTER_PARTICIPANTS,
    _P.EDIT_PARTICIPANTS, _P.DEACTIVATE_PARTICIPANTS, _P.RECORD_DEATHS, _P.IMPORT_PARTICIPANTS,
    _P.VIEW_FULL_NIK, _P.EXPORT_PERSONAL_DATA, _P.MANAGE_TARGETS, _P.MANAGE_AGREEMENTS,
    _P.ISSUE_CERTIFICATES,
    _P.PRINT_DOCUMENTS, _P.SYNC, _P.BACKUP, _P.VIEW_AUDIT, _P.MANAGE_BILLS, _P.RECORD_PAYMENTS,
})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PETUGAS: _OFFICER,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMIN: _ADMIN,
}

ACTION_LABELS: dict[Permission, str] = {
    _P.MANAGE_USERS: "mengelola pengguna",
    _P.MANAGE_OFFICE: "mengubah identitas kantor",
    _P.MANAGE_PARTNERS: "mengelola mitra",
    _P.REGISTER_PARTICIPANTS: "mendaftarkan peserta",
    _P.EDIT_PARTICIPANTS: "mengubah data peserta",
    _P.DEACTIVATE_PARTICIPANTS: "menonaktifkan peserta",
    _P.CORRECT_NIK: "mengoreksi NIK peserta",
    _P.RECORD_DEATHS: "mencatat kematian peserta",
    _P.IMPORT_PARTICIPANTS: "mengimpor daftar peserta",
    _P.VIEW_FULL_NIK: "melihat NIK lengkap",
    _P.EXPORT_PERSONAL_DATA: "mengekspor data pribadi",
    _P.RECORD_PAYMENTS: "mencatat pembayaran iuran",
    _P.REVERSE_PAYMENTS: "membatalkan (mengoreksi) pembayaran",
    _P.MANAGE_BILLS: "membuat tagihan Pemda",
    _P.MANAGE_TARGETS: "menetapkan target cakupan",
    _P.CREATE_CLAIMS: "mencatat klaim",
    _P.VERIFY_CLAIMS: "memverifikasi klaim",
    _P.APPROVE_CLAIMS: "menyetujui klaim",
    _P.PAY_CLAIMS: "mencatat pembayaran klaim",
    _P.REJECT_CLAIMS: "menolak klaim",
    _P.MANAGE_AGREEMENTS: "mengelola perjanjian kerja sama",
    _P.ISSUE_CERTIFICATES: "menerbitkan piagam penghargaan",
    _P.PRINT_DOCUMENTS: "mencetak dokumen",
    _P.SYNC: "menjalankan sinkronisasi",
    _P.BACKUP: "membuat atau memulihkan cadangan",
    _P.VIEW_AUDIT: "melihat log audit",
}


def allowed(role: str, permission: Permission) -> bool:
    """Whether `role` holds `permission`."""
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


def require(role: str, permission: Permission) -> None:
    """Raise PermissionDenied (in Indonesian) unless `role` holds `permission`."""
    if not allowed(role, permission):
        label = Role(role).label if role in Role._value2member_map_ else role
        raise PermissionDenied(
            f"Peran {label} tidak berwenang {ACTION_LABELS[permission]}.", field=None
        )
