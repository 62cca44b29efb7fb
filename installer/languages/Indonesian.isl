; *** Inno Setup 6.4 — pesan Bahasa Indonesia untuk Branch Desk ***
;
; Terjemahan milik proyek Branch Desk (bukan unduhan): setiap kunci Default.isl Inno Setup
; 6.4 ada di sini; tests/windows memeriksa bahwa tidak ada yang terlewat.
; Istilah mengikuti Windows berbahasa Indonesia: "pasang", "copot pemasangan", "pintasan".
; Jangan menambah titik di akhir pesan yang aslinya tanpa titik: Inno Setup menambahkannya.

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=0

[Messages]

; *** Judul aplikasi
SetupAppTitle=Pemasangan
SetupWindowTitle=Pemasangan - %1
UninstallAppTitle=Copot Pemasangan
UninstallAppFullTitle=Copot Pemasangan %1

; *** Umum
InformationTitle=Informasi
ConfirmTitle=Konfirmasi
ErrorTitle=Galat

; *** SetupLdr
SetupLdrStartupMessage=Program ini akan memasang %1. Lanjutkan?
LdrCannotCreateTemp=Berkas sementara tidak dapat dibuat. Pemasangan dibatalkan
LdrCannotExecTemp=Berkas di folder sementara tidak dapat dijalankan. Pemasangan dibatalkan
HelpTextNote=

; *** Galat saat mulai
LastErrorMessage=%1.%n%nGalat %2: %3
SetupFileMissing=Berkas %1 tidak ada di folder pemasangan. Perbaiki masalahnya atau minta salinan baru program ini.
SetupFileCorrupt=Berkas pemasangan rusak. Minta salinan baru program ini.
SetupFileCorruptOrWrongVer=Berkas pemasangan rusak atau tidak cocok dengan versi pemasang ini. Perbaiki masalahnya atau minta salinan baru program ini.
InvalidParameter=Parameter baris perintah tidak sah:%n%n%1
SetupAlreadyRunning=Pemasangan sudah berjalan.
WindowsVersionNotSupported=Program ini tidak mendukung versi Windows di komputer ini.
WindowsServicePackRequired=Program ini memerlukan %1 Service Pack %2 atau yang lebih baru.
NotOnThisPlatform=Program ini tidak berjalan di %1.
OnlyOnThisPlatform=Program ini harus dijalankan di %1.
OnlyOnTheseArchitectures=Program ini hanya dapat dipasang pada Windows untuk arsitektur prosesor berikut:%n%n%1
WinVersionTooLowError=Program ini memerlukan %1 versi %2 atau yang lebih baru.
WinVersionTooHighError=Program ini tidak dapat dipasang pada %1 versi %2 atau yang lebih baru.
AdminPrivilegesRequired=Anda harus masuk sebagai administrator untuk memasang program ini.
PowerUserPrivilegesRequired=Anda harus masuk sebagai administrator atau anggota grup Power Users untuk memasang program ini.
SetupAppRunningError=Pemasang mendapati %1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.
UninstallAppRunningError=Pencopot mendapati %1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.

; *** Pertanyaan saat mulai
PrivilegesRequiredOverrideTitle=Pilih Cara Pemasangan
PrivilegesRequiredOverrideInstruction=Pilih cara pemasangan
PrivilegesRequiredOverrideText1=%1 dapat dipasang untuk semua pengguna (perlu hak administrator) atau hanya untuk Anda.
PrivilegesRequiredOverrideText2=%1 dapat dipasang hanya untuk Anda atau untuk semua pengguna (perlu hak administrator).
PrivilegesRequiredOverrideAllUsers=Pasang untuk &semua pengguna
PrivilegesRequiredOverrideAllUsersRecommended=Pasang untuk &semua pengguna (disarankan)
PrivilegesRequiredOverrideCurrentUser=Pasang hanya untuk &saya
PrivilegesRequiredOverrideCurrentUserRecommended=Pasang hanya untuk &saya (disarankan)

; *** Galat lain
ErrorCreatingDir=Pemasang tidak dapat membuat folder "%1"
ErrorTooManyFilesInDir=Berkas tidak dapat dibuat di folder "%1" karena folder itu berisi terlalu banyak berkas

; *** Pesan umum pemasang
ExitSetupTitle=Keluar dari Pemasangan
ExitSetupMessage=Pemasangan belum selesai. Jika keluar sekarang, program tidak akan terpasang.%n%nAnda dapat menjalankan pemasang lagi lain kali untuk menyelesaikannya.%n%nKeluar dari pemasangan?
AboutSetupMenuItem=&Tentang Pemasang...
AboutSetupTitle=Tentang Pemasang
AboutSetupMessage=%1 versi %2%n%3%n%nLaman %1:%n%4
AboutSetupNote=
TranslatorNote=Terjemahan Bahasa Indonesia: proyek Branch Desk

; *** Tombol
ButtonBack=< &Kembali
ButtonNext=&Lanjut >
ButtonInstall=&Pasang
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonYesToAll=Ya untuk &Semua
ButtonNo=&Tidak
ButtonNoToAll=T&idak untuk Semua
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ButtonWizardBrowse=T&elusuri...
ButtonNewFolder=&Buat Folder Baru

; *** Dialog "Pilih Bahasa"
SelectLanguageTitle=Pilih Bahasa Pemasangan
SelectLanguageLabel=Pilih bahasa yang dipakai selama pemasangan.

; *** Teks umum wizard
ClickNext=Klik Lanjut untuk meneruskan, atau Batal untuk keluar dari pemasangan.
BeveledLabel=
BrowseDialogTitle=Telusuri Folder
BrowseDialogLabel=Pilih sebuah folder dalam daftar di bawah, lalu klik OK.
NewFolderName=Folder Baru

; *** Halaman "Selamat Datang"
WelcomeLabel1=Selamat datang di Wizard Pemasangan [name]
WelcomeLabel2=Wizard ini akan memasang [name/ver] di komputer Anda.%n%nSebaiknya tutup semua aplikasi lain sebelum melanjutkan.

; *** Halaman "Kata Sandi"
WizardPassword=Kata Sandi
PasswordLabel1=Pemasangan ini dilindungi kata sandi.
PasswordLabel3=Masukkan kata sandi, lalu klik Lanjut. Huruf besar dan kecil dibedakan.
PasswordEditLabel=&Kata sandi:
IncorrectPassword=Kata sandi yang dimasukkan salah. Coba lagi.

; *** Halaman "Perjanjian Lisensi"
WizardLicense=Perjanjian Lisensi
LicenseLabel=Baca informasi penting berikut sebelum melanjutkan.
LicenseLabel3=Baca Perjanjian Lisensi berikut. Anda harus menyetujui ketentuannya sebelum melanjutkan pemasangan.
LicenseAccepted=Saya &menyetujui perjanjian ini
LicenseNotAccepted=Saya &tidak menyetujui perjanjian ini

; *** Halaman "Informasi"
WizardInfoBefore=Informasi
InfoBeforeLabel=Baca informasi penting berikut sebelum melanjutkan.
InfoBeforeClickLabel=Bila sudah siap melanjutkan pemasangan, klik Lanjut.
WizardInfoAfter=Informasi
InfoAfterLabel=Baca informasi penting berikut sebelum melanjutkan.
InfoAfterClickLabel=Bila sudah siap melanjutkan pemasangan, klik Lanjut.

; *** Halaman "Informasi Pengguna"
WizardUserInfo=Informasi Pengguna
UserInfoDesc=Masukkan informasi Anda.
UserInfoName=&Nama pengguna:
UserInfoOrg=&Organisasi:
UserInfoSerial=Nomor &seri:
UserInfoNameRequired=Nama harus diisi.

; *** Halaman "Pilih Lokasi Tujuan"
WizardSelectDir=Pilih Lokasi Tujuan
SelectDirDesc=Di mana [name] akan dipasang?
SelectDirLabel3=Pemasang akan memasang [name] ke folder berikut.
SelectDirBrowseLabel=Klik Lanjut untuk meneruskan. Untuk memilih folder lain, klik Telusuri.
DiskSpaceGBLabel=Diperlukan ruang kosong sedikitnya [gb] GB.
DiskSpaceMBLabel=Diperlukan ruang kosong sedikitnya [mb] MB.
CannotInstallToNetworkDrive=Pemasang tidak dapat memasang ke drive jaringan.
CannotInstallToUNCPath=Pemasang tidak dapat memasang ke jalur UNC.
InvalidPath=Masukkan jalur lengkap dengan huruf drive, misalnya:%n%nC:\APP%n%natau jalur UNC dengan bentuk:%n%n\\server\share
InvalidDrive=Drive atau share UNC yang dipilih tidak ada atau tidak dapat diakses. Pilih yang lain.
DiskSpaceWarningTitle=Ruang Disk Tidak Cukup
DiskSpaceWarning=Pemasangan memerlukan ruang kosong sedikitnya %1 KB, tetapi drive yang dipilih hanya memiliki %2 KB.%n%nTetap lanjutkan?
DirNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidDirName=Nama folder tidak sah.
BadDirName32=Nama folder tidak boleh memuat karakter berikut:%n%n%1
DirExistsTitle=Folder Sudah Ada
DirExists=Folder:%n%n%1%n%nsudah ada. Tetap pasang ke folder itu?
DirDoesntExistTitle=Folder Tidak Ada
DirDoesntExist=Folder:%n%n%1%n%ntidak ada. Buat folder itu?

; *** Halaman "Pilih Komponen"
WizardSelectComponents=Pilih Komponen
SelectComponentsDesc=Komponen mana yang akan dipasang?
SelectComponentsLabel2=Centang komponen yang ingin dipasang dan hapus centang yang tidak. Klik Lanjut bila sudah siap.
FullInstallation=Pemasangan lengkap
CompactInstallation=Pemasangan ringkas
CustomInstallation=Pemasangan pilihan
NoUninstallWarningTitle=Komponen Sudah Ada
NoUninstallWarning=Pemasang mendapati komponen berikut sudah terpasang di komputer ini:%n%n%1%n%nMenghapus centangnya tidak akan mencopot komponen itu.%n%nTetap lanjutkan?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Pilihan ini memerlukan ruang disk sedikitnya [gb] GB.
ComponentsDiskSpaceMBLabel=Pilihan ini memerlukan ruang disk sedikitnya [mb] MB.

; *** Halaman "Pilih Tugas Tambahan"
WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa yang akan dijalankan?
SelectTasksLabel2=Pilih tugas tambahan yang dijalankan pemasang saat memasang [name], lalu klik Lanjut.

; *** Halaman "Pilih Folder Menu Start"
WizardSelectProgramGroup=Pilih Folder Menu Start
SelectStartMenuFolderDesc=Di mana pintasan program akan ditempatkan?
SelectStartMenuFolderLabel3=Pemasang akan membuat pintasan program di folder Menu Start berikut.
SelectStartMenuFolderBrowseLabel=Klik Lanjut untuk meneruskan. Untuk memilih folder lain, klik Telusuri.
MustEnterGroupName=Nama folder harus diisi.
GroupNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidGroupName=Nama folder tidak sah.
BadGroupName=Nama folder tidak boleh memuat karakter berikut:%n%n%1
NoProgramGroupCheck2=&Jangan buat folder Menu Start

; *** Halaman "Siap Memasang"
WizardReady=Siap Memasang
ReadyLabel1=Pemasang siap mulai memasang [name] di komputer Anda.
ReadyLabel2a=Klik Pasang untuk melanjutkan pemasangan, atau Kembali untuk meninjau atau mengubah pengaturan.
ReadyLabel2b=Klik Pasang untuk melanjutkan pemasangan.
ReadyMemoUserInfo=Informasi pengguna:
ReadyMemoDir=Lokasi tujuan:
ReadyMemoType=Jenis pemasangan:
ReadyMemoComponents=Komponen terpilih:
ReadyMemoGroup=Folder Menu Start:
ReadyMemoTasks=Tugas tambahan:

; *** Halaman unduhan (TDownloadWizardPage, DownloadTemporaryFile)
DownloadingLabel=Mengunduh berkas tambahan...
ButtonStopDownload=&Hentikan unduhan
StopDownload=Yakin ingin menghentikan unduhan?
ErrorDownloadAborted=Unduhan dibatalkan
ErrorDownloadFailed=Unduhan gagal: %1 %2
ErrorDownloadSizeFailed=Ukuran tidak dapat diperoleh: %1 %2
ErrorFileHash1=Hash berkas gagal dihitung: %1
ErrorFileHash2=Hash berkas tidak sah: seharusnya %1, ternyata %2
ErrorProgress=Kemajuan tidak sah: %1 dari %2
ErrorFileSize=Ukuran berkas tidak sah: seharusnya %1, ternyata %2

; *** Halaman ekstraksi (TExtractionWizardPage, Extract7ZipArchive)
ExtractionLabel=Mengekstrak berkas tambahan...
ButtonStopExtraction=&Hentikan ekstraksi
StopExtraction=Yakin ingin menghentikan ekstraksi?
ErrorExtractionAborted=Ekstraksi dibatalkan
ErrorExtractionFailed=Ekstraksi gagal: %1

; *** Halaman "Bersiap Memasang"
WizardPreparing=Bersiap Memasang
PreparingDesc=Pemasang sedang bersiap memasang [name] di komputer Anda.
PreviousInstallNotCompleted=Pemasangan atau pencopotan program sebelumnya belum selesai. Komputer perlu dihidupkan ulang untuk menyelesaikannya.%n%nSetelah komputer dihidupkan ulang, jalankan pemasang lagi untuk menyelesaikan pemasangan [name].
CannotContinue=Pemasangan tidak dapat dilanjutkan. Klik Batal untuk keluar.
ApplicationsFound=Aplikasi berikut memakai berkas yang perlu diperbarui pemasang. Sebaiknya izinkan pemasang menutup aplikasi ini secara otomatis.
ApplicationsFound2=Aplikasi berikut memakai berkas yang perlu diperbarui pemasang. Sebaiknya izinkan pemasang menutup aplikasi ini secara otomatis. Setelah pemasangan selesai, pemasang akan mencoba menjalankannya kembali.
CloseApplications=&Tutup aplikasi secara otomatis
DontCloseApplications=&Jangan tutup aplikasi
ErrorCloseApplications=Pemasang tidak dapat menutup semua aplikasi secara otomatis. Sebaiknya tutup sendiri semua aplikasi yang memakai berkas yang perlu diperbarui sebelum melanjutkan.
PrepareToInstallNeedsRestart=Pemasang harus menghidupkan ulang komputer. Setelah itu, jalankan pemasang lagi untuk menyelesaikan pemasangan [name].%n%nHidupkan ulang sekarang?

; *** Halaman "Memasang"
WizardInstalling=Memasang
InstallingLabel=Tunggu sebentar, pemasang sedang memasang [name] di komputer Anda.

; *** Halaman "Pemasangan Selesai"
FinishedHeadingLabel=Menyelesaikan Wizard Pemasangan [name]
FinishedLabelNoIcons=Pemasang telah selesai memasang [name] di komputer Anda.
FinishedLabel=Pemasang telah selesai memasang [name] di komputer Anda. Program dapat dibuka lewat pintasan yang dipasang.
ClickFinish=Klik Selesai untuk keluar dari pemasangan.
FinishedRestartLabel=Untuk menyelesaikan pemasangan [name], pemasang harus menghidupkan ulang komputer. Hidupkan ulang sekarang?
FinishedRestartMessage=Untuk menyelesaikan pemasangan [name], pemasang harus menghidupkan ulang komputer.%n%nHidupkan ulang sekarang?
ShowReadmeCheck=Ya, saya ingin membaca berkas README
YesRadio=&Ya, hidupkan ulang komputer sekarang
NoRadio=&Tidak, saya akan menghidupkan ulang nanti
RunEntryExec=Jalankan %1
RunEntryShellExec=Lihat %1

; *** "Pemasang Memerlukan Disk Berikutnya"
ChangeDiskTitle=Pemasang Memerlukan Disk Berikutnya
SelectDiskLabel2=Masukkan Disk %1 lalu klik OK.%n%nJika berkas di disk ini ada di folder lain daripada yang tampil di bawah, masukkan jalur yang benar atau klik Telusuri.
PathLabel=&Jalur:
FileNotInDir2=Berkas "%1" tidak ditemukan di "%2". Masukkan disk yang benar atau pilih folder lain.
SelectDirectoryLabel=Tentukan lokasi disk berikutnya.

; *** Tahap pemasangan
SetupAborted=Pemasangan tidak selesai.%n%nPerbaiki masalahnya lalu jalankan pemasang lagi.
AbortRetryIgnoreSelectAction=Pilih tindakan
AbortRetryIgnoreRetry=&Coba lagi
AbortRetryIgnoreIgnore=&Abaikan galat dan lanjutkan
AbortRetryIgnoreCancel=Batalkan pemasangan

; *** Status pemasangan
StatusClosingApplications=Menutup aplikasi...
StatusCreateDirs=Membuat folder...
StatusExtractFiles=Mengekstrak berkas...
StatusCreateIcons=Membuat pintasan...
StatusCreateIniEntries=Membuat entri INI...
StatusCreateRegistryEntries=Membuat entri registri...
StatusRegisterFiles=Mendaftarkan berkas...
StatusSavingUninstall=Menyimpan informasi pencopotan...
StatusRunProgram=Menyelesaikan pemasangan...
StatusRestartingApplications=Menjalankan kembali aplikasi...
StatusRollback=Membatalkan perubahan...

; *** Galat lain
ErrorInternal2=Galat internal: %1
ErrorFunctionFailedNoCode=%1 gagal
ErrorFunctionFailed=%1 gagal; kode %2
ErrorFunctionFailedWithMessage=%1 gagal; kode %2.%n%3
ErrorExecutingProgram=Berkas tidak dapat dijalankan:%n%1

; *** Galat registri
ErrorRegOpenKey=Galat saat membuka kunci registri:%n%1\%2
ErrorRegCreateKey=Galat saat membuat kunci registri:%n%1\%2
ErrorRegWriteKey=Galat saat menulis kunci registri:%n%1\%2

; *** Galat INI
ErrorIniEntry=Galat saat membuat entri INI di berkas "%1".

; *** Galat penyalinan berkas
FileAbortRetryIgnoreSkipNotRecommended=&Lewati berkas ini (tidak disarankan)
FileAbortRetryIgnoreIgnoreNotRecommended=&Abaikan galat dan lanjutkan (tidak disarankan)
SourceIsCorrupted=Berkas sumber rusak
SourceDoesntExist=Berkas sumber "%1" tidak ada
ExistingFileReadOnly2=Berkas yang ada tidak dapat diganti karena bertanda hanya-baca.
ExistingFileReadOnlyRetry=&Hapus tanda hanya-baca lalu coba lagi
ExistingFileReadOnlyKeepExisting=&Pertahankan berkas yang ada
ErrorReadingExistingDest=Terjadi galat saat membaca berkas yang ada:
FileExistsSelectAction=Pilih tindakan
FileExists2=Berkas sudah ada.
FileExistsOverwriteExisting=&Timpa berkas yang ada
FileExistsKeepExisting=&Pertahankan berkas yang ada
FileExistsOverwriteOrKeepAll=&Lakukan ini untuk bentrokan berikutnya
ExistingFileNewerSelectAction=Pilih tindakan
ExistingFileNewer2=Berkas yang ada lebih baru daripada yang akan dipasang.
ExistingFileNewerOverwriteExisting=&Timpa berkas yang ada
ExistingFileNewerKeepExisting=&Pertahankan berkas yang ada (disarankan)
ExistingFileNewerOverwriteOrKeepAll=&Lakukan ini untuk bentrokan berikutnya
ErrorChangingAttr=Terjadi galat saat mengubah atribut berkas yang ada:
ErrorCreatingTemp=Terjadi galat saat membuat berkas di folder tujuan:
ErrorReadingSource=Terjadi galat saat membaca berkas sumber:
ErrorCopying=Terjadi galat saat menyalin berkas:
ErrorReplacingExistingFile=Terjadi galat saat mengganti berkas yang ada:
ErrorRestartReplace=RestartReplace gagal:
ErrorRenamingTemp=Terjadi galat saat mengganti nama berkas di folder tujuan:
ErrorRegisterServer=DLL/OCX tidak dapat didaftarkan: %1
ErrorRegSvr32Failed=RegSvr32 gagal dengan kode keluar %1
ErrorRegisterTypeLib=Pustaka tipe tidak dapat didaftarkan: %1

; *** Tanda nama di daftar aplikasi
UninstallDisplayNameMark=%1 (%2)
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32-bit
UninstallDisplayNameMark64Bit=64-bit
UninstallDisplayNameMarkAllUsers=Semua pengguna
UninstallDisplayNameMarkCurrentUser=Pengguna ini

; *** Galat setelah pemasangan
ErrorOpeningReadme=Terjadi galat saat membuka berkas README.
ErrorRestartingComputer=Pemasang tidak dapat menghidupkan ulang komputer. Lakukan sendiri.

; *** Pencopot
UninstallNotFound=Berkas "%1" tidak ada. Pencopotan tidak dapat dilakukan.
UninstallOpenError=Berkas "%1" tidak dapat dibuka. Pencopotan tidak dapat dilakukan
UninstallUnsupportedVer=Format berkas log pencopotan "%1" tidak dikenali pencopot versi ini. Pencopotan tidak dapat dilakukan
UninstallUnknownEntry=Ada entri yang tidak dikenal (%1) di log pencopotan
ConfirmUninstall=Yakin ingin mencopot %1 beserta semua komponennya?
UninstallOnlyOnWin64=Pemasangan ini hanya dapat dicopot pada Windows 64-bit.
OnlyAdminCanUninstall=Pemasangan ini hanya dapat dicopot oleh pengguna dengan hak administrator.
UninstallStatusLabel=Tunggu sebentar, %1 sedang dicopot dari komputer Anda.
UninstalledAll=%1 telah berhasil dicopot dari komputer Anda.
UninstalledMost=Pencopotan %1 selesai.%n%nBeberapa bagian tidak dapat dihapus; hapus sendiri bila perlu.
UninstalledAndNeedsRestart=Untuk menyelesaikan pencopotan %1, komputer harus dihidupkan ulang.%n%nHidupkan ulang sekarang?
UninstallDataCorrupted=Berkas "%1" rusak. Pencopotan tidak dapat dilakukan

; *** Tahap pencopotan
ConfirmDeleteSharedFileTitle=Hapus Berkas Bersama?
ConfirmDeleteSharedFile2=Menurut sistem, berkas bersama berikut tidak lagi dipakai program mana pun. Hapus berkas bersama ini?%n%nJika masih ada program yang memakainya dan berkas ini dihapus, program itu mungkin tidak berjalan dengan benar. Jika ragu, pilih Tidak. Membiarkan berkas ini tidak merugikan sistem.
SharedFileNameLabel=Nama berkas:
SharedFileLocationLabel=Lokasi:
WizardUninstalling=Status Pencopotan
StatusUninstalling=Mencopot %1...

; *** Alasan penundaan matikan komputer
ShutdownBlockReasonInstallingApp=Memasang %1.
ShutdownBlockReasonUninstallingApp=Mencopot %1.

[CustomMessages]

NameAndVersion=%1 versi %2
AdditionalIcons=Pintasan tambahan:
CreateDesktopIcon=Buat pintasan di &desktop
CreateQuickLaunchIcon=Buat pintasan &Quick Launch
ProgramOnTheWeb=%1 di web
UninstallProgram=Copot %1
LaunchProgram=Buka %1
AssocFileExtension=&Kaitkan %1 dengan ekstensi berkas %2
AssocingFileExtension=Mengaitkan %1 dengan ekstensi berkas %2...
AutoStartProgramGroupDescription=Saat Windows mulai:
AutoStartProgram=Jalankan %1 secara otomatis
AddonHostProgramNotFound=%1 tidak ditemukan di folder yang dipilih.%n%nTetap lanjutkan?
