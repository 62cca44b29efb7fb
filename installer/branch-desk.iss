; Inno Setup 6 script: the Windows installer of Branch Desk.
;
; Build on Windows, after the PyInstaller bundle (see docs/installing.md):
;   .venv\Scripts\pyinstaller --noconfirm --clean installer\branch-desk.spec
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\branch-desk.iss
; Output: dist\installer\BranchDesk-Setup-0.1.0.exe
;
; What it does:
;   * installs dist\branch-desk\ (branch-desk.exe for the desktop, branch-desk-cli.exe for
;     commands, and _internal\) into Program Files (or, chosen in the wizard, only for the
;     current user into %LOCALAPPDATA%\Programs);
;   * Start-menu entry, optional desktop icon, "Branch Desk" in Apps & features with an
;     uninstaller;
;   * upgrades in place: AppId below never changes, so a newer setup finds the old folder,
;     closes a running Branch Desk, replaces the program files and keeps the data.
; What it never touches: the office data. The program keeps its database, settings, logs and
; backups in %LOCALAPPDATA%\BranchDesk (platformdirs user_data_dir("BranchDesk")), outside
; {app}; the uninstaller removes only what this setup installed. The program upgrades its
; database itself on first start of a new version, after an automatic backup.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Branch Desk"
#define AppExe "branch-desk.exe"
#define AppPublisher "BPJS Ketenagakerjaan - Kantor Cabang Sulawesi"
; The Windows test run (scripts/test-windows) compresses faster; the shipped setup uses max.
#ifndef Compression
  #define Compression "lzma2/max"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\branch-desk"
#endif

[Setup]
; NEVER change AppId: it is how an upgrade recognises the installed program.
; (The doubled brace is Inno Setup's escape for a literal "{".)
AppId={{B2A083A3-B388-4332-A4A6-D6BD971FC2EE}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
UsePreviousPrivileges=yes
; For all users by default (IT staff); the wizard also offers "only for me" without admin rights.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
; Qt 6 runs on 64-bit Windows 10 and newer only.
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; A running Branch Desk is closed (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
SetupIconFile=icons\branch-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\dist\installer
OutputBaseFilename=BranchDesk-Setup-{#AppVersion}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
LanguageDetectionMethod=none
ShowLanguageDialog=no

[Languages]
; Indonesian first: the wizard, the uninstaller and their messages speak Bahasa Indonesia on
; every office PC, whatever language its Windows has (LanguageDetectionMethod=none below);
; /LANG=english on the command line gives the English wizard. The Indonesian messages are the
; project's own (installer\languages\Indonesian.isl, every key of Inno Setup 6.4's
; Default.isl; tests/windows checks none is missing).
Name: "indonesian"; MessagesFile: "languages\Indonesian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
indonesian.DataKept=Data kantor (basis data, pengaturan, cadangan dan log) tetap disimpan di %LOCALAPPDATA%\BranchDesk setiap pengguna Windows. Hapus folder itu sendiri hanya jika datanya tidak diperlukan lagi dan cadangannya sudah ada.
indonesian.CommandLine=Baris perintah Branch Desk
indonesian.ProgramComment=Program kantor cabang BPJS Ketenagakerjaan
english.DataKept=The office data (database, settings, backups and logs) was kept in %LOCALAPPDATA%\BranchDesk of each Windows user. Delete that folder yourself only if the data is no longer needed and a backup exists.
english.CommandLine=Branch Desk command line
english.ProgramComment=BPJS Ketenagakerjaan branch office program

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder: modules and DLLs the new version no longer
; ships must not linger. Only the program's own folder, never the data directory.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:ProgramComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon
; A console in the program folder for the commands (admins): `branch-desk-cli --help`.
; WorkingDir is {app}, so cmd finds branch-desk-cli.exe without a quoted path.
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k branch-desk-cli.exe --help"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only files the program itself may have written inside {app} (none are expected).
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
