<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/shell/help.py" line="+186"/>
        <source>Tentang Branch Desk</source>
        <translation>About Branch Desk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versi</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Program kantor cabang BPJS Ketenagakerjaan: kepesertaan, iuran, klaim, mitra dan sinkronisasi antarkantor tanpa jaringan.</source>
        <translation>The BPJS Ketenagakerjaan branch office program: membership, contributions, claims, partners and offline synchronisation between offices.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../ui/partners/forms.py" line="+223"/>
        <source>Perpanjangan PKS {0}</source>
        <translation>Renewal of PKS {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perjanjian kerja sama baru</source>
        <translation>New cooperation agreement</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Mitra</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nomor PKS &amp;mitra</source>
        <translation>&amp;Partner’s PKS number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Perihal</source>
        <translation>&amp;Subject</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tanggal tanda tangan</source>
        <translation>Date &amp;signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tem&amp;pat</source>
        <translation>Pl&amp;ace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIHAK KESATU</source>
        <translation>FIRST PARTY</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIHAK KEDUA</source>
        <translation>SECOND PARTY</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nama penanda tangan</source>
        <translation>Signatory name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dasar pengangkatan (SK)</source>
        <translation>Appointment basis (SK decree)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kosong: dari data mitra/kantor</source>
        <translation>empty: taken from the partner/office record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ruang lingkup</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Jumlah &amp;pekerja</source>
        <translation>Number of &amp;workers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Anggaran APBD</source>
        <translation>APBD &amp;budget</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Mulai berlaku</source>
        <translation>Valid &amp;from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Berakhir</source>
        <translation>&amp;Ends</translation>
    </message>
</context>
<context>
    <name>AgreementsReport</name>
    <message>
        <location filename="../../ui/partners/agreements_report.py" line="+34"/>
        <source> hari</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Perlu diperpanjang dalam</source>
        <translation>Due for renewal within</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} PKS perlu diperpanjang (per {1}); {2} PKS seluruhnya.</source>
        <translation>{0} PKS due for renewal (as of {1}); {2} PKS in total.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PKS &amp;&amp; perpanjangan</source>
        <translation>PKS &amp;&amp; renewals</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <location filename="../../ui/partners/document_tabs.py" line="+73"/>
        <source>PKS &amp;baru</source>
        <translation>&amp;New PKS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Perpanjang</source>
        <translation>&amp;Renew</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pratinjau &amp;&amp; &amp;cetak</source>
        <translation>Preview &amp;&amp; &amp;print</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>PKS {0}</source>
        <translation>PKS {0}</translation>
    </message>
</context>
<context>
    <name>AuditBrowser</name>
    <message>
        <location filename="../../ui/admin/audit_browser.py" line="+82"/>
        <source>nama, KPJ, NIK atau nomor</source>
        <translation>name, KPJ, NIK or number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periksa keutuhan log audit</source>
        <translation>Check audit log integrity</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+4"/>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>menampilkan {0} terbaru</source>
        <translation>showing the latest {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} entri</source>
        <translation>{0} entries</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>catatan</source>
        <translation>note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Memeriksa log audit…</source>
        <translation>Checking the audit log…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location line="-154"/>
        <source>tambah</source>
        <translation>add</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ubah</source>
        <translation>change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hapus</source>
        <translation>delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lihat NIK</source>
        <translation>view NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ekspor data pribadi</source>
        <translation>export personal data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gagal masuk</source>
        <translation>failed login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cadangan</source>
        <translation>backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pemulihan</source>
        <translation>restore</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../ui/admin/backup_panel.py" line="+43"/>
        <source>Cadangan basis data</source>
        <translation>Database backups</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> cadangan</source>
        <translation> backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cadangan terakhir</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan paling banyak</source>
        <translation>Keep at most</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cadangan otomatis dibuat sekali sehari saat program pertama kali dibuka. Simpan salinan juga di luar komputer ini.</source>
        <translation>An automatic backup is made once a day when the program is first opened. Keep a copy outside this computer as well.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} berkas di {1}</source>
        <translation>{0} files in {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>belum ada berkas cadangan</source>
        <translation>no backup files yet</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cadangan Branch Desk (*.db)</source>
        <translation>Branch Desk backup (*.db)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semua data saat ini akan diganti dengan isi cadangan
{0}.

Data yang dibuat setelah cadangan itu tidak ada lagi di basis data (basis data saat ini disimpan sebagai salinan pengaman). Setelah itu Anda harus masuk kembali. Lanjutkan?</source>
        <translation>All current data will be replaced with the contents of the backup
{0}.

Data created after that backup will no longer be in the database (the current database is kept as a safety copy). You will then have to log in again. Continue?</translation>
    </message>
</context>
<context>
    <name>BillsPanel</name>
    <message>
        <location filename="../../ui/contributions/bills.py" line="+37"/>
        <source>Belum dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tagih mundur sampai TMT</source>
        <translation>Bill back to the TMT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buat tagihan</source>
        <translation>Create bill</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mulai</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nomor SP2D / bukti transfer</source>
        <translation>SP2D number / transfer proof</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat pembayaran</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cetak tagihan + lampiran…</source>
        <translation>Print bill + attachment…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pratinjau &amp;&amp; cetak tagihan</source>
        <translation>Preview &amp;&amp; print bill</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cocokkan daftar mitra…</source>
        <translation>Match the partner’s list…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pilih mitra terlebih dahulu.</source>
        <translation>Choose a partner first.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Membuat tagihan</source>
        <translation>Creating the bill</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tagihan {0}: {1} pekerja, {2}.</source>
        <translation>Bill {0}: {1} workers, {2}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pilih tagihan yang dibayar.</source>
        <translation>Choose the bill that was paid.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mencatat pembayaran tagihan</source>
        <translation>Recording the bill payment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tagihan {0} lunas: {1} pekerja tercakup.</source>
        <translation>Bill {0} paid: {1} workers covered.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan tagihan</source>
        <translation>Save bill</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Daftar pekerja dari mitra</source>
        <translation>Worker list from the partner</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pilih tagihan yang akan dicetak.</source>
        <translation>Choose the bill to print.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tagihan {0}</source>
        <translation>Bill {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tagihan dan lampiran disimpan: {0}, {1}</source>
        <translation>Bill and attachment saved: {0}, {1}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cocok: {0} pekerja.</source>
        <translation>Match: {0} workers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ada di daftar mitra, tidak ada di tagihan: </source>
        <translation>On the partner’s list but not on the bill: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ada di tagihan, tidak ada di daftar mitra: </source>
        <translation>On the bill but not on the partner’s list: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baris dengan NIK tidak terbaca: </source>
        <translation>Rows with an unreadable NIK: </translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <location filename="../../ui/partners/document_tabs.py" line="+24"/>
        <source>kosong: jabatan kepala kantor</source>
        <translation>empty: the office head’s title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mitra (centang satu atau lebih)</source>
        <translation>&amp;Partners (tick one or more)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angka &amp;per tanggal</source>
        <translation>Figures &amp;as of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tanggal piagam</source>
        <translation>Certificate &amp;date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;empat</source>
        <translation>Pl&amp;ace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penanda ta&amp;ngan</source>
        <translation>Sig&amp;natory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jabatan penanda tangan</source>
        <translation>Signatory’s &amp;position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Terbitkan &amp;&amp; pratinjau</source>
        <translation>&amp;Issue &amp;&amp; preview</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pratinjau &amp;&amp; cetak &amp;ulang</source>
        <translation>Preview &amp;&amp; &amp;reprint</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Piagam yang sudah terbit</source>
        <translation>Certificates issued</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Piagam penghargaan ({0})</source>
        <translation>Certificate of appreciation ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Menerbitkan piagam</source>
        <translation>Issuing certificates</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Piagam {0}</source>
        <translation>Certificate {0}</translation>
    </message>
</context>
<context>
    <name>ClaimDeadline</name>
    <message>
        <location filename="../../ui/claims/deadline.py" line="+18"/>
        <source>terlambat {0} hari</source>
        <comment>satu</comment>
        <translation>{0} day late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terlambat {0} hari</source>
        <translation>{0} days late</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tepat waktu</source>
        <translation>on time</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lewat {0} hari</source>
        <comment>satu</comment>
        <translation>{0} day overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lewat {0} hari</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sisa {0} hari</source>
        <comment>satu</comment>
        <translation>{0} day left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sisa {0} hari</source>
        <translation>{0} days left</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Batas bayar BPJS: {0} ({1}) — {2}.</source>
        <translation>BPJS payment deadline: {0} ({1}) — {2}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kompensasi keterlambatan kepada peserta: {0}.</source>
        <translation>Late-payment compensation owed to the participant: {0}.</translation>
    </message>
</context>
<context>
    <name>ClaimDetail</name>
    <message>
        <location filename="../../ui/claims/detail.py" line="+43"/>
        <source>Ajukan</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifikasi</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat dibayar</source>
        <translation>Record as paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolak</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Semua dokumen diterima</source>
        <translation>All documents received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cetak &amp;tanda terima…</source>
        <translation>Print &amp;receipt…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cetak &amp;bukti bayar…</source>
        <translation>Print &amp;payment proof…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bukti bayar bila klaim sudah disetujui, selain itu tanda terima berkas</source>
        <translation>Payment proof once the claim is approved, otherwise the filing receipt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Ubah klaim…</source>
        <translation>&amp;Edit claim…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ubah data klaim yang masih draf atau diajukan</source>
        <translation>Edit a claim that is still a draft or submitted</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pilih klaim dari daftar.</source>
        <translation>Choose a claim from the list.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>(belum ada penerima)</source>
        <translation>(no recipient yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setujui pembayaran klaim {0}</source>
        <translation>Approve payment of claim {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat klaim {0} sudah dibayar</source>
        <translation>Record claim {0} as paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah: {0}</source>
        <translation>Amount: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penerima: {0}</source>
        <translation>Payee: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lanjutkan?</source>
        <translation>Continue?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alasan (wajib):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nomor referensi transfer:</source>
        <translation>Transfer reference number:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <location line="+6"/>
        <source>Transfer kembali</source>
        <translation>Transfer returned</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Referensi pengembalian transfer {0} dari bank:</source>
        <translation>Bank reference of the return of transfer {0}:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tanggal transfer kembali (HH/BB/TTTT):</source>
        <translation>Date the transfer came back (DD/MM/YYYY):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Konfirmasi</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tanda terima berkas {0}</source>
        <translation>Filing receipt {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bukti pembayaran {0}</source>
        <translation>Payment proof {0}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Memenuhi syarat</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak memenuhi syarat</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>terlambat</source>
        <translation>late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dasar:</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manfaat</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penerima</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peserta: &lt;b&gt;{0}&lt;/b&gt; (KPJ {1}, NIK {2})</source>
        <translation>Participant: &lt;b&gt;{0}&lt;/b&gt; (KPJ {1}, NIK {2})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kejadian: {0}</source>
        <translation>Event: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; diajukan {0}</source>
        <translation>; filed {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Belum dapat dilanjutkan:</source>
        <translation>Cannot go on yet:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alasan: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dibayar {0}, referensi {1}</source>
        <translation>Paid {0}, reference {1}</translation>
    </message>
</context>
<context>
    <name>ClaimQuestion</name>
    <message>
        <location filename="../../ui/claims/confirm.py" line="+39"/>
        <source>&amp;Kembali ke formulir</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perubahan pada klaim {0} belum disimpan.</source>
        <translation>The changes to claim {0} have not been saved.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan sekarang, buang perubahan, atau kembali ke formulir untuk melanjutkan? (Enter atau Esc: kembali ke formulir)</source>
        <translation>Save now, discard the changes, or go back to the form to continue? (Enter or Esc: back to the form)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Buang perubahan</source>
        <translation>&amp;Discard changes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kosongkan formulir?</source>
        <translation>Clear the form?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isian klaim baru ini belum disimpan dan akan hilang.</source>
        <translation>This new claim has not been saved; what was entered will be lost.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter atau Esc: kembali ke formulir.</source>
        <translation>Enter or Esc: back to the form.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K&amp;osongkan</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Klaim kembali ke draf</source>
        <translation>Claim back to draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan sebagai draf? Klaim harus diajukan lagi setelah lengkap.</source>
        <translation>Save it as a draft? The claim must be submitted again once it is complete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan sebagai &amp;draf</source>
        <translation>Save as &amp;draft</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <location filename="../../ui/claims/model.py" line="+25"/>
        <source>Nomor klaim</source>
        <translation>Claim number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tgl kejadian</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manfaat</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batas bayar BPJS</source>
        <translation>BPJS payment deadline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>tidak memenuhi syarat</source>
        <translation>not eligible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>terlambat</source>
        <translation>late</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <location filename="../../ui/claims/page.py" line="+51"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masih berjalan</source>
        <translation>Still open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lewat batas bayar BPJS</source>
        <translation>Past the BPJS payment deadline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nomor klaim, KPJ, NIK atau nama</source>
        <translation>Claim number, KPJ, NIK or name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catat klaim baru</source>
        <translation>Record a new claim</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Daftar klaim</source>
        <translation>Claim list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catat klaim</source>
        <translation>Record claim</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peran Anda tidak mencatat klaim</source>
        <translation>Your role does not record claims</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Ubah klaim {0}</source>
        <translation>Edit claim {0}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Klaim baru yang sedang dicatat (tab Catat klaim)</source>
        <translation>New claim being entered (Record claim tab)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Perubahan pada klaim {0}</source>
        <translation>Changes to claim {0}</translation>
    </message>
</context>
<context>
    <name>ClaimsRecapTab</name>
    <message>
        <location filename="../../ui/claims/recap_report.py" line="+39"/>
        <location line="+42"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Kabupaten/Kota</source>
        <translation>Regency/City</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total manfaat</source>
        <translation>Total benefits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total dibayar</source>
        <translation>Total paid</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Semua program</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>kode wilayah, mis. 73.09</source>
        <translation>region code, e.g. 73.09</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan xlsx</source>
        <translation>Save xlsx</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pratinjau &amp;&amp; cetak</source>
        <translation>Preview &amp;&amp; print</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Semua mitra</source>
        <translation>All partners</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Jumlah {0}</source>
        <translation>Total {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} klaim, total manfaat {1} (tanpa klaim ditolak), dibayar {2}</source>
        <translation>{0} claims, total benefits {1} (excluding rejected claims), paid {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} dibayar melewati batas BPJS ({1}), kompensasi kepada peserta {2}</source>
        <translation>{0} paid after the BPJS deadline ({1}), compensation owed to participants {2}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan rekap</source>
        <translation>Save summary</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Rekap klaim</source>
        <translation>Claims summary</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rekap Klaim</source>
        <translation>Claims summary</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <location filename="../../ui/participants/column_mapping.py" line="+22"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai kepesertaan</source>
        <translation>Membership start</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tentukan kolom daftar</source>
        <translation>Map the list&apos;s columns</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(tidak dipakai)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Pilih isian untuk setiap judul kolom berkas. NIK dan Nama wajib. Pilihan ini diingat untuk daftar berikutnya dari mitra ini.</source>
        <translation>Choose the field for each column heading of the file. NIK and Name are required. The choice is remembered for this partner&apos;s next list.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pakai kolom ini</source>
        <translation>Use these columns</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Isian {0} dipilih untuk lebih dari satu kolom.</source>
        <translation>Field {0} is chosen for more than one column.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih kolom untuk {0}.</source>
        <translation>Choose the column for {0}.</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../../ui/sync/review.py" line="+33"/>
        <source>Nilai yang kalah karena diubah bersamaan di dua kantor (konflik), dan perubahan data milik kantor ini oleh kantor lain (usulan: tidak diterapkan di kantor mana pun; Pulihkan menerapkannya sebagai perubahan kantor ini). Pulihkan nilai yang kalah atau pertahankan nilai sekarang.</source>
        <translation>Values that lost because two offices edited them at the same time (conflicts), and edits of this office&apos;s records by another office (proposals: applied at no office; Restore applies one as this office&apos;s own edit). Restore the losing value or keep the current one.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nilai kalah</source>
        <translation>Losing value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nilai sekarang</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pemenang</source>
        <translation>Winner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pulihkan nilai yang kalah</source>
        <translation>&amp;Restore the losing value</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pertahankan nilai &amp;sekarang</source>
        <translation>Keep the &amp;current value</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Usulan</source>
        <translation>Proposal</translation>
    </message>
</context>
<context>
    <name>ConstructionPanel</name>
    <message>
        <location filename="../../ui/contributions/construction.py" line="+29"/>
        <source>Nilai kontrak</source>
        <translation>Contract value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upah pekerja sebulan (diketahui)</source>
        <translation>Workers&apos; monthly wages (known)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>mis. Rp1.000.000.000</source>
        <translation>e.g. Rp1.000.000.000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hitung iuran</source>
        <translation>&amp;Compute contribution</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Bulan iuran</source>
        <translation>Contribution &amp;month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dasar perhitungan</source>
        <translation>&amp;Basis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jumlah (Rp)</source>
        <translation>&amp;Amount (Rp)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Isi jumlah nilai kontrak atau upah.</source>
        <translation>Enter the contract value or the wages.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Diskon {0}</source>
        <translation>Discount {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Jumlah {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Total {0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ContributionsPage</name>
    <message>
        <location filename="../../ui/contributions/page.py" line="+23"/>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagihan Pemda</source>
        <translation>Pemda bills</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jatuh tempo &amp;&amp; tunggakan</source>
        <translation>Due &amp;&amp; arrears</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jasa konstruksi</source>
        <translation>Construction</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pembayaran iuran yang belum disimpan (tab Pembayaran)</source>
        <translation>Contribution payment not saved (Payment tab)</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../ui/contributions/coverage_report.py" line="+59"/>
        <source>kode wilayah, mis. 73.09 (kosong: semua)</source>
        <translation>region code, e.g. 73.09 (empty: all)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ekspor xlsx…</source>
        <translation>Export xlsx…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Laporan Monev…</source>
        <translation>Monev report…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pratinjau &amp;&amp; cetak Monev</source>
        <translation>Preview &amp;&amp; print Monev</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+18"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+25"/>
        <source> dari target {0} ({1})</source>
        <translation> of target {0} ({1})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (target belum diisi)</source>
        <translation> (no target set)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}, {1}: {2} pekerja tercakup</source>
        <translation>{0}, {1}: {2} workers covered</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Disimpan: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Laporan Monev disimpan: {0} dan {1}</source>
        <translation>Monev report saved: {0} and {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Laporan Monev per {0}</source>
        <translation>Monev report as of {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cakupan</source>
        <translation>Coverage</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/dashboard/page.py" line="+76"/>
        <source>Peserta terdaftar</source>
        <translation>Registered participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta terlindungi (iuran bulan ini terbayar)</source>
        <translation>Protected participants (this month’s contribution paid)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cakupan terhadap target</source>
        <translation>Coverage against target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klaim dalam proses</source>
        <translation>Claims in progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klaim dibayar tahun ini</source>
        <translation>Claims paid this year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Santunan dibayar tahun ini</source>
        <translation>Benefits paid this year</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cakupan per kabupaten/kota</source>
        <translation>Coverage by regency/city</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terlindungi</source>
        <translation>Protected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cakupan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Klaim menunggu verifikasi atau persetujuan</source>
        <translation>Claims waiting for verification or approval</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nomor klaim</source>
        <translation>Claim number</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menunggu</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manfaat</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter atau klik dua kali: buka klaim di halaman Klaim</source>
        <translation>Enter or double-click: open the claim on the Claims page</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cakupan terhadap target {0}: {1} dari {2} pekerja</source>
        <translation>Coverage against target {0}: {1} of {2} workers</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Klaim menunggu verifikasi atau persetujuan: {0}</source>
        <translation>Claims waiting for verification or approval: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Persetujuan Anda</source>
        <translation>Your approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifikasi</source>
        <translation>Verification</translation>
    </message>
</context>
<context>
    <name>DigestTab</name>
    <message>
        <location filename="../../ui/sync/review.py" line="+94"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Di kantor ini</source>
        <translation>At this office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Di kantor mitra</source>
        <translation>At the partner office</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bandingkan dengan ringkasan dari berkas terakhir:</source>
        <translation>Compare with the summary from the latest file:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Belum ada kantor mitra yang dipercaya.</source>
        <translation>No partner office is trusted yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Belum ada berkas dari {0}.</source>
        <translation>No file from {0} yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✔ Data bersama SAMA dengan {0}.</source>
        <translation>✔ Shared data is the SAME as at {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✖ {0} tabel BERBEDA dengan {1} — tukar berkas lagi lalu bandingkan ulang.</source>
        <translation>✖ {0} tables DIFFER from {1} — exchange files again, then compare again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sama</source>
        <translation>same</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BEDA</source>
        <translation>DIFFERENT</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <location filename="../../ui/contributions/due.py" line="+37"/>
        <source>kode wilayah (kosong: semua)</source>
        <translation>region code (empty: all)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hanya yang menunggak</source>
        <translation>Only those in arrears</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0} bulan</source>
        <translation>{0} months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menunggak</source>
        <translation>In arrears</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} peserta perlu membayar; {1} menunggak.</source>
        <translation>{0} participants need to pay; {1} in arrears.</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <location filename="../../ui/sync/review.py" line="-88"/>
        <source>Peserta dengan NIK sama yang didaftarkan di dua kantor. Gabungkan ke salah satu: riwayat iuran, klaim dan ahli waris keduanya dipindahkan, tidak ada yang dihapus.</source>
        <translation>Participants with the same NIK registered at two offices. Merge into one of them: the contribution history, claims and heirs of both are moved over; nothing is deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peserta pertama</source>
        <translation>First participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta kedua</source>
        <translation>Second participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gabung ke peserta &amp;pertama</source>
        <translation>Merge into the &amp;first participant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gabung ke peserta &amp;kedua</source>
        <translation>Merge into the &amp;second participant</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../../ui/sync/page.py" line="+33"/>
        <source>Berkas sinkronisasi (*.bdsync);;Semua berkas (*)</source>
        <translation>Sync files (*.bdsync);;All files (*)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Ekspor berkas untuk kantor ini…</source>
        <translation>&amp;Export a file for this office…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Pilih berkas untuk diimpor…</source>
        <translation>&amp;Choose a file to import…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Terapkan impor</source>
        <translation>&amp;Apply import</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pilih berkas .bdsync: isinya diperiksa (tanda tangan, checksum, kantor tujuan) dan ditampilkan dulu sebelum diterapkan.</source>
        <translation>Choose a .bdsync file: its contents are checked (signature, checksum, destination office) and shown before they are applied.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan berkas &amp;identitas…</source>
        <translation>Save &amp;identity file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>P&amp;ercayai kantor dari berkas identitas…</source>
        <translation>&amp;Trust an office from its identity file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kirim</source>
        <translation>Send</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kantor tujuan:</source>
        <translation>Destination office:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terima</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Identitas dan kepercayaan</source>
        <translation>Identity and trust</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Kantor ini: {0} — sidik jari &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>This office: {0} — fingerprint &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Simpan berkas sinkronisasi</source>
        <translation>Save sync file</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} perubahan ditulis ke {1} untuk kantor {2} ({3:,} bita).</source>
        <translation>{0} changes written to {1} for office {2} ({3:,} bytes).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mengekspor perubahan…</source>
        <translation>Exporting changes…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih berkas sinkronisasi</source>
        <translation>Choose a sync file</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>DITOLAK: {0}</source>
        <translation>REFUSED: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Menerapkan perubahan…</source>
        <translation>Applying changes…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Simpan berkas identitas</source>
        <translation>Save identity file</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Identitas disimpan</source>
        <translation>Identity saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kirim berkas ini ke kantor mitra, lalu bacakan sidik jari lewat telepon:

{0}</source>
        <translation>Send this file to the partner office, then read the fingerprint out over the phone:

{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Berkas identitas kantor mitra</source>
        <translation>Partner office identity file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cocokkan sidik jari</source>
        <translation>Compare fingerprints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kantor {0} — {1}

Sidik jari: {2}

Apakah sama persis dengan yang dibacakan petugas kantor itu lewat telepon?</source>
        <translation>Office {0} — {1}

Fingerprint: {2}

Is it exactly the same as the one read out over the phone by that office’s officer?</translation>
    </message>
</context>
<context>
    <name>FactsForm</name>
    <message>
        <location filename="../../ui/claims/fact_fields.py" line="+10"/>
        <source>Perawatan saja</source>
        <translation>Medical treatment only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak mampu bekerja (STMB)</source>
        <translation>Temporarily unable to work (STMB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cacat sebagian</source>
        <translation>Partial disability</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Cacat total tetap</source>
        <translation>Total disability</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+19"/>
        <source>Meninggal dunia</source>
        <translation>Death</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Seluruh saldo</source>
        <translation>Full balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebagian 30% (perumahan)</source>
        <translation>Partial 30% (housing)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebagian 10% (lainnya)</source>
        <translation>Partial 10% (other)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiun hari tua</source>
        <translation>Old-age pension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiun cacat total tetap</source>
        <translation>Total permanent disability pension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiun janda/duda</source>
        <translation>Widow’s/widower’s pension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiun anak</source>
        <translation>Child’s pension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pensiun orang tua</source>
        <translation>Parent’s pension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usia pensiun, meninggal, cacat, lainnya</source>
        <translation>Pension age, death, disability, other</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Mengundurkan diri</source>
        <translation>Resignation</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Pemutusan hubungan kerja</source>
        <translation>Dismissal (PHK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— pilih alasan PHK —</source>
        <translation>— choose the PHK reason —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Efisiensi, tutup atau pailit</source>
        <translation>Efficiency, closure or bankruptcy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pelanggaran</source>
        <translation>Misconduct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan lain oleh pengusaha</source>
        <translation>Other reason given by the employer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pensiun</source>
        <translation>Retirement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKWT berakhir</source>
        <translation>Fixed-term contract (PKWT) ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— skala usaha —</source>
        <translation>— business size —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usaha besar/menengah</source>
        <translation>Large/medium business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usaha mikro/kecil</source>
        <translation>Micro/small business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>— bukan PMI —</source>
        <translation>— not a migrant worker —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sebelum bekerja</source>
        <translation>Before work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selama bekerja</source>
        <translation>During work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setelah bekerja</source>
        <translation>After work</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tidak ada</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Darat / sungai / danau</source>
        <translation>Land / river / lake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laut</source>
        <translation>Sea</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Udara</source>
        <translation>Air</translation>
    </message>
    <message>
        <location filename="../../ui/claims/facts.py" line="+64"/>
        <source>Rincian manfaat</source>
        <translation>Benefit details</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>D&amp;i luar lokasi kerja</source>
        <translation>Away from the wor&amp;kplace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecelakaan di luar lokasi kerja: surat tugas dan laporan polisi ditambahkan ke daftar dokumen</source>
        <translation>Accident away from the workplace: the assignment letter and the police report are added to the documents</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tidak dari tabel — isi persentase sendiri</source>
        <translation>Not in the table — enter the percentage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kosong: anatomis</source>
        <translation>empty: anatomic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kosongkan bila cacat dinilai dari tabel anatomis; isi persentase hilang fungsi bila cacat fungsi.</source>
        <translation>Leave empty when the disability is rated by the anatomic table; enter the percentage of function lost for a functional disability.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Pekerja Migran Indonesia: masa pelindungan saat kejadian; JKM selama bekerja Rp85 juta, sebelum atau setelah bekerja Rp42 juta; meninggal karena kecelakaan kerja selama bekerja Rp85 juta dari JKK (Permenaker 4/2023)</source>
        <translation>Indonesian migrant worker: the protection phase at the event; JKM during work Rp85 million, before or after work Rp42 million; a death from a work accident during work Rp85 million from JKK (Permenaker 4/2023)</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal dd-mm-yyyy; kosongkan selama belum ada.</source>
        <translation>Date as dd-mm-yyyy; leave empty while there is none yet.</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>Kosong: upah terdaftar {0} yang dipakai.</source>
        <translation>Empty: the registered wage {0} is used.</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>kosong = batas terbesar</source>
        <translation>empty = the most allowed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah pe&amp;rnah mengambil sebagian</source>
        <translation>Partial &amp;withdrawal already taken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JHT sebagian hanya dapat diambil satu kali (PP 46/2015 jo. PP 60/2015)</source>
        <translation>A partial JHT withdrawal can be taken only once (PP 46/2015 jo. PP 60/2015)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satu anak per baris: Nama;Jenjang (TK, SD, SMP, SMA, S1)</source>
        <translation>One child per line: Name;Level (TK, SD, SMP, SMA, S1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tanggal dokter menyatakan pekerja sembuh, cacat atau meninggal; laporan tahap II paling lambat 2×24 jam sesudahnya (Permenaker 5/2021 Pasal 19)</source>
        <translation>Date the doctor declared the worker recovered, disabled or dead; the stage II report is due within 2×24 hours of it (Permenaker 5/2021 Article 19)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Manfaat JKK khusus Pekerja Migran Indonesia (Permenaker 4/2023)</source>
        <translation>JKK benefits particular to Indonesian migrant workers (Permenaker 4/2023)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Upah sebulan</source>
        <translation>Monthly &amp;wage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Aki&amp;bat kecelakaan</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal &amp;laporan tahap I</source>
        <translation>Sta&amp;ge I report date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biaya peng&amp;obatan</source>
        <translation>&amp;Medical costs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alat bantu/re&amp;habilitasi</source>
        <translation>Reha&amp;bilitation aids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An&amp;gkutan</source>
        <translation>Tra&amp;nsport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Biaya angkuta&amp;n</source>
        <translation>Transport co&amp;st</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lama &amp;STMB (bulan)</source>
        <translation>&amp;Unable to work (STMB months)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jenis cacat (tab&amp;el)</source>
        <translation>Disabilit&amp;y (table)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pe&amp;rsentase cacat (%)</source>
        <translation>E&amp;xtent of disability (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hilang &amp;fungsi (%)</source>
        <translation>Funct&amp;ion loss (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis pengam&amp;bilan</source>
        <translation>Withdrawal &amp;kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Saldo JHT</source>
        <translation>JHT &amp;balance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah dimi&amp;nta</source>
        <translation>A&amp;mount requested</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rata-rata upah setahun</source>
        <translation>Average annual &amp;wage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akumulasi &amp;iuran JP</source>
        <translation>Accumulated JP contri&amp;butions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;nak penerima beasiswa</source>
        <translation>Childre&amp;n for the scholarship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;valuasi akhir dokter</source>
        <translation>Doctor&apos;s final e&amp;valuation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan tahap &amp;2</source>
        <translation>Stage-&amp;2 report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan be&amp;rhenti</source>
        <translation>&amp;Reason for leaving</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jenis ma&amp;nfaat JP</source>
        <translation>JP be&amp;nefit kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alasan P&amp;HK</source>
        <translation>P&amp;HK reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ska&amp;la usaha</source>
        <translation>Business si&amp;ze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masa PMI (&amp;3 masa)</source>
        <translation>Migrant phase (&amp;3 phases)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manfaat JKK Pekerja Migran (&amp;4): centang yang diajukan, isi biaya untuk penggantian biaya</source>
        <translation>Migrant worker JKK benefits (&amp;4): tick the ones claimed, type the cost of a reimbursed cost</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>{0}: tulis tanggal seperti 05-06-2025.</source>
        <translation>{0}: write a date such as 05-06-2025.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rincian manfaat {0}</source>
        <translation>{0} benefit details</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>{0}: nominal tidak boleh negatif.</source>
        <translation>{0}: the amount cannot be negative.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}: tulis angka persen, misalnya 35 atau 12,5.</source>
        <translation>{0}: enter a percentage, e.g. 35 or 12.5.</translation>
    </message>
    <message>
        <location line="+114"/>
        <location line="+69"/>
        <source>kosong = upah terdaftar</source>
        <translation>empty = registered wage</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Saldo JHT diisi perkiraan dari {0} bulan iuran JHT yang tercatat ({1}), belum termasuk hasil pengembangan. Cocokkan dengan saldo resmi; angka dapat diubah.</source>
        <translation>JHT balance estimated from {0} months of JHT contributions recorded ({1}), returns not included. Check it against the official balance; the figure can be changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saldo JHT tidak dapat diperkirakan: {0} Isi dari laporan saldo resmi.</source>
        <translation>The JHT balance cannot be estimated: {0} Enter it from the official balance statement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Akumulasi iuran JP dan rata-rata upah setahun diisi perkiraan dari {0} bulan iuran JP yang tercatat, tanpa hasil pengembangan dan tanpa indeksasi upah; angka dapat diubah.</source>
        <translation>Accumulated JP contributions and average annual wage estimated from {0} months of JP contributions recorded, without returns and without wage indexation; the figures can be changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Angka JP tidak dapat diperkirakan: {0} Isi dari data resmi.</source>
        <translation>The JP figures cannot be estimated: {0} Enter them from the official records.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/shell/first_start.py" line="+33"/>
        <source>Selamat datang di Branch Desk</source>
        <translation>Welcome to Branch Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis data ini masih kosong. Pilih salah satu:</source>
        <translation>This database is still empty. Choose one:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coba dengan data demo (Kantor Cabang Maros; pengguna admin / petugas / kepala, kata sandi lihat README: admin-demo, petugas-demo, kepala-demo)</source>
        <translation>Try it with demo data (Maros branch office; users admin / petugas / kepala, passwords in the README: admin-demo, petugas-demo, kepala-demo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Siapkan kantor baru</source>
        <translation>Set up a new office</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kode kantor</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin pertama</source>
        <translation>First admin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Siapkan kantor</source>
        <translation>Set up the office</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Membuat data demo…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/shell/help.py" line="-142"/>
        <source>Panduan pengguna</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cari di panduan… (Enter: berikutnya)</source>
        <translation>Search the guide… (Enter: next)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sebelumnya</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berikutnya</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{0} ditemukan</source>
        <translation>{0} found</translation>
    </message>
</context>
<context>
    <name>HubReport</name>
    <message>
        <location filename="../../ui/sync/hub_report.py" line="+33"/>
        <source>Cakupan per provinsi, kab/kota, cabang</source>
        <translation>Coverage by province, regency/city and branch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klaim dan manfaat per cabang dan program</source>
        <translation>Claims and benefits by branch and programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKS dan perpanjangan se-wilayah</source>
        <translation>Agreements (PKS) and renewals across the region</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ekspor &amp;xlsx…</source>
        <translation>Export &amp;xlsx…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ekspor &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Belum ada data dari kantor cabang: impor berkas mereka di halaman Sinkronisasi.</source>
        <translation>No data from branch offices yet: import their files on the Synchronisation page.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Wilayah</source>
        <translation>Region</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/shell/idle_lock.py" line="+128"/>
        <source>Program tidak ditutup karena ada isian yang belum disimpan. Buka kunci untuk menyimpan atau membuangnya.</source>
        <translation>The program was not closed because some input is not saved. Unlock to save or discard it.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/participants/import_dialog.py" line="+63"/>
        <source>Impor daftar peserta dari Pemda</source>
        <translation>Import a participant list from a Pemda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(lembar pertama yang berisi daftar)</source>
        <translation>(first sheet holding the list)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur kolom…</source>
        <translation>Map columns…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Berkas (xlsx, xls, CSV)</source>
        <translation>File (xlsx, xls, CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lembar</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitra pendana</source>
        <translation>Funding partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Periksa berkas dulu; belum ada yang disimpan.</source>
        <translation>Check the file first; nothing has been saved yet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Semua baris</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dengan catatan</source>
        <translation>With notes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah terdaftar</source>
        <translation>Already registered</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Periksa (tanpa menyimpan)</source>
        <translation>Check (without saving)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Simpan laporan kesalahan…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pilih daftar peserta</source>
        <translation>Choose a participant list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daftar peserta (*.xlsx *.xls *.csv);;Semua berkas (*)</source>
        <translation>Participant lists (*.xlsx *.xls *.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Membaca judul kolom…</source>
        <translation>Reading the column headings…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Lembar &apos;{0}&apos; tidak berisi judul kolom; pilih lembar lain.</source>
        <translation>Sheet &apos;{0}&apos; holds no column headings; choose another sheet.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Memeriksa berkas…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mengimpor peserta…</source>
        <translation>Importing participants…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>akan ditambahkan</source>
        <translation>to be added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ditambahkan</source>
        <translation>added</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}: {1} peserta baru {2}, {3} sudah terdaftar, {4} ditolak, {5} dengan catatan.</source>
        <translation>{0}: {1} new participants {2}, {3} already registered, {4} refused, {5} with notes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lembar &apos;{0}&apos;; kolom: {1}</source>
        <translation>Sheet &apos;{0}&apos;; columns: {1}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Baris {0}: {1}</source>
        <translation>Row {0}: {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Simpan laporan kesalahan</source>
        <translation>Save error report</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <location filename="../../ui/participants/import_rows.py" line="+41"/>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
</context>
<context>
    <name>IncompleteDialog</name>
    <message>
        <location filename="../../ui/participants/incomplete.py" line="+28"/>
        <source>desa/kelurahan</source>
        <translation>village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alamat</source>
        <translation>address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pekerjaan</source>
        <translation>occupation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Data peserta belum lengkap</source>
        <translation>Incomplete participant records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta aktif yang datanya belum lengkap ({0}). Enter: lengkapi; Simpan membuka peserta berikutnya.</source>
        <translation>Active participants whose records are incomplete ({0}). Enter: complete; Save opens the next participant.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Desa/Kel.</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum ada</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Lengkapi</source>
        <translation>&amp;Complete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Mandiri</source>
        <translation>Self-funded</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0}{1} peserta belum lengkap</source>
        <translation>{0}{1} incomplete participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Semua data peserta sudah lengkap.</source>
        <translation>All participant records are complete.</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <location filename="../../ui/claims/intake.py" line="+89"/>
        <source>NIK, KPJ atau nama peserta, lalu Enter</source>
        <translation>NIK, KPJ or participant name, then Enter</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bukan kecelakaan kerja</source>
        <translation>Not a work accident</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kecelakaan kerja / karena kerja</source>
        <translation>Work accident / work-related</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>C&amp;ari</source>
        <translation>Se&amp;arch</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Cari peserta</source>
        <translation>&amp;Find participant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Peserta</source>
        <translation>&amp;Participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jenis klaim</source>
        <translation>Claim &amp;type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tanggal kejadian</source>
        <translation>&amp;Event date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pen&amp;yebab</source>
        <translation>&amp;Cause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;mpat kejadian</source>
        <translation>Event p&amp;lace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keterangan</source>
        <translation>&amp;Remarks</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Dokumen diterima</source>
        <translation>&amp;Documents received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centang dokumen yang sudah diterima</source>
        <translation>Tick the documents received</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kelayakan dan manfaat</source>
        <translation>Eligibility and benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kelayakan, batas waktu dan manfaat, dihitung langsung dari isian</source>
        <translation>Eligibility, deadlines and benefit, computed from what is entered</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Simpan klaim (Ctrl+S)</source>
        <translation>Save claim (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Peserta tidak ditemukan.</source>
        <translation>Participant not found.</translation>
    </message>
    <message>
        <location filename="../../ui/claims/checklist.py" line="+63"/>
        <source>bila perlu</source>
        <translation>if needed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sudah diterima</source>
        <translation>Already received</translation>
    </message>
    <message>
        <location filename="../../ui/claims/intake.py" line="+43"/>
        <source>Manfaat dibayar kepada peserta sendiri; lengkapi bank dan nomor rekeningnya.</source>
        <translation>The benefit is paid to the participant; add their bank and account number.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diisi dari ahli waris yang terdaftar pada data peserta; periksa dengan surat keterangan ahli waris.</source>
        <translation>Filled in from the heirs registered with the participant; check against the heirs&apos; statement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peserta belum mencatat ahli waris; isi sesuai surat keterangan ahli waris.</source>
        <translation>The participant has no registered heirs; enter them from the heirs&apos; statement.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Pilih peserta untuk menghitung kelayakan dan manfaat.</source>
        <translation>Choose a participant to calculate eligibility and benefits.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Belum dapat dihitung</source>
        <translation>Cannot be calculated yet</translation>
    </message>
    <message>
        <location filename="../../ui/claims/preview.py" line="+27"/>
        <source>Memenuhi syarat</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tidak memenuhi syarat</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>terlambat</source>
        <translation>late</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Belum dapat diajukan</source>
        <translation>Cannot be submitted yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Urutan ahli waris</source>
        <translation>Order of heirs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/claims/intake.py" line="+40"/>
        <source>Isian Anda tetap di sini: salin yang perlu, tekan Batal, lalu buka Ubah klaim… lagi untuk memuat data terbaru.</source>
        <translation>What you typed is still here: copy what you need, press Cancel, then open Edit claim… again to load the latest data.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;Ubah klaim {0}&lt;/b&gt; — status {1}; peserta dan jenis klaim tidak dapat diubah.</source>
        <translation>&lt;b&gt;Edit claim {0}&lt;/b&gt; — status {1}; the participant and the claim type cannot be changed.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Simpan perubahan (Ctrl+S)</source>
        <translation>Save changes (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <location filename="../../ui/shell/lock_overlay.py" line="+58"/>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location line="-37"/>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Masukkan kata sandi {0} untuk melanjutkan. Formulir yang terbuka tetap seperti semula.</source>
        <translation>Enter the password of {0} to continue. Open forms stay as they were.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/shell/login.py" line="+37"/>
        <source>Masuk — Branch Desk</source>
        <translation>Log in — Branch Desk</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Masuk</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Admin mengatur ulang kata sandi Anda. Buat kata sandi baru (minimal 8 karakter) lalu tekan Masuk.</source>
        <translation>An admin reset your password. Choose a new password (at least 8 characters), then press Log in.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+45"/>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitra &amp; Dokumen</source>
        <translation>Partners &amp; Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sinkronisasi</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Kantor: {0} ({1})</source>
        <translation>Office: {0} ({1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pengguna: {0} — {1}</source>
        <translation>User: {0} — {1}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keluar akun</source>
        <translation>&amp;Log out</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tutup program</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ban&amp;tuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Panduan pengguna</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pintasan &amp;keyboard</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tentang Branch Desk</source>
        <translation>&amp;About Branch Desk</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Buka halaman {0}</source>
        <translation>Open the {0} page</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Panduan pengguna</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tutup program</source>
        <translation>Quit the program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka data yang dipilih di daftar</source>
        <translation>Open the record selected in the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutup jendela atau batalkan isian</source>
        <translation>Close the window or cancel the form</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <location filename="../../ui/widgets/formatting.py" line="+93"/>
        <source>Nominal &apos;{0}&apos; tidak dikenali; tulis rupiah utuh seperti {1} atau {2}.</source>
        <translation>Amount &apos;{0}&apos; is not recognised; write whole rupiah like {1} or {2}.</translation>
    </message>
</context>
<context>
    <name>NoSyncPermission</name>
    <message>
        <location filename="../../ui/sync/page.py" line="+59"/>
        <source>Sinkronisasi antarkantor dijalankan oleh admin kantor. Peran Anda tidak berwenang menjalankan sinkronisasi.</source>
        <translation>Synchronisation between offices is run by the office admin. Your role is not allowed to run synchronisation.</translation>
    </message>
</context>
<context>
    <name>PageShortcuts</name>
    <message>
        <location filename="../../ui/shell/shortcuts.py" line="+22"/>
        <source>&amp;Baru</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Halaman ini tidak punya data baru untuk dibuat.</source>
        <translation>This page has nothing new to create.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cari</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Halaman ini tidak punya kolom pencarian.</source>
        <translation>This page has no search field.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ce&amp;tak</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Halaman ini tidak punya dokumen untuk dicetak.</source>
        <translation>This page has no document to print.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Ha&amp;laman</source>
        <translation>&amp;Pages</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailDialog</name>
    <message>
        <location filename="../../ui/participants/detail.py" line="+84"/>
        <source>Tampilkan NIK lengkap</source>
        <translation>Show full NIK</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Peserta {0}</source>
        <translation>Participant {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+27"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+26"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>belum diisi</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>No. HP</source>
        <translation>Mobile no.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber dana</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penghasilan/upah</source>
        <translation>Income/wage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai kepesertaan (TMT)</source>
        <translation>Membership start (TMT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alasan status</source>
        <translation>Status reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data pribadi</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Mulai</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Berakhir</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>berjalan</source>
        <translation>ongoing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+7"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Dibayar</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Belum ada pembayaran iuran.</source>
        <translation>No contributions paid yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Riwayat iuran</source>
        <translation>Contribution history</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tanggal kejadian</source>
        <translation>Event date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Belum ada klaim.</source>
        <translation>No claims yet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+5"/>
        <source>Berlaku &amp;mulai</source>
        <translation>Effective &amp;from</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Aktifkan kembali peserta</source>
        <translation>Reactivate participant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peserta nonaktif sejak tanggal meninggal; program berakhir pada tanggal itu.</source>
        <translation>The participant is inactive from the date of death; the programmes end on that date.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat peserta meninggal dunia</source>
        <translation>Record the participant&apos;s death</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal &amp;meninggal</source>
        <translation>Date of &amp;death</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+12"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>&amp;Ubah data…</source>
        <translation>&amp;Edit data…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Koreksi NIK…</source>
        <translation>&amp;Correct NIK…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Nonaktifkan…</source>
        <translation>&amp;Deactivate…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Aktifkan kembali…</source>
        <translation>&amp;Reactivate…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Catat &amp;meninggal…</source>
        <translation>Record &amp;death…</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Alasan: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>NIK sekarang: {0}. Tanggal lahir dan jenis kelamin yang terbaca dari NIK ikut NIK baru.</source>
        <translation>Current NIK: {0}. A date of birth and sex read from the NIK follow the new NIK.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Koreksi NIK</source>
        <translation>Correct NIK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nonaktifkan peserta</source>
        <translation>Deactivate participant</translation>
    </message>
</context>
<context>
    <name>ParticipantEditForm</name>
    <message>
        <location filename="../../ui/participants/edit_form.py" line="+71"/>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rupiah per bulan, mis. 1500000</source>
        <translation>Rupiah per month, e.g. 1500000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mandiri (dibayar sendiri)</source>
        <translation>Self-funded (paid by the participant)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Na&amp;ma lengkap *</source>
        <translation>Full na&amp;me *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/&amp;kelurahan *</source>
        <translation>&amp;Village *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pekerjaan</source>
        <translation>&amp;Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. &amp;HP</source>
        <translation>&amp;Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penghasilan/&amp;upah</source>
        <translation>Income/&amp;wage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal &amp;lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jenis kelamin</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mitra pen&amp;dana</source>
        <translation>Fun&amp;ding partner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ubah data peserta {0}</source>
        <translation>Edit participant {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; — KPJ {1} — NIK {2}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — KPJ {1} — NIK {2}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Penghasilan &apos;{0}&apos; tidak dikenali; tulis rupiah utuh seperti 1500000.</source>
        <translation>Income &apos;{0}&apos; not understood; write whole rupiah such as 1500000.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Ubah data {0}</source>
        <translation>Edit data of {0}</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <location filename="../../ui/participants/form.py" line="+70"/>
        <location line="+233"/>
        <source>Peserta baru</source>
        <translation>New participant</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>16 digit sesuai KTP</source>
        <translation>16 digits as on the KTP</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mandiri (dibayar sendiri)</source>
        <translation>Self-funded (paid by the participant)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rupiah per bulan; kosong = Rp1.000.000 (BPU)</source>
        <translation>Rupiah per month; empty = Rp1,000,000 (BPU)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nama ahli waris</source>
        <translation>Heir’s name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK (boleh kosong)</source>
        <translation>NIK (may be empty)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tambah ahli wa&amp;ris</source>
        <translation>Add &amp;heir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;NIK *</source>
        <translation>&amp;NIK *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Na&amp;ma lengkap *</source>
        <translation>Full na&amp;me *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal &amp;lahir</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jenis kelamin</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;gmen</source>
        <translation>Se&amp;gment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pekerjaan</source>
        <translation>&amp;Occupation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sumber &amp;dana</source>
        <translation>Source of &amp;funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penghasilan/&amp;upah</source>
        <translation>Income/&amp;wage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa/&amp;kelurahan *</source>
        <translation>&amp;Village *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No. &amp;HP</source>
        <translation>&amp;Mobile no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai kepesertaan (&amp;TMT)</source>
        <translation>Membership start (&amp;TMT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ahli &amp;waris</source>
        <translation>&amp;Heirs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+165"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>{0} dari 16 digit</source>
        <translation>{0} of 16 digits</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Lahir {0}, {1}; terdaftar di Kec. {2}</source>
        <translation>Born {0}, {1}; registered in Kec. {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>laki-laki</source>
        <translation>male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>perempuan</source>
        <translation>female</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tidak cocok dengan NIK: </source>
        <translation>Does not match the NIK: </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Penghasilan: {0}</source>
        <translation>Income: {0}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Peserta baru {0}</source>
        <translation>New participant {0}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kemungkinan peserta yang sama</source>
        <translation>Possibly the same participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data berikut mirip dengan peserta yang akan didaftarkan:

{0}

Simpan hanya bila memang orang yang berbeda.</source>
        <translation>The following records resemble the participant being registered:

{0}

Save only if this really is a different person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tetap simpan</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>NIK sudah terdaftar</source>
        <translation>NIK already registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Buka data peserta</source>
        <translation>Open the participant record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ParticipantListModel</name>
    <message>
        <location filename="../../ui/participants/list_model.py" line="+31"/>
        <source>L</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Mandiri</source>
        <translation>Self-funded</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <location filename="../../ui/participants/page.py" line="+68"/>
        <source>Cari NIK, KPJ atau nama…</source>
        <translation>Search NIK, KPJ or name…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Semua segmen</source>
        <translation>All segments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Semua program</source>
        <translation>All programmes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Semua mitra</source>
        <translation>All partners</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kode desa/kec.</source>
        <translation>Region code</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Peserta baru</source>
        <translation>New participant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Impor daftar Pemda…</source>
        <translation>Import Pemda list…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ekspor xlsx…</source>
        <translation>Export xlsx…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Belum lengkap…</source>
        <translation>Incomplete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peserta aktif (mitra/desa yang dipilih) yang belum punya desa, alamat atau pekerjaan: dilengkapi satu per satu</source>
        <translation>Active participants (of the chosen partner/village) without a village, address or occupation: completed one by one</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cetak kartu…</source>
        <translation>Print cards…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pratinjau &amp;&amp; cetak kartu</source>
        <translation>Preview &amp;&amp; print cards</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kartu peserta yang dipilih (Ctrl+P), atau semua peserta di daftar bila tidak ada yang dipilih</source>
        <translation>Cards of the selected participant (Ctrl+P), or of everyone in the list when nobody is selected</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>{0}{1} peserta</source>
        <translation>{0}{1} participants</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Kartu peserta KPJ {0}</source>
        <translation>Participant card KPJ {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Menyiapkan kartu…</source>
        <translation>Preparing cards…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Kartu peserta</source>
        <translation>Participant cards</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Ekspor peserta</source>
        <translation>Export participants</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{0} peserta diekspor</source>
        <translation>{0} participants exported</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Simpan kartu peserta</source>
        <translation>Save participant cards</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mencetak kartu…</source>
        <translation>Printing cards…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>{0} kartu dicetak</source>
        <translation>{0} cards printed</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../../ui/partners/forms.py" line="-162"/>
        <source>Ubah mitra</source>
        <translation>Edit partner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mitra baru</source>
        <translation>New partner</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mis. 73.09</source>
        <translation>e.g. 73.09</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode &amp;wilayah</source>
        <translation>&amp;Region code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama &amp;pimpinan</source>
        <translation>&amp;Head’s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jabatan pimpinan</source>
        <translation>Head’s &amp;title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Surel</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narahu&amp;bung</source>
        <translation>Contact &amp;person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NP&amp;WP</source>
        <translation>NP&amp;WP</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+7"/>
        <source>Belum diisi</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;Industri (pemberi kerja)</source>
        <translation>&amp;Industry (employer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ju&amp;mlah pekerja (pemberi kerja)</source>
        <translation>Nu&amp;mber of workers (employer)</translation>
    </message>
</context>
<context>
    <name>PartnerOverviewWidget</name>
    <message>
        <location filename="../../ui/partners/partner_tab.py" line="+41"/>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Perjanjian kerja sama</source>
        <translation>Cooperation agreements</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tagihan</source>
        <translation>Bills</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Klaim</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Piagam penghargaan</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Pilih mitra di daftar.</source>
        <translation>Choose a partner in the list.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0} baris{1}</source>
        <translation>{0} rows{1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{0} baris{1}</source>
        <comment>satu</comment>
        <translation>{0} row{1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (ditampilkan {0})</source>
        <translation> ({0} shown)</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <location filename="../../ui/partners/page.py" line="+25"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perjanjian kerja sama (PKS)</source>
        <translation>Cooperation agreements (PKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Piagam penghargaan</source>
        <translation>Certificates of appreciation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifikasi dokumen</source>
        <translation>Document verification</translation>
    </message>
</context>
<context>
    <name>PartnersTab</name>
    <message>
        <location filename="../../ui/partners/partner_tab.py" line="+20"/>
        <source>Provinsi</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kabupaten</source>
        <translation>Regency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kota</source>
        <translation>City</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tambah mitra</source>
        <translation>&amp;Add partner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ubah</source>
        <translation>&amp;Edit</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <location filename="../../ui/contributions/payment_form.py" line="+72"/>
        <source>NIK (16 angka), KPJ (11 angka) atau nama</source>
        <translation>NIK (16 digits), KPJ (11 digits) or name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sebelum bekerja (5 bulan)</source>
        <translation>Before work (5 months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selama dan setelah bekerja (lama perjanjian kerja)</source>
        <translation>During and after work (length of the work agreement)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Iuran Pekerja Migran Indonesia (Permenaker 4/2023 Pasal 18): jumlah bulan = lama perjanjian kerja, 6, 12, 24 bulan atau lebih</source>
        <translation>Indonesian migrant worker&apos;s contribution (Permenaker 4/2023 Article 18): number of months = length of the work agreement, 6, 12, 24 months or more</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Simpan pembayaran</source>
        <translation>Save payment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cetak kwitansi…</source>
        <translation>Print receipt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kwitansi A5</source>
        <translation>Receipt A5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kwitansi A4</source>
        <translation>Receipt A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Pratinjau &amp;&amp; cetak kwitansi</source>
        <translation>&amp;Preview &amp;&amp; print receipt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kwitansi satu hari…</source>
        <translation>Receipts of one day…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Semua kwitansi dengan tanggal bayar di atas, sebagai satu dokumen cetak</source>
        <translation>Every receipt with the payment date above, as one document to print</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tahap iuran PMI</source>
        <translation>Migrant worker&apos;s phase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mulai bulan</source>
        <translation>From month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jumlah bulan</source>
        <translation>Number of months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Penyetor</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanggal bayar</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Iuran</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Riwayat iuran peserta</source>
        <translation>Participant’s contribution history</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>pembayaran iuran ini</source>
        <translation>this contribution payment</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Pilih peserta</source>
        <translation>Choose the participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beberapa peserta cocok dengan nama itu:</source>
        <translation>Several participants match that name:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tidak ada peserta dengan NIK, KPJ atau nama &quot;{0}&quot;.</source>
        <translation>No participant with the NIK, KPJ or name &quot;{0}&quot;.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0} — KPJ {1} — perlindungan: {2}</source>
        <translation>{0} — KPJ {1} — protection: {2}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Sudah dikurangi kredit {0}: kelebihan iuran bulan yang dibayar penuh sebelum diskon PP 50/2025.</source>
        <translation>Less a credit of {0}: the excess paid for months paid in full before the PP 50/2025 discount.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tersimpan: {0}, {1}</source>
        <translation>Saved: {0}, {1}</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+11"/>
        <source>Kwitansi {0}</source>
        <translation>Receipt {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Menyiapkan kwitansi…</source>
        <translation>Preparing the receipts…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Simpan kwitansi</source>
        <translation>Save receipt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kwitansi {0} disimpan: {1}</source>
        <translation>Receipt {0} saved: {1}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/widgets/pdf_preview.py" line="+75"/>
        <source>{0} halaman</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cetak…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lebar</source>
        <translation>Width</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Muat selebar jendela</source>
        <translation>Fit the window&apos;s width</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Halaman</source>
        <translation>Page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Muat satu halaman utuh</source>
        <translation>Fit one whole page</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perkecil (Ctrl+−)</source>
        <translation>Zoom out (Ctrl+−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perbesar (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Cetak {0}</source>
        <translation>Print {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gagal mencetak</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} halaman — {1} halaman dikirim ke printer</source>
        <translation>{0} pages — {1} pages sent to the printer</translation>
    </message>
</context>
<context>
    <name>PmiBenefitTable</name>
    <message>
        <location filename="../../ui/claims/pmi_benefit_table.py" line="+48"/>
        <source>Manfaat</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besaran</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Biaya</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Untuk kejadian {0}. {1}</source>
        <translation>For an event {0}. {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>s.d. {0}</source>
        <translation>up to {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tetap</source>
        <translation>fixed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Biaya yang dikeluarkan; dibayar paling banyak {0}</source>
        <translation>The cost incurred; at most {0} is paid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Santunan berjumlah tetap, tanpa biaya</source>
        <translation>A fixed amount, no cost</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Biaya {0} tidak terbaca: tulis jumlah rupiah, misalnya 900000.</source>
        <translation>The cost of {0} cannot be read: type an amount in rupiah, e.g. 900000.</translation>
    </message>
</context>
<context>
    <name>QuarantineTab</name>
    <message>
        <location filename="../../ui/sync/review.py" line="-32"/>
        <source>Perubahan dari kantor lain yang nilainya tidak dapat disimpan (terlalu panjang, karakter terlarang, tanggal atau jenis tidak sah). Perubahan ini tidak diterapkan; sisa berkas tetap diterapkan. Minta kantor asal memperbaiki datanya.</source>
        <translation>Changes from other offices whose values cannot be stored (too long, forbidden characters, invalid date or type). They are not applied; the rest of the file is. Ask the office of origin to correct its data.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kantor asal</source>
        <translation>Office of origin</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message>
        <location filename="../../ui/claims/recipients.py" line="+78"/>
        <source>Ahli &amp;waris / penerima dan rekening bank</source>
        <translation>&amp;Heirs / recipients and bank accounts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tambah ahli waris</source>
        <translation>Add heir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Alasan membayar ahli waris di luar urutan (PP 44/2015 Pasal 37)</source>
        <translation>Reason for paying heirs out of the legal order (PP 44/2015 Article 37)</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/shell/recovery_key.py" line="+49"/>
        <source>Kunci pemulihan kantor</source>
        <translation>Office recovery key</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Basis data kantor ini dienkripsi. Kuncinya tersimpan di komputer ini, jadi petugas tidak perlu mengetiknya. Untuk membuka basis data atau cadangannya di komputer lain (misalnya bila komputer ini rusak atau dicuri) diperlukan kunci pemulihan di bawah. Kunci ini hanya ditampilkan sekali: cetak lembarnya dan simpan di tempat terkunci, terpisah dari komputer.</source>
        <translation>This office&apos;s database is encrypted. Its key is kept on this computer, so officers never type it. To open the database or its backups on another computer (for example when this one breaks down or is stolen) you need the recovery key below. It is shown only once: print the sheet and keep it locked away, apart from the computer.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cetak lembar kunci pemulihan</source>
        <translation>Print the recovery key sheet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saya sudah menyimpan kunci pemulihan</source>
        <translation>I have stored the recovery key</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lanjut</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lembar kunci pemulihan</source>
        <translation>Recovery key sheet</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../../ui/shell/worker.py" line="+38"/>
        <source>Dibatalkan oleh pengguna; tidak ada data yang diubah.</source>
        <translation>Cancelled by the user; no data was changed.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="+57"/>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Identitas kantor (tampil pada dokumen)</source>
        <translation>Office identity (shown on documents)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simpan identitas kantor</source>
        <translation>Save office identity</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kode kantor</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama kepala kantor</source>
        <translation>Office head’s name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan kepala kantor</source>
        <translation>Office head’s title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+93"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>Gunakan berkas basis data lain…</source>
        <translation>Use another database file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lokasi saat ini</source>
        <translation>Current location</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bawaan saat mulai</source>
        <translation>Default at start</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+21"/>
        <source>Bahasa / Language</source>
        <translation>Bahasa / Language</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Bahasa tampilan berlaku setelah program dibuka lagi. Dokumen resmi dan laporan (PKS, piagam, tagihan, kuitansi, kartu, laporan Monev dan rekap klaim) tetap dalam bahasa Indonesia.</source>
        <translation>The display language applies after the program is opened again. Official papers and reports (PKS, certificates, bills, receipts, cards, the Monev report and the claims recap) stay in Indonesian.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bahasa tampilan disimpan. Tutup lalu buka lagi program untuk memakainya.
The display language is saved. Close and reopen the program to use it.</source>
        <translation>The display language is saved. Close and reopen the program to use it.
Bahasa tampilan disimpan. Tutup lalu buka lagi program untuk memakainya.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pengguna kantor</source>
        <translation>Office users</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kata sandi saya</source>
        <translation>My password</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kata sandi lama</source>
        <translation>Old password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi baru</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ulangi kata sandi baru</source>
        <translation>Repeat new password</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identitas kantor disimpan.</source>
        <translation>Office identity saved.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pilih berkas basis data</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data SQLite (*.db)</source>
        <translation>SQLite database (*.db)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Program akan memakai berkas ini saat dibuka lagi.</source>
        <translation>The program will use this file the next time it is opened.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Kedua kata sandi baru tidak sama.</source>
        <translation>The two new passwords do not match.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pemulihan selesai</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data dipulihkan dari {0}. Silakan masuk kembali.</source>
        <translation>Database restored from {0}. Please log in again.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shell/help.py" line="+29"/>
        <source>Pintasan keyboard</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tombol</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fungsi</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/participants/status_dialog.py" line="+39"/>
        <source>16 digit sesuai KTP</source>
        <translation>16 digits as on the KTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NIK &amp;baru</source>
        <translation>&amp;New NIK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minimal 5 huruf; disimpan di riwayat</source>
        <translation>at least 5 letters; kept in the history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync/page.py" line="-40"/>
        <source>Sinkronisasi antarkantor</source>
        <translation>Synchronisation between offices</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kirim &amp;&amp; terima</source>
        <translation>Send &amp;&amp; receive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK ganda</source>
        <translation>Duplicate NIKs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bandingkan data</source>
        <translation>Compare data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karantina</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Konflik ({0})</source>
        <translation>Conflicts ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Karantina ({0})</source>
        <translation>Quarantine ({0})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIK ganda ({0})</source>
        <translation>Duplicate NIKs ({0})</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/contributions/chart.py" line="+34"/>
        <source>Belum ada data</source>
        <translation>No data yet</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Target {0}</source>
        <translation>Target {0}</translation>
    </message>
</context>
<context>
    <name>UnsavedQuestion</name>
    <message>
        <location filename="../../ui/widgets/unsaved.py" line="+89"/>
        <source>&amp;Kembali ke formulir</source>
        <translation>&amp;Back to the form</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Isian berikut belum disimpan dan akan hilang bila Anda keluar akun:

{0}</source>
        <translation>The following input is not saved and will be lost if you log out:

{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Buang dan keluar akun</source>
        <translation>&amp;Discard and log out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Isian berikut belum disimpan dan akan hilang bila program ditutup:

{0}</source>
        <translation>The following input is not saved and will be lost if the program closes:

{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Buang dan tutup</source>
        <translation>&amp;Discard and close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ada isian yang belum disimpan</source>
        <translation>Some input is not saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kembali ke formulir untuk menyimpannya? (Enter atau Esc: kembali)</source>
        <translation>Go back to the forms to save it? (Enter or Esc: go back)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tutup formulir?</source>
        <translation>Close the form?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isian {0} belum disimpan dan akan hilang.</source>
        <translation>The input of {0} is not saved and will be lost.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter atau Esc: kembali ke formulir.</source>
        <translation>Enter or Esc: back to the form.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Buang isian</source>
        <translation>&amp;Discard input</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin/users_panel.py" line="+48"/>
        <source>Tambah pengguna…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atur ulang kata sandi…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Ubah peran…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama &amp;&amp; jabatan…</source>
        <translation>Name &amp;&amp; title…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>terkunci</source>
        <translation>locked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aktif, ganti kata sandi saat masuk</source>
        <translation>active, changes password at login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Aktifkan kembali</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pengguna kantor</source>
        <translation>Office users</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pengguna baru</source>
        <translation>New user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kata sandi awal (min. 8 karakter)</source>
        <translation>First password (at least 8 characters)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pengguna {0} ditambahkan.</source>
        <translation>User {0} added.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Akun {0} dibuka kuncinya.</source>
        <translation>Account {0} unlocked.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Atur ulang kata sandi {0}</source>
        <translation>Reset the password of {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kata sandi sementara (min. 8 karakter); {0} menggantinya saat masuk berikutnya</source>
        <translation>Temporary password (at least 8 characters); {0} changes it at the next login</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kata sandi {0} diatur ulang; ia harus menggantinya saat masuk berikutnya.</source>
        <translation>The password of {0} was reset; it must be changed at the next login.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Akun {0} diaktifkan kembali.</source>
        <translation>Account {0} reactivated.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Akun {0} dinonaktifkan.</source>
        <translation>Account {0} deactivated.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Peran {0}</source>
        <translation>Role of {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peran {0}: {1}.</source>
        <translation>Role of {0}: {1}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nama lengkap {0}</source>
        <translation>Full name of {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nama lengkap (tertulis pada kwitansi dan bukti bayar)</source>
        <translation>Full name (as written on receipts and payment statements)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jabatan {0}</source>
        <translation>Title of {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan, mis. Petugas Pelayanan</source>
        <translation>Title, e.g. Service Officer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nama dan jabatan {0} disimpan.</source>
        <translation>Name and title of {0} saved.</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../../ui/partners/document_tabs.py" line="+15"/>
        <source>Pindai kode QR ke sini atau ketik nomor dokumen</source>
        <translation>Scan the QR code here or type the document number</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Periksa</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verifikasi keaslian dokumen (PKS, piagam, kwitansi, kartu peserta)</source>
        <translation>Verify that a document is genuine (PKS, certificate, receipt, participant card)</translation>
    </message>
</context>
<context>
    <name>VillageField</name>
    <message>
        <location filename="../../ui/participants/village_field.py" line="+25"/>
        <source>Ketik nama desa/kelurahan…</source>
        <translation>Type the village name…</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/partners/forms.py" line="-83"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/shell/app.py" line="+53"/>
        <source>Anda telah keluar.</source>
        <translation>You have logged out.</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../../ui/contributions/bills.py" line="-168"/>
        <location filename="../../ui/contributions/payment_form.py" line="-288"/>
        <location filename="../../ui/partners/agreements_report.py" line="-49"/>
        <location filename="../../ui/partners/document_tabs.py" line="-189"/>
        <location line="+96"/>
        <location filename="../../ui/partners/partner_tab.py" line="-98"/>
        <location line="+7"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/participants/list_model.py" line="-69"/>
        <location filename="../../ui/partners/agreements_report.py" line="+0"/>
        <location filename="../../ui/partners/document_tabs.py" line="-95"/>
        <location line="+96"/>
        <source>Mitra</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contributions/payment_form.py" line="+1"/>
        <source>Masa iuran</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/partners/agreements_report.py" line="+2"/>
        <location filename="../../ui/partners/document_tabs.py" line="-94"/>
        <location line="+97"/>
        <location filename="../../ui/partners/partner_tab.py" line="-18"/>
        <location line="+7"/>
        <location line="+12"/>
        <source>Pekerja</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/contributions/payment_form.py" line="+0"/>
        <location filename="../../ui/partners/partner_tab.py" line="-11"/>
        <location line="+6"/>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/contributions/due.py" line="-42"/>
        <location filename="../../ui/participants/list_model.py" line="+1"/>
        <location filename="../../ui/partners/agreements_report.py" line="+1"/>
        <location filename="../../ui/partners/document_tabs.py" line="-96"/>
        <location filename="../../ui/partners/partner_tab.py" line="-19"/>
        <location line="+6"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terbit</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/contributions/payment_form.py" line="+1"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/contributions/due.py" line="-3"/>
        <location filename="../../ui/participants/list_model.py" line="-4"/>
        <location filename="../../ui/partners/partner_tab.py" line="-21"/>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <location filename="../../ui/contributions/coverage_report.py" line="-159"/>
        <location filename="../../ui/contributions/due.py" line="+0"/>
        <location filename="../../ui/participants/list_model.py" line="+1"/>
        <location filename="../../ui/partners/partner_tab.py" line="+0"/>
        <location line="+82"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/contributions/due.py" line="+1"/>
        <location filename="../../ui/participants/list_model.py" line="+1"/>
        <source>Desa/Kel.</source>
        <translation>Village</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jadwal</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunas s.d.</source>
        <translation>Paid up to</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <location filename="../../ui/contributions/payment_form.py" line="-2"/>
        <location filename="../../ui/partners/partner_tab.py" line="-63"/>
        <location line="+63"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penyetor</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../ui/partners/agreements_report.py" line="-2"/>
        <source>Berakhir</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sisa hari</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/partners/document_tabs.py" line="+0"/>
        <location filename="../../ui/partners/partner_tab.py" line="-74"/>
        <source>Anggaran</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diperpanjang dengan</source>
        <translation>Renewed by</translation>
    </message>
    <message>
        <location filename="../../ui/contributions/coverage_report.py" line="+0"/>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tercakup</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persentase</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <location filename="../../ui/participants/list_model.py" line="-2"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tgl. lahir</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/partners/partner_tab.py" line="-7"/>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../ui/partners/document_tabs.py" line="-4"/>
        <source>Nomor mitra</source>
        <translation>Partner number</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/partners/partner_tab.py" line="+5"/>
        <source>Ditandatangani</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berlaku</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Perpanjangan dari</source>
        <translation>Renewal of</translation>
    </message>
    <message>
        <location line="+93"/>
        <location filename="../../ui/partners/partner_tab.py" line="+19"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/partners/partner_tab.py" line="+1"/>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../ui/partners/partner_tab.py" line="+1"/>
        <source>Manfaat dibayar</source>
        <translation>Benefits paid</translation>
    </message>
    <message>
        <location filename="../../ui/partners/partner_tab.py" line="-26"/>
        <source>Sumber dana</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TMT</source>
        <translation>Start (TMT)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Berlaku s.d.</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bulan pertama</source>
        <translation>First month</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diajukan</source>
        <translation>Filed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_browser.py" line="+8"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/admin/users_panel.py" line="-170"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aksi</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_panel.py" line="+0"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jabatan</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <location filename="../../ui/sync/page.py" line="-242"/>
        <source>PRATINJAU — belum disimpan.</source>
        <translation>PREVIEW — not saved yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dari kantor {0}, berkas no. {1}.</source>
        <translation>From office {0}, file no. {1}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} baru, {1} diubah</source>
        <translation>{0} new, {1} changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usulan</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} kalah oleh {1}</source>
        <translation>{0} lost to {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} kasus NIK ganda perlu digabung (tab NIK ganda).</source>
        <translation>{0} duplicate-NIK cases need merging (Duplicate NIKs tab).</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <location filename="../../ui/partners/documents.py" line="+22"/>
        <source>Cetak ulang</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dokumen {0} sudah dicetak {1} kali.
Alasan cetak ulang:</source>
        <translation>Document {0} has already been printed {1} times.
Reason for the reprint:</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <location filename="../../ui/widgets/i18n_domain.py" line="+21"/>
        <source>Jaminan Kecelakaan Kerja</source>
        <translation>Work Accident Benefit (JKK)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jaminan Kematian</source>
        <translation>Death Benefit (JKM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jaminan Hari Tua</source>
        <translation>Old-Age Savings (JHT)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jaminan Pensiun</source>
        <translation>Pension Benefit (JP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jaminan Kehilangan Pekerjaan</source>
        <translation>Job Loss Benefit (JKP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beasiswa Pendidikan Anak</source>
        <translation>Children’s education scholarship</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverifikasi</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Belum terdaftar</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terbit</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lunas</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diperpanjang</source>
        <translation>Renewed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Berakhir</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kepala Cabang</source>
        <translation>Branch head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Penerima Upah</source>
        <translation>Wage earners (PU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bukan Penerima Upah</source>
        <translation>Non-wage earners (BPU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jasa Konstruksi</source>
        <translation>Construction services</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pekerja Migran Indonesia</source>
        <translation>Indonesian migrant workers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tingkat risiko sangat rendah</source>
        <translation>Very low risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingkat risiko rendah</source>
        <translation>Low risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingkat risiko sedang</source>
        <translation>Medium risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingkat risiko tinggi</source>
        <translation>High risk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tingkat risiko sangat tinggi</source>
        <translation>Very high risk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mandiri (dibayar peserta sendiri)</source>
        <translation>Self-funded (paid by the participant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APBD (Pemerintah Daerah)</source>
        <translation>APBD (regional government)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APBN (Pemerintah Pusat)</source>
        <translation>APBN (central government)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemberi kerja</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSR perusahaan</source>
        <translation>Company CSR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Industri makanan, minuman dan tembakau</source>
        <translation>Food, beverage and tobacco industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri tekstil dan pakaian jadi</source>
        <translation>Textile and apparel industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri kulit dan barang dari kulit</source>
        <translation>Leather and leather goods industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri alas kaki</source>
        <translation>Footwear industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri mainan anak</source>
        <translation>Children&apos;s toys industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri furnitur</source>
        <translation>Furniture industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industri/usaha lainnya</source>
        <translation>Other industry or business</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peserta</source>
        <translation>participant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>istri</source>
        <translation>wife</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suami</source>
        <translation>husband</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>anak</source>
        <translation>child</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ayah</source>
        <translation>father</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ibu</source>
        <translation>mother</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kakek</source>
        <translation>grandfather</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nenek</source>
        <translation>grandmother</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cucu</source>
        <translation>grandchild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saudara kandung</source>
        <translation>sibling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mertua</source>
        <translation>parent-in-law</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>penerima wasiat</source>
        <translation>person named in the will</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lainnya</source>
        <translation>other</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../ui/shell/errors.py" line="+23"/>
        <source>Tidak dapat diproses</source>
        <translation>Cannot be processed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Terjadi kesalahan tak terduga</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terjadi kesalahan tak terduga. Data yang sedang Anda isi tetap ada di formulir. Salin laporan di bawah dan kirimkan ke admin.</source>
        <translation>An unexpected error occurred. The data you were entering is still in the form. Copy the report below and send it to the admin.</translation>
    </message>
</context>
<context>
    <name>partner_kind</name>
    <message>
        <location filename="../../ui/partners/forms.py" line="-43"/>
        <source>Pemerintah Provinsi</source>
        <translation>Provincial government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemerintah Kabupaten</source>
        <translation>Regency government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemerintah Kota</source>
        <translation>City government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemerintah Desa</source>
        <translation>Village government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pemberi kerja</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisasi</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>recovery_key</name>
    <message>
        <location filename="../../ui/shell/recovery_key.py" line="+28"/>
        <source>Basis data dienkripsi</source>
        <translation>Database encrypted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basis data kantor kini terenkripsi. Cadangan yang dibuat sebelumnya ({0}) dan cadangan lama di folder cadangan juga dienkripsi dengan kunci yang sama.</source>
        <translation>The office database is now encrypted. The backup made just before ({0}) and the older backups in the backup folder are encrypted with the same key too.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../ui/sync/review.py" line="+114"/>
        <source>(kosong)</source>
        <translation>(empty)</translation>
    </message>
</context>
</TS>
