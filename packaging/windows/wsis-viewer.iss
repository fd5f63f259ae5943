; Inno Setup 6 script: installer around the PyInstaller one-folder build on Windows.
;
; NOT VERIFIED: written on Linux, where neither PyInstaller's Windows build nor Inno Setup can
; run. See packaging/windows/README.md for the exact commands to try on a Windows machine.
;
; Build (from the repository root, after the PyInstaller step has made dist\wsis-viewer\):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\wsis-viewer.iss
; AppVersion comes from the package metadata (see README.md), never typed in here.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (the README's command reads it from the package metadata)
#endif

#define AppName "WSIS Timeline Viewer"
#define AppExe "wsis-viewer.exe"
#define Root "..\.."

[Setup]
; A fixed GUID: Windows recognises upgrades of the same app by it. Never change it.
AppId={{6E0C7C1E-2B1A-4C52-9F3A-57A1D0B7E2C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=WSIS Timeline Viewer developers
DefaultDirName={autopf}\WSIS Timeline Viewer
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator rights needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=wsis-viewer-{#AppVersion}-windows-x86_64-setup
SetupIconFile={#Root}\packaging\icons\wsis-viewer.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile={#Root}\packaging\licenses\LICENSE-MIT.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no Simplified Chinese messages file in its default install; add the
; unofficial ChineseSimplified.isl here once it is vetted.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder, licences and README included (build.ps1 adds them).
Source: "{#Root}\dist\wsis-viewer\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
