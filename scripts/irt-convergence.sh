#!/usr/bin/env bash
# The IRT convergence study of docs/CONVERGENCE.md: the notebook's IRT pipeline under several
# ensemble shapes and settings, a few seeds each, reporting max R-hat, min bulk and tail ESS and
# the in-process seconds of every run, then the median and range per setting.
#
#   scripts/irt-convergence.sh [--seeds N] [--out DIR] [SETTING ...]
#
#   --seeds N  runs per setting, seeds 1..N (default 5)
#   --out DIR  a folder that must not exist yet (default runs/irt-convergence-<date>-<time> in
#              the repository, with -2, -3 ... added if that exists); it gets runs.tsv (one row
#              per finished run) and each run's output folder
#
# A SETTING is a label and its overrides, label:key=value[,key=value...], e.g.
# '16x4000:chains=16,draws=4000'; 'default:' runs the irt profile as it is. Keys are those of
# ./meads keys. Without any SETTING, the study's own list is run. Needs python3 (to read
# report.json). Prints each run's row as it finishes and the table at the end; on Ctrl-C, the
# table of the runs finished so far (exit 130; DIR is removed if no run had finished).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seeds=5
out=""
settings=()
die() { echo "irt-convergence: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) [ $# -ge 2 ] || die "--seeds needs a positive integer"
                 [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--seeds needs a positive integer, got '$2'"
                 seeds=$2; shift 2 ;;
        --out) [ $# -ge 2 ] && [ -n "$2" ] || die "--out needs a folder"; out=$2; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        --) shift; settings+=("$@"); break ;;
        -*) die "unknown option $1 (try --help)" ;;
        *) settings+=("$1"); shift ;;
    esac
done
if [ ${#settings[@]} -eq 0 ]; then
    settings=(
        "64x1000 (default):"
        "16x4000 (same draws):chains=16,draws=4000"
        "32x2000 (same draws):chains=32,draws=2000"
        "64x2000 (2x draws):draws=2000"
        "warmup 2000:meads.warmup=2000"
        "sampling damping 1 (paper):meads.sampling-damping=1"
    )
fi

# --- checks before any run ---------------------------------------------------------------------
pair='[A-Za-z0-9._-]+=[^,]+'
declare -A seen=()
for s in "${settings[@]}"; do
    [[ "$s" =~ ^[^:]+:($pair(,$pair)*)?$ ]] || die "SETTING must be label:key=value[,...], got '$s'"
    label=${s%%:*}
    folder=$(printf '%s' "$label" | tr -c 'A-Za-z0-9.' '_')
    [ -z "${seen[$folder]:-}" ] || die "two SETTINGs with the label '$label' (or labels alike but for punctuation)"
    seen[$folder]=1
done
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
if [ -n "$out" ]; then
    [ ! -e "$out" ] && [ ! -L "$out" ] || die "$out exists already; choose another --out"
fi
command -v python3 >/dev/null || die "python3 is needed to read report.json"
"$here/meads" --version >/dev/null || die "./meads --version failed"
# every key must be one of ./meads keys (skipped if that list cannot be read)
known=" $("$here/meads" keys 2>/dev/null | sed -n 's/^  \([A-Za-z0-9._-]*\) = .*/\1/p' | tr '\n' ' ')"
if [ "$known" != " " ]; then
    for s in "${settings[@]}"; do
        IFS=',' read -r -a pairs <<< "${s#*:}"
        for p in "${pairs[@]}"; do
            [[ "$known" == *" ${p%%=*} "* ]] || die "unknown key '${p%%=*}' in SETTING '$s' (./meads keys lists them)"
        done
    done
fi

. "$here/scripts/run-folder.sh"
make_run_folder "$out" "$here/runs/irt-convergence-$(date -u +%Y%m%d-%H%M%S)"
out=$run_folder
rows="$out/runs.tsv"
printf 'setting\tseed\tmax_rhat\tmin_ess_bulk\tmin_ess_tail\tseconds\n' > "$rows"

table() {
    python3 - "$rows" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
print("| setting | runs | max R-hat, median (range) | runs with max R-hat <= 1.01 | min bulk ESS, median (range) | min tail ESS, median | seconds, median |")
print("|---|---|---|---|---|---|---|")
for label in dict.fromkeys(r["setting"] for r in rows):
    rs = [r for r in rows if r["setting"] == label]
    col = lambda k: [float(r[k]) for r in rs]
    rh, eb, et, sec = col("max_rhat"), col("min_ess_bulk"), col("min_ess_tail"), col("seconds")
    print(f"| {label} | {len(rs)} | {statistics.median(rh):.4f} ({min(rh):.4f}-{max(rh):.4f}) | "
          f"{sum(x <= 1.01 for x in rh)} | {statistics.median(eb):.0f} ({min(eb):.0f}-{max(eb):.0f}) | "
          f"{statistics.median(et):.0f} | {statistics.median(sec):.2f} |")
EOF
}
finished() { echo $(($(wc -l < "$rows") - 1)); }
# On a failure or Ctrl-C: the table of the runs finished so far and where their rows are, or, if
# none finished, the folder removed (this study made it).
wrap_up() {
    local n
    n=$(finished)
    if [ "$n" -gt 0 ]; then
        table
        echo "irt-convergence: $1; the $n finished runs are in $rows" >&2
    else
        rm -rf -- "$out"
        echo "irt-convergence: $1; no run had finished, so $out was removed" >&2
    fi
}

# Each run in a session of its own (setsid), so that Ctrl-C reaches only this script, which then
# stops the run's whole process group (the launcher and its JVM).
child=""
on_interrupt() {
    trap '' INT TERM
    if [ -n "$child" ]; then
        kill -TERM -- -"$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
        rm -rf -- "$dir" # the stopped run's folder; runs.tsv has no row of it
    fi
    wrap_up "interrupted"
    exit 130
}
trap on_interrupt INT TERM
setsid=()
command -v setsid >/dev/null 2>&1 && setsid=(setsid)

for s in "${settings[@]}"; do
    label=${s%%:*}
    overrides=${s#*:}
    args=()
    IFS=',' read -r -a pairs <<< "$overrides"
    for p in "${pairs[@]}"; do
        args+=(--set "$p")
    done
    for seed in $(seq 1 "$seeds"); do
        dir="$out/$(printf '%s' "$label" | tr -c 'A-Za-z0-9.' '_')-seed$seed"
        "${setsid[@]}" "$here/meads" run irt --quiet --seed "$seed" --out "$dir" --set output.stan-csv=false \
            --set output.plots=false "${args[@]}" > /dev/null < /dev/null &
        child=$!
        status=0
        wait "$child" || status=$?
        child=""
        if [ "$status" -ne 0 ]; then
            wrap_up "setting '$s', seed $seed failed (exit status $status)"
            exit 1
        fi
        python3 - "$dir/report.json" "$label" "$seed" >> "$rows" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["diagnostics"]
print("\t".join([sys.argv[2], sys.argv[3], "%.4f" % d["max_rhat"], "%.0f" % d["min_ess_bulk"],
                 "%.0f" % d["min_ess_tail"], "%.2f" % r["total_seconds"]]))
EOF
        tail -n 1 "$rows" >&2
    done
done
table
echo "irt-convergence: raw rows: $rows" >&2
