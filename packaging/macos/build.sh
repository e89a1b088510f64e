#!/usr/bin/env bash
# Build, sign and notarise gfdesk.app and its .dmg on macOS. UNTESTED HERE (no macOS
# runner); see packaging/README.md.
#
#     packaging/macos/build.sh                    # unsigned .app and .dmg (local use)
#     SIGN_ID="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=gfdesk \
#       packaging/macos/build.sh                  # signed, notarised, stapled
#
# NOTARY_PROFILE is a notarytool keychain profile made once with
#   xcrun notarytool store-credentials gfdesk --apple-id ID --team-id TEAMID
# Output: dist/gfdesk.app and dist/gfdesk-<version>-macos-<arch>.dmg.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
[ -x .venv-build/bin/python ] || "$python" -m venv .venv-build
.venv-build/bin/python -m pip install --quiet --upgrade pip
.venv-build/bin/python -m pip install --quiet ".[build]"
version="$(.venv-build/bin/python -c 'import gfdesk; print(gfdesk.__version__)')"
arch="$(uname -m)"

echo "== translations (.ts -> .qm)"
.venv-build/bin/python scripts/translations.py build

echo "== pyinstaller (packaging/gfdesk.spec: BUNDLE with CFBundleURLTypes gfdesk)"
.venv-build/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/gfdesk.spec
app=dist/gfdesk.app

echo "== the bundle's --version and --self-check"
"$app/Contents/MacOS/gfdesk" --version
"$app/Contents/MacOS/gfdesk" --self-check 120

if [ -n "${SIGN_ID:-}" ]; then
  echo "== codesign (hardened runtime, every nested binary first, then the app)"
  find "$app/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$SIGN_ID"
  codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_ID" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

echo "== dmg"
dmg="dist/gfdesk-$version-macos-$arch.dmg"
stage="build/dmg"
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "gfdesk $version" -srcfolder "$stage" -ov -format UDZO "$dmg"

if [ -n "${SIGN_ID:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_ID" "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    echo "== notarise and staple"
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    xcrun stapler staple "$app"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  fi
fi
echo "== built $app and $dmg"
