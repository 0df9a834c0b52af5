; Inno Setup script: the Windows installer of the returns-inspection station.
;
; It packages the PyInstaller bundle dist\station\ (installer/station.spec), so the bundle must
; be built first, on Windows (PyInstaller does not cross-build). On a Windows machine with
; Python 3.11+ and Inno Setup 6.3 or later, from the top of the checkout:
;
;   python -m venv .venv
;   .venv\Scripts\python -m pip install --require-hashes --no-deps --only-binary=:all: -r requirements.lock
;   .venv\Scripts\python -m pip install --no-deps --no-build-isolation -e .
;   .venv\Scripts\pyside6-lrelease resources\i18n\station_en.ts -qm resources\i18n\station_en.qm
;   .venv\Scripts\pyside6-lrelease resources\i18n\station_zh_CN.ts -qm resources\i18n\station_zh_CN.qm
;   .venv\Scripts\python -m installer.build
;   ISCC installer\windows\station.iss
;
; The first two lines install exactly the packages of requirements.lock, the lock the Linux
; bundle and make test use (its entries for Windows are marked sys_platform == 'win32');
; installer.build refuses an environment that differs from it.
; The two pyside6-lrelease lines compile the translations (make does that on Linux; the .qm
; files are not in git), one per resources\i18n\*.ts: the spec refuses to build without them.
; ISCC is in the Inno Setup folder (usually "C:\Program Files (x86)\Inno Setup 6\ISCC.exe").
; The version defaults to 0.1.0; give the one from pyproject.toml with
;   ISCC /DAppVersion=0.2.0 installer\windows\station.iss
; The result is dist\returns-station-<version>-setup.exe. It installs silently with
;   returns-station-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /TASKS=desktopicon
;
; This file is UTF-8 without a BOM, which Inno Setup reads as such from 6.3 on.

#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed (x64compatible, UTF-8 script without a BOM)
#endif

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

; Paths below are relative to this file's folder.
#define Bundle "..\..\dist\station"
#if !FileExists(AddBackslash(SourcePath) + Bundle + "\station-window.exe")
  #error No dist\station\station-window.exe: build the bundle on Windows first (python -m installer.build)
#endif

; Per-machine settings and data. The station's own defaults are per Windows user
; (%LOCALAPPDATA%\returns-station, from platformdirs in station/config.py); a bench PC is shared
; by whoever works the shift, so the shortcuts point every user at one folder in ProgramData.
#define DataRoot "{commonappdata}\ReturnsStation"
; The shortcuts' arguments. Global options go before the command (station/cli.py build_parser).
; The quotes are doubled because Parameters: below is itself a quoted value.
#define RunArgs '--data-dir ""' + DataRoot + '\data"" --config ""' + DataRoot + '\station.toml"" run'

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed copy through it.
AppId={{164C75D8-89F1-4512-B64F-D84FA8DE8B6B}
AppName={cm:AppName}
AppVersion={#AppVersion}
; Set explicitly: AppName is a per-language message, not text the compiler can copy here.
VersionInfoDescription=Returns inspection station Setup
VersionInfoProductName=Returns inspection station
VersionInfoProductTextVersion={#AppVersion}
DefaultDirName={autopf}\Returns Station
; Shortcuts go straight into the Start menu's program list, without a folder to choose.
DisableProgramGroupPage=yes
UninstallDisplayName={cm:AppName}
UninstallDisplayIcon={app}\station-window.exe
; installer/icons has only an SVG; add SetupIconFile= once there is an .ico.
PrivilegesRequired=admin
; The bundle is built with x64 Python and holds x64 binaries only. x64compatible also admits
; Windows 11 on Arm, which runs x64 programs under emulation.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 supports Windows 10 1809 and later.
MinVersion=10.0.17763
WizardStyle=modern
; Show the language dialog only when the Windows display language matches none of [Languages].
ShowLanguageDialog=auto
OutputDir=..\..\dist
OutputBaseFilename=returns-station-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Until Inno Setup ships a Simplified Chinese translation with the compiler, fetch
; ChineseSimplified.isl from the translations page (https://jrsoftware.org/files/istrans/) into
; the Languages folder of Inno Setup. Without it the installer is built in English only.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.AppName=Returns inspection station
#ifdef HaveChinese
chinesesimplified.AppName=退货质检工作台
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole bundle: its file list changes from build to build, and a library
; left over from the previous version beside the new ones could be loaded instead of them.
; Program files only; the data in ProgramData is not touched.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; The database, photos, logs and backups go to ...\data; the settings file station.toml goes
; beside it. The installer creates no station.toml: its absence is what opens the first-run
; wizard (language, station id, central service, camera, printer, first admin), which writes it.
;
; Users get modify rights so that whoever is logged on at the bench can write the database,
; photos and settings; the folder's default ACL would leave one user's files read-only to the
; next. The price: every local user can read station.toml, including the central service's
; token (the station's chmod 600 on that file does not restrict Windows ACLs).
;
; uninsneveruninstall: uninstalling removes the program files only, never this folder. The
; evidence photos decide refunds and disputes; they must outlive any reinstall or removal.
; Delete C:\ProgramData\ReturnsStation by hand only once its data is archived elsewhere.
Name: "{#DataRoot}"; Permissions: users-modify; Flags: uninsneveruninstall
Name: "{#DataRoot}\data"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
; station-window.exe is the same program as station.exe without a console window. The command
; line (station.exe) uses the per-user defaults unless it gets the same options, e.g.
;   "C:\Program Files\Returns Station\station.exe" --data-dir C:\ProgramData\ReturnsStation\data
;       --config C:\ProgramData\ReturnsStation\station.toml users list
; or STATION_DATA_DIR and STATION_CONFIG set to those paths.
; WorkingDir: a folder the user can write to, rather than Program Files.
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\station-window.exe"; Parameters: "{#RunArgs}"; WorkingDir: "{#DataRoot}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\station-window.exe"; Parameters: "{#RunArgs}"; WorkingDir: "{#DataRoot}"; Tasks: desktopicon
