# Sourced by scripts/demo and scripts/test: make .venv (Python >= 3.11) and install
# gfdesk into it with the extras given in GFDESK_EXTRAS. Re-installs only when
# pyproject.toml changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${GFDESK_VENV:-$root/.venv}"
pick_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "gfdesk needs Python 3.11 or newer (apt-get install python3 python3-venv)" >&2
  return 1
}
if [ ! -x "$venv/bin/python" ]; then
  py="$(pick_python)"
  echo "Creating $venv with $py" >&2
  "$py" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
stamp="$venv/.gfdesk-installed-${GFDESK_EXTRAS:-base}"
if [ ! -f "$stamp" ] || [ "$root/pyproject.toml" -nt "$stamp" ]; then
  spec="$root"
  [ -n "${GFDESK_EXTRAS:-}" ] && spec="$root[$GFDESK_EXTRAS]"
  echo "Installing gfdesk ${GFDESK_EXTRAS:+with $GFDESK_EXTRAS }into $venv" >&2
  "$venv/bin/python" -m pip install --quiet -e "$spec"
  touch "$stamp"
fi
