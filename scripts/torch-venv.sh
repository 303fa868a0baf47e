#!/usr/bin/env bash
# Sets up .torch-venv/ (ignored by git): a virtual environment made with the first `python3` on
# the PATH, seeing its site packages, with the newest PyTorch wheel pip finds locally
# (`--no-index`: nothing is downloaded; pip's find-links and configured local indexes only).
# `pnpm bench:train` and `pnpm bench:browser` use its python when it imports torch.
# Usage: scripts/torch-venv.sh [DIR]   (default: .torch-venv at the repository root)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.torch-venv}"
python="$(command -v python3 || true)"
if [ -z "$python" ]; then
  echo "torch-venv: no python3 on the PATH" >&2
  exit 1
fi
if [ ! -x "$dir/bin/python" ]; then
  "$python" -m venv --system-site-packages "$dir"
fi
if ! "$dir/bin/pip" install --no-deps --no-index --upgrade torch; then
  echo "torch-venv: pip found no local torch wheel (looked with --no-index); the benchmarks fall back to /usr/bin/python3" >&2
  exit 1
fi
"$dir/bin/python" -c 'import torch; print("torch-venv: " + torch.__version__ + " in '"$dir"'")'
