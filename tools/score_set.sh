#!/usr/bin/env bash
# Score the engine on an annotated set: analyze every article whose gold file exists, then
# score all of them together with ../shared/eval/score.py (micro-averaged over the set).
#
#   tools/score_set.sh GOLD_DIR [TEXT_DIR] [--only LIST] [--half tuning|frozen]
#                      [--part tuning|frozen] [--list] [--json] [--keep DIR]
#
#   GOLD_DIR      folder of NAME.gold.json files (tests/gold, tests/wikinews, tests/blind, ...)
#   TEXT_DIR      folder of the NAME.txt articles; defaults to GOLD_DIR, except for this
#                 checkout's tests/wikinews and tests/blind, whose texts are ../shared/wikinews
#   --only LIST   score only these articles: comma-separated names, each a whole NAME or the
#                 number NAME starts with ("01,07" picks 01_..., 07_...)
#   --half tuning score only the articles whose number is odd (01, 03, ...: tests/gold's tuning half)
#   --half frozen score only the articles whose number is even (02, 04, ...: the frozen half)
#   --part tuning score only the gold files whose name sorts to an odd position in GOLD_DIR
#                 (1st, 3rd, ...: tests/wikinews's tuning part; names need no number)
#   --part frozen score only those at an even position (2nd, 4th, ...: the frozen part);
#                 --half and --part exclude each other
#   --list        print the selected article names, one a line, and stop (nothing is analyzed)
#   --json        print score.py's machine-readable summary instead of the table
#   --keep DIR    write the analyses to DIR (NAME.json) and keep them; default: a temporary folder
#
# Environment: NEWSGRAPH_BIN (default build/newsgraph of this checkout), NEWSGRAPH_SHARED_DIR
# (default ../shared beside the checkout). An article that is missing or fails to analyze is
# reported on stderr by name, the others are still scored (score.py lists it under
# "missing analyses"), and the exit status is then 1. Exit 2: bad usage.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NG=${NEWSGRAPH_BIN:-$ROOT/build/newsgraph}
SHARED=${NEWSGRAPH_SHARED_DIR:-$ROOT/../shared}
SCORE=$SHARED/eval/score.py

usage() {
  sed -n '4,26p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
die() { echo "score_set: $*" >&2; exit 2; }

gold_dir= text_dir= only= half= part= list= as_json= keep=
while [ $# -gt 0 ]; do
  case $1 in
    --only) [ $# -ge 2 ] || die "--only needs a list"; only=$2; shift 2 ;;
    --only=*) only=${1#--only=}; shift ;;
    --half) [ $# -ge 2 ] || die "--half needs tuning or frozen"; half=$2; shift 2 ;;
    --half=*) half=${1#--half=}; shift ;;
    --part) [ $# -ge 2 ] || die "--part needs tuning or frozen"; part=$2; shift 2 ;;
    --part=*) part=${1#--part=}; shift ;;
    --list) list=1; shift ;;
    --json) as_json=--json; shift ;;
    --keep) [ $# -ge 2 ] || die "--keep needs a folder"; keep=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) die "unknown option $1" ;;
    *) if [ -z "$gold_dir" ]; then gold_dir=$1
       elif [ -z "$text_dir" ]; then text_dir=$1
       else die "unexpected argument $1"; fi
       shift ;;
  esac
done
[ -n "$gold_dir" ] || usage
case $half in ""|tuning|frozen) ;; *) die "--half must be tuning or frozen, not '$half'" ;; esac
case $part in ""|tuning|frozen) ;; *) die "--part must be tuning or frozen, not '$part'" ;; esac
[ -z "$half" ] || [ -z "$part" ] || die "--half splits by number and --part by position: give one of them"
[ -d "$gold_dir" ] || die "$gold_dir: no such folder"
if [ -z "$text_dir" ]; then
  # The Wikinews sets keep only their gold files; their articles are in ../shared/wikinews.
  case $(cd "$gold_dir" && pwd -P) in
    "$(cd "$ROOT" && pwd -P)/tests/wikinews"|"$(cd "$ROOT" && pwd -P)/tests/blind") text_dir=$SHARED/wikinews ;;
    *) text_dir=$gold_dir ;;
  esac
fi
[ -d "$text_dir" ] || die "$text_dir: no such folder"

# The articles to score, in name order (byte order, so that positions do not depend on the locale).
names=()
while IFS= read -r n; do names+=("$n"); done < <(
  for g in "$gold_dir"/*.gold.json; do [ -e "$g" ] && basename "$g" .gold.json; done | LC_ALL=C sort)
[ ${#names[@]} -gt 0 ] || die "$gold_dir: no *.gold.json files"

# --part: the position of each name among all the gold files of GOLD_DIR, before any other filter.
declare -A in_part=()
if [ -n "$part" ]; then
  for i in "${!names[@]}"; do
    if { [ "$part" = tuning ] && [ $((i % 2)) -eq 0 ]; } || { [ "$part" = frozen ] && [ $((i % 2)) -eq 1 ]; }; then
      in_part[${names[$i]}]=1
    fi
  done
fi

if [ -n "$only" ]; then
  picked=()
  IFS=, read -ra wanted <<<"$only"
  for w in "${wanted[@]}"; do
    [ -n "$w" ] || continue
    hit=
    for n in "${names[@]}"; do
      if [ "$n" = "$w" ] || [[ $w =~ ^[0-9]+$ && $n == "${w}_"* ]]; then picked+=("$n"); hit=1; fi
    done
    [ -n "$hit" ] || die "--only: no gold file in $gold_dir matches '$w'"
  done
  names=("${picked[@]}")
fi

if [ -n "$half" ]; then
  picked=()
  for n in "${names[@]}"; do
    [[ $n =~ ^([0-9]+)_ ]] || die "--half: '$n' does not start with a number"
    num=$((10#${BASH_REMATCH[1]}))
    if { [ "$half" = tuning ] && [ $((num % 2)) -eq 1 ]; } || { [ "$half" = frozen ] && [ $((num % 2)) -eq 0 ]; }; then
      picked+=("$n")
    fi
  done
  names=("${picked[@]}")
fi
if [ -n "$part" ]; then
  picked=()
  for n in "${names[@]}"; do [ -z "${in_part[$n]:-}" ] || picked+=("$n"); done
  names=("${picked[@]}")
fi
[ ${#names[@]} -gt 0 ] || die "no articles selected"
if [ -n "$list" ]; then printf '%s\n' "${names[@]}"; exit 0; fi
[ -f "$SCORE" ] || die "$SCORE not found (set NEWSGRAPH_SHARED_DIR)"
[ -x "$NG" ] || die "$NG not found or not executable (run make build, or set NEWSGRAPH_BIN)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pred=${keep:-$work/pred}
mkdir -p "$work/gold" "$pred" || die "cannot create $pred"

failed=0
for n in "${names[@]}"; do
  ln -s "$(cd "$gold_dir" && pwd)/$n.gold.json" "$work/gold/$n.gold.json"
  rm -f "$pred/$n.json"
  txt=$text_dir/$n.txt
  if [ ! -f "$txt" ]; then
    echo "score_set: $n: no article at $txt" >&2
    failed=$((failed + 1))
    continue
  fi
  if ! "$NG" analyze --json "$txt" >"$pred/$n.json" 2>"$work/err"; then
    echo "score_set: $n: newsgraph analyze failed: $(head -c 500 "$work/err")" >&2
    rm -f "$pred/$n.json"
    failed=$((failed + 1))
  fi
done

[ -n "$as_json" ] || echo "scored ${#names[@]} articles from $gold_dir${half:+ ($half half)}${part:+ ($part part)}${only:+ (only $only)}: ${names[*]}"
python3 "$SCORE" $as_json "$work/gold" "$pred" || die "score.py failed"
[ "$failed" -eq 0 ] || { echo "score_set: $failed article(s) could not be analyzed" >&2; exit 1; }
