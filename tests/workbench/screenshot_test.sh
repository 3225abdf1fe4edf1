#!/usr/bin/env bash
# Golden-image test of the native workbench: renders the 一次性告知单 of a filled-in residence
# permit application under Xvfb (Mesa llvmpipe) at a fixed size, font and date, and compares
# it with tests/data/workbench/notice-1024x768.png pixel by pixel, with a tolerance.
#   screenshot_test.sh WORKBENCH IMAGE_DIFF SOURCE_DIR OUT_DIR [--update]
# --update rewrites the golden image (look at it before committing it).
# Exit 77 (ctest: skipped) when xvfb-run is missing.
set -euo pipefail
workbench="$1" image_diff="$2" source_dir="$3" out_dir="$4" update="${5:-}"
golden="$source_dir/tests/data/workbench/notice-1024x768.png"
actual="$out_dir/notice-1024x768.png"
mkdir -p "$out_dir"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing: skipped"; exit 77; }

# Relative paths from the source root: the catalogue path is drawn, and must not depend on
# where the tree is checked out. LIBGL_ALWAYS_SOFTWARE: Mesa's llvmpipe whatever the machine
# has, for identical pixels.
case "$actual" in /*) ;; *) actual="$PWD/$actual" ;; esac
cd "$source_dir"
LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1024x768x24" "$workbench" \
  --catalog data/catalog/guangzhou.json \
  --profiles data/catalog/profiles.sample.json \
  --holidays data/holidays/cn-mainland.json \
  --font /usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
  --open gz-residence-permit \
  --answers tests/data/check/residence-permit.pass.json \
  --tab notice --today 2026-09-30 \
  --screenshot "$actual" --frames 4

if [ "$update" = --update ]; then
  cp "$actual" "$golden"
  echo "golden image updated: $golden"
  exit 0
fi
# Up to 0.5 % of the pixels may differ by more than 24 per channel (driver rounding); a
# changed label or layout moves far more than that.
"$image_diff" "$golden" "$actual" --threshold 24 --max-pixels 3932 --diff "$out_dir/notice-diff.png"
