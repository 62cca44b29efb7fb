"""Qt's own words in Bahasa Indonesia: the standard buttons (OK, Batal, Ya, Tidak, Simpan),
the file and print dialogs, the text fields' context menu.

Qt ships no Indonesian translation of its widgets, so without this every message box and file
dialog would say "Cancel", "Yes", "Open" beside our Indonesian. The texts are keyed by Qt's
translation context and source text (as Qt asks for them: `&` marks the shortcut letter), and
compiled into `resources/i18n/qt_id.qm` (a translator written in Python corrupted the
interpreter: PySide6 mis-counts the None it returns for "no translation").
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_EDIT_MENU = {
    "&Undo": "&Urungkan", "&Redo": "U&langi", "Cu&t": "Po&tong", "&Copy": "&Salin",
    "&Paste": "&Tempel", "Delete": "Hapus", "Select All": "Pilih Semua",
    "Copy &Link Location": "Salin &Alamat Tautan",
}

TEXTS: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "OK": "OK", "Save": "Simpan", "Save All": "Simpan Semua", "Open": "Buka",
        "&Yes": "&Ya", "Yes to &All": "Ya untuk &Semua", "&No": "&Tidak",
        "N&o to All": "Tidak untuk Se&mua", "Abort": "Hentikan", "Retry": "Coba Lagi",
        "Ignore": "Abaikan", "Close": "Tutup", "Cancel": "Batal", "Discard": "Buang",
        "Help": "Bantuan", "Apply": "Terapkan", "Reset": "Atur Ulang",
        "Restore Defaults": "Kembalikan Bawaan", "Don't Save": "Jangan Simpan",
        "Close without Saving": "Tutup tanpa Menyimpan",
    },
    "QLineEdit": _EDIT_MENU,
    "QWidgetTextControl": _EDIT_MENU,
    "QMessageBox": {
        "Show Details...": "Tampilkan Rincian…", "Hide Details...": "Sembunyikan Rincian…",
        "OK": "OK",
    },
    "QInputDialog": {"Enter a value:": "Masukkan nilai:"},
    "QProgressDialog": {"Cancel": "Batal"},
    "QTabBar": {"Scroll Left": "Geser ke kiri", "Scroll Right": "Geser ke kanan"},
    "QFileDialog": {
        "&Delete": "&Hapus", "&Look in:": "&Cari di:", "&New Folder": "&Folder Baru",
        "&Open": "&Buka", "&Rename": "&Ganti Nama", "&Save": "&Simpan", "&Choose": "&Pilih",
        "All Files (*)": "Semua Berkas (*)", "Back": "Kembali", "Forward": "Maju",
        "Change to detail view mode": "Tampilan rinci", "Change to list view mode":
        "Tampilan daftar", "Create New Folder": "Buat Folder Baru",
        "Create a New Folder": "Buat folder baru", "Detail View": "Tampilan Rinci",
        "File &name:": "&Nama berkas:", "Files": "Berkas", "Files of &type:": "&Jenis berkas:",
        "Go back": "Kembali", "Go forward": "Maju",
        "Go to the parent directory": "Ke folder di atasnya", "List View": "Tampilan Daftar",
        "List of places and bookmarks": "Daftar tempat dan penanda", "Open": "Buka",
        "Parent Directory": "Folder di Atasnya", "Save As": "Simpan Sebagai",
        "Show ": "Tampilkan ", "Show &hidden files": "Tampilkan berkas &tersembunyi",
        "Sidebar": "Bilah samping", "New Folder": "Folder Baru", "Recent Places":
        "Tempat Terakhir", "Directory:": "Folder:", "Directories": "Folder",
        "Find Directory": "Cari Folder", "Delete": "Hapus",
        "%1 already exists.\nDo you want to replace it?":
        "%1 sudah ada.\nGanti berkas itu?",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nBerkas tidak ditemukan.\nPeriksa apakah nama berkasnya benar.",
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
        "%1\nFolder tidak ditemukan.\nPeriksa apakah nama foldernya benar.",
        "Are you sure you want to delete '%1'?": "Yakin menghapus '%1'?",
        "'%1' is write protected.\nDo you want to delete it anyway?":
        "'%1' dilindungi dari perubahan.\nTetap hapus?",
        "Could not delete directory.": "Folder tidak dapat dihapus.",
        "Open File": "Buka Berkas", "Save File": "Simpan Berkas",
        "Alt+Left": "Alt+Left", "Alt+Right": "Alt+Right", "Alt+Up": "Alt+Up",  # keys
    },
    "QFileSystemModel": {
        "Name": "Nama", "Size": "Ukuran", "Type": "Jenis", "Date Modified": "Tanggal Diubah",
        "Computer": "Komputer", "My Computer": "Komputer Saya", "Kind": "Jenis",
        "%1 bytes": "%1 bita", "Invalid filename": "Nama berkas tidak sah",
    },
    "QAbstractFileIconProvider": {
        "Drive": "Drive", "Folder": "Folder", "File": "Berkas", "File Folder": "Folder Berkas",
        "Unknown": "Tidak dikenal",
    },
    "QPrintDialog": {
        "&Options >>": "&Opsi >>", "&Options <<": "&Opsi <<", "&Print": "&Cetak",
        "Print": "Cetak", "All Pages": "Semua Halaman", "Odd Pages": "Halaman Ganjil",
        "Even Pages": "Halaman Genap", "Local file": "Berkas lokal",
        "Print to File (PDF)": "Cetak ke Berkas (PDF)", "Write PDF file": "Tulis berkas PDF",
        "Left to Right, Top to Bottom": "Kiri ke kanan, atas ke bawah",
        "Left to Right, Bottom to Top": "Kiri ke kanan, bawah ke atas",
        "Right to Left, Bottom to Top": "Kanan ke kiri, bawah ke atas",
        "Right to Left, Top to Bottom": "Kanan ke kiri, atas ke bawah",
        "Bottom to Top, Left to Right": "Bawah ke atas, kiri ke kanan",
        "Bottom to Top, Right to Left": "Bawah ke atas, kanan ke kiri",
        "Top to Bottom, Left to Right": "Atas ke bawah, kiri ke kanan",
        "Top to Bottom, Right to Left": "Atas ke bawah, kanan ke kiri",
        "Print current page": "Cetak halaman ini", "Print selection": "Cetak pilihan",
        "Print range": "Rentang cetak", "Print all": "Cetak semua",
        "The 'From' value cannot be greater than the 'To' value.":
        "Nilai 'Dari' tidak boleh lebih besar dari nilai 'Sampai'.",
        "File exists": "Berkas sudah ada",
        "<qt>%1 already exists.\nDo you want to overwrite it?</qt>":
        "<qt>%1 sudah ada.\nTimpa berkas itu?</qt>",
        "%1 is a directory.\nPlease choose a different file name.":
        "%1 adalah folder.\nPilih nama berkas lain.",
        "File %1 is not writable.\nPlease choose a different file name.":
        "Berkas %1 tidak dapat ditulis.\nPilih nama berkas lain.",
        "Print To File ...": "Cetak ke Berkas …",
    },
    "QPrintPreviewDialog": {
        "First page": "Halaman pertama", "Fit page": "Muat halaman", "Fit width": "Muat lebar",
        "Landscape": "Lanskap", "Last page": "Halaman terakhir", "Next page":
        "Halaman berikutnya", "Page Setup": "Pengaturan Halaman", "Page setup":
        "Pengaturan halaman", "Portrait": "Potret", "Previous page": "Halaman sebelumnya",
        "Print": "Cetak", "Print Preview": "Pratinjau Cetak",
        "Show facing pages": "Tampilkan halaman berhadapan",
        "Show overview of all pages": "Tampilkan semua halaman",
        "Show single page": "Tampilkan satu halaman", "Zoom in": "Perbesar",
        "Zoom out": "Perkecil", "Export to PDF": "Ekspor ke PDF",
    },
    "QPrintSettingsOutput": {
        "Collate": "Susun per salinan", "Color": "Berwarna", "Color Mode": "Mode Warna",
        "Copies": "Salinan", "Copies:": "Salinan:", "Current Page": "Halaman Ini",
        "Double Sided Printing": "Cetak Bolak-balik", "Form": "Formulir",
        "Grayscale": "Hitam putih", "Long side binding": "Jilid sisi panjang", "Off": "Tidak",
        "Options": "Opsi", "Output Settings": "Pengaturan Keluaran",
        "Page &Set:": "&Set halaman:", "Pages": "Halaman", "Pages from": "Halaman dari",
        "Print all": "Cetak semua", "Print range": "Rentang cetak", "Reverse": "Terbalik",
        "Selection": "Pilihan", "Short side binding": "Jilid sisi pendek", "to": "sampai",
        "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
        "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.":
        "Tulis halaman atau rentang halaman dipisahkan koma; rentang ditulis dengan dua angka "
        "dan tanda hubung. Contoh: 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9.",
    },
    "QPrintWidget": {
        "&Name:": "&Nama:", "...": "…", "Form": "Formulir", "Location:": "Lokasi:",
        "Output &file:": "&Berkas keluaran:", "P&roperties": "P&roperti",
        "Preview": "Pratinjau", "Printer": "Printer", "Type:": "Jenis:",
    },
    "QPageSetupWidget": {
        "Custom": "Ukuran lain", "Form": "Formulir", "Height:": "Tinggi:", "Width:": "Lebar:",
        "Landscape": "Lanskap", "Portrait": "Potret", "Reverse landscape": "Lanskap terbalik",
        "Reverse portrait": "Potret terbalik", "Margins": "Margin",
        "Millimeters (mm)": "Milimeter (mm)", "Inches (in)": "Inci (in)",
        "Points (pt)": "Poin (pt)", "Orientation": "Orientasi",
        "Page &order:": "&Urutan halaman:", "Page Layout": "Tata Letak Halaman",
        "Page size:": "Ukuran kertas:", "Pages &per sheet:": "Halaman &per lembar:",
        "Paper": "Kertas", "Paper source:": "Sumber kertas:", "top margin": "margin atas",
        "bottom margin": "margin bawah", "left margin": "margin kiri",
        "right margin": "margin kanan",
    },
    "QPageSize": {"Custom": "Ukuran lain"},
    "QCalendarWidget": {"Previous Month": "Bulan sebelumnya", "Next Month": "Bulan berikutnya",
                        "Today": "Hari ini", "Week": "Minggu"},
}


def ts_document() -> str:
    """`TEXTS` as a Qt Linguist file (Indonesian), which scripts/update-translations.sh
    compiles into the packaged `resources/i18n/qt_id.qm`."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             '<TS version="2.1" language="id_ID">']
    for context, texts in sorted(TEXTS.items()):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for source, text in sorted(texts.items()):
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation>{escape(text)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"
