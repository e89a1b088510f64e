; Inno Setup script: the Windows installer for the one-folder bundle (dist\gfdesk\).
; UNTESTED HERE (no Windows runner): written for Inno Setup 6; see packaging/README.md.
; Built by packaging/windows/build.ps1:  ISCC.exe /DAppVersion=0.1.0 packaging\windows\gfdesk.iss
; Installs per user by default (no admin prompt) or for all users when run elevated;
; registers the gfdesk: URL scheme so gfdesk:// links open the app.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "gfdesk"
#define Root "..\.."

[Setup]
; A fixed AppId: upgrades replace the installed version instead of adding another.
AppId={{6F0E3C2A-5B7D-4E8F-9A1B-2C3D4E5F6A7B}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The gfdesk developers
AppPublisherURL=https://gamerflick.io/
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=gfdesk-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\resources\appicon\gfdesk.ico
UninstallDisplayIcon={app}\gfdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The app may be running (tray): close it before files are replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "brazilianportuguese"; MessagesFile: "compiler:Languages\BrazilianPortuguese.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\gfdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\gfdesk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\gfdesk.exe"; Tasks: desktopicon

[Registry]
; gfdesk:// links (a conversation, a tournament, a call) start gfdesk with the link as
; its argument; a running gfdesk receives it through its single-instance socket.
; HKA is HKCU for a per-user install, HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\gfdesk"; ValueType: string; ValueName: ""; ValueData: "URL:gfdesk link"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\gfdesk"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\gfdesk\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\gfdesk.exe"",0"
Root: HKA; Subkey: "Software\Classes\gfdesk\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\gfdesk.exe"" ""%1"""

[Run]
Filename: "{app}\gfdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The autostart entry the app writes when the user asks for it (Settings).
Type: files; Name: "{userstartup}\gfdesk.lnk"
