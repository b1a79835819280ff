#!/usr/bin/env bash
# The IRT convergence study of docs/CONVERGENCE.md: the notebook's IRT pipeline under several
# ensemble shapes and settings, a few seeds each, reporting max R-hat, min bulk and tail ESS and
# the in-process seconds of every run, then the median and range per setting.
#
#   scripts/irt-convergence.sh [--seeds N] [--out DIR] [SETTING ...]
#
# A SETTING is a label and its overrides, e.g. '16x4000:chains=16,draws=4000'. Without any, the
# study's own list is run. Needs python3 (to read report.json).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seeds=5
out="$here/runs/irt-convergence-$(date -u +%Y%m%d-%H%M%S)"
settings=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seeds) seeds=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "irt-convergence: unknown option $1" >&2; exit 2 ;;
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
command -v python3 >/dev/null || { echo "irt-convergence: python3 is needed to read report.json" >&2; exit 2; }
mkdir -p "$out"
"$here/meads" --version >/dev/null
rows="$out/runs.tsv"
printf 'setting\tseed\tmax_rhat\tmin_ess_bulk\tmin_ess_tail\tseconds\n' > "$rows"
for s in "${settings[@]}"; do
    label=${s%%:*}
    overrides=${s#*:}
    args=()
    IFS=',' read -r -a pairs <<< "$overrides"
    for p in "${pairs[@]}"; do
        [ -n "$p" ] && args+=(--set "$p")
    done
    for seed in $(seq 1 "$seeds"); do
        dir="$out/$(echo "$label" | tr -c 'A-Za-z0-9.\n' '_')-seed$seed"
        "$here/meads" run irt --quiet --seed "$seed" --out "$dir" --set output.stan-csv=false \
            --set output.plots=false "${args[@]}" > /dev/null
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
echo "raw rows: $rows" >&2
