#!/bin/bash
# analyze --format gdelt prints 61-column GDELT 2.0 event rows; the report has an Events section.
set -u
bin="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/a.txt" <<'TXT'
Border talks resume
Kenya's foreign minister met with Uganda's president in Nairobi on Monday. Police arrested dozens of protesters in Kampala.
TXT
out=$("$bin" analyze --format gdelt "$dir/a.txt") || { echo "analyze failed"; exit 1; }
[ -n "$out" ] || { echo "no rows"; exit 1; }
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF != 61' | wc -l)
[ "$bad" -eq 0 ] || { echo "rows without 61 columns"; exit 1; }
printf '%s\n' "$out" | awk -F'\t' '$27 == "040" && $6 == "KENGOV" && $16 == "UGAGOV"' | grep -q . || { echo "no 040 KENGOV->UGAGOV row"; printf '%s\n' "$out"; exit 1; }
printf '%s\n' "$out" | awk -F'\t' '$27 == "173" && $6 == "COP"' | grep -q . || { echo "no 173 arrest row"; exit 1; }
"$bin" analyze "$dir/a.txt" | grep -q "^Events" || { echo "no Events section"; exit 1; }
"$bin" analyze --dictionaries "$dir/none" "$dir/a.txt" >/dev/null 2>&1 && { echo "missing dictionary folder accepted"; exit 1; }
exit 0
