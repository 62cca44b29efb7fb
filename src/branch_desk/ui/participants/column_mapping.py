"""Which column of a Pemda list holds which field: the file's headers, each with a chooser.
Shown when the import does not recognise NIK or Nama, or when the officer asks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def field_labels() -> dict[str, str]:
    """The import's fields and their labels, in the order the chooser lists them."""
    labels = {
        "nik": QT_TRANSLATE_NOOP("ColumnMappingDialog", "NIK"),
        "name": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Nama"),
        "birth_date": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Tanggal lahir"),
        "sex": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Jenis kelamin"),
        "address": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Alamat"),
        "village": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Desa/kelurahan"),
        "occupation": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Pekerjaan"),
        "phone": QT_TRANSLATE_NOOP("ColumnMappingDialog", "No HP"),
        "income": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Penghasilan"),
        "tmt": QT_TRANSLATE_NOOP("ColumnMappingDialog", "Mulai kepesertaan"),
    }
    return {field: QCoreApplication.translate("ColumnMappingDialog", label)
            for field, label in labels.items()}


class ColumnMappingDialog(QDialog):
    """One chooser per header of the file; `mapping()` is field → header."""

    def __init__(self, headers: tuple[str, ...], mapping: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("column_mapping")
        self.setWindowTitle(self.tr("Tentukan kolom daftar"))
        self.resize(520, 480)
        field_of = {header: field for field, header in mapping.items()}
        labels = field_labels()
        form = QFormLayout()
        self.choosers: list[tuple[str, QComboBox]] = []
        for index, header in enumerate(headers):
            if not header:
                continue
            chooser = QComboBox(objectName=f"column_{index}")
            chooser.addItem(self.tr("(tidak dipakai)"), None)
            for field, label in labels.items():
                chooser.addItem(label, field)
            chooser.setCurrentIndex(max(chooser.findData(field_of.get(header)), 0))
            form.addRow(header, chooser)
            self.choosers.append((header, chooser))
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        intro = QLabel(self.tr("Pilih isian untuk setiap judul kolom berkas. NIK dan Nama wajib. "
                               "Pilihan ini diingat untuk daftar berikutnya dari mitra ini."))
        intro.setWordWrap(True)
        self.problem = QLabel(objectName="column_mapping_problem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Pakai kolom ini"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        """Field → header for every header given a field."""
        return {chooser.currentData(): header for header, chooser in self.choosers
                if chooser.currentData()}

    def check(self) -> str:
        """Why the choice cannot be used ("" when it can)."""
        chosen = [chooser.currentData() for _, chooser in self.choosers
                  if chooser.currentData()]
        labels = field_labels()
        twice = sorted({labels[f] for f in chosen if chosen.count(f) > 1})
        if twice:
            return self.tr("Isian {0} dipilih untuk lebih dari satu kolom.").format(
                ", ".join(twice))
        missing = [labels[f] for f in ("nik", "name") if f not in chosen]
        if missing:
            return self.tr("Pilih kolom untuk {0}.").format(" dan ".join(missing))
        return ""

    def accept(self) -> None:
        problem = self.check()
        self.problem.setText(problem)
        if not problem:
            super().accept()
