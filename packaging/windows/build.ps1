# Build the Windows bundle and installer. UNTESTED HERE (no Windows runner); see
# packaging/README.md. Needs Python 3.11+ (python.org or winget) and Inno Setup 6.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Output: dist\gfdesk\ (the bundle) and dist\gfdesk-<version>-windows-x64-setup.exe.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

$Venv = Join-Path $Root ".venv-build"
if (-not (Test-Path (Join-Path $Venv "Scripts\python.exe"))) {
    py -3 -m venv $Venv
}
$Python = Join-Path $Venv "Scripts\python.exe"
& $Python -m pip install --quiet --upgrade pip
& $Python -m pip install --quiet ".[build]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

$Version = (& $Python -c "import gfdesk; print(gfdesk.__version__)").Trim()

Write-Host "== translations (.ts -> .qm)"
& $Python scripts\translations.py build
if ($LASTEXITCODE -ne 0) { throw "translations build failed" }

Write-Host "== pyinstaller (packaging\gfdesk.spec)"
& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
    --distpath dist --workpath build\pyinstaller packaging\gfdesk.spec
if ($LASTEXITCODE -ne 0) { throw "pyinstaller failed" }

Write-Host "== the bundle's --version and --self-check"
# console=False in the spec: start it and wait, so the exit code is seen.
$check = Start-Process -FilePath "dist\gfdesk\gfdesk.exe" -ArgumentList "--self-check", "120" `
    -Wait -PassThru -NoNewWindow -RedirectStandardError "build\self-check.log"
Get-Content "build\self-check.log" | Select-String "self-check:"
if ($check.ExitCode -ne 0) { throw "self-check failed ($($check.ExitCode)): see build\self-check.log" }

Write-Host "== installer (Inno Setup)"
$Iscc = Get-Command ISCC.exe -ErrorAction SilentlyContinue
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "packaging\windows\gfdesk.iss"
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }

# Signing (optional): signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 `
#   /a dist\gfdesk\gfdesk.exe  (before ISCC) and the setup .exe (after), with your certificate.
Write-Host "== built dist\gfdesk and dist\gfdesk-$Version-windows-x64-setup.exe"
