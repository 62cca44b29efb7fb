@echo off
rem Build the Windows bundle and its installer (run on Windows 10/11 x64, from the checkout):
rem   installer\build-windows.cmd
rem Needs: the virtual environment with the installer extra
rem   (py -3.13 -m venv .venv && .venv\Scripts\pip install -e .[installer]); Python 3.13 or newer:
rem   from 3.13 on Windows, the data folder made with mode 0700 gets an access list for its
rem   user only (config._make_private). scripts/test-windows builds the same way under Wine.
rem and Inno Setup 6 (ISCC.exe; set ISCC if it is not in the default folder).
rem Output: dist\branch-desk\ (the bundle) and dist\installer\BranchDesk-Setup-VERSION.exe
setlocal
cd /d "%~dp0.."
if not defined ISCC set "ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
for /f "usebackq delims=" %%v in (`.venv\Scripts\python -c "import branch_desk; print(branch_desk.__version__)"`) do set "VERSION=%%v"
if not defined VERSION (echo branch_desk tidak dapat diimpor dari .venv & exit /b 1)
if exist build\pyinstaller rmdir /s /q build\pyinstaller
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\branch-desk.spec || exit /b 1
dist\branch-desk\branch-desk-cli.exe --version || exit /b 1
"%ISCC%" /DAppVersion=%VERSION% installer\branch-desk.iss || exit /b 1
echo Selesai: dist\installer\BranchDesk-Setup-%VERSION%.exe
