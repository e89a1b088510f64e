#!/usr/bin/env bash
# Install the unpacked tarball for this user: the bundle to ~/.local/lib/gfdesk, the
# command to ~/.local/bin/gfdesk, the menu entry (which also makes gfdesk:// links open
# the app), the icons and the AppStream metainfo under ~/.local/share.
#     ./install.sh            install or update
#     ./install.sh --remove   remove it again
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
data="${XDG_DATA_HOME:-$prefix/share}"
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$prefix/lib/gfdesk" "$prefix/bin/gfdesk" "$data/applications/gfdesk.desktop" \
         "$data/metainfo/io.gamerflick.gfdesk.metainfo.xml"
  find "$data/icons/hicolor" -name 'gfdesk.*' -path '*/apps/*' -delete 2>/dev/null || true
  # The link handler that install set with xdg-mime.
  mimeapps="${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list"
  [ -f "$mimeapps" ] && sed -i '/^x-scheme-handler\/gfdesk=gfdesk.desktop$/d' "$mimeapps"
  echo "gfdesk removed"
  exit 0
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$data"
rm -rf "$prefix/lib/gfdesk"
cp -a "$here/gfdesk" "$prefix/lib/gfdesk"
ln -sf "$prefix/lib/gfdesk/gfdesk" "$prefix/bin/gfdesk"
cp -a "$here/share/." "$data/"
# The .desktop file says Exec=gfdesk: point it at this install even if ~/.local/bin is
# not on the desktop session's PATH.
sed -i "s|^Exec=gfdesk|Exec=$prefix/bin/gfdesk|; s|^TryExec=gfdesk|TryExec=$prefix/bin/gfdesk|" \
  "$data/applications/gfdesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default gfdesk.desktop x-scheme-handler/gfdesk || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "gfdesk installed: $prefix/bin/gfdesk (menu entry and gfdesk:// links registered)"
