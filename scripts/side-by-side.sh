#!/usr/bin/env bash
# meads and Stan side by side on the BlackJAX MEADS notebook's two workloads (IRT 2PL, centred
# radon), on the data files shipped inside meads. One command:
#
#   scripts/side-by-side.sh [--reps N] [--stan-reps N] [--warm-reps N] [--out DIR]
#                           [--lock FILE | --no-lock] [--wait-load X] [--keep-draws]
#
#   --reps N       meads runs per workload, seeds 1..N (default 5)
#   --stan-reps N  Stan runs per workload, seeds 1..N (default 3)
#   --warm-reps N  meads runs per workload after compilation, seeds 1..N (default 3; 0: none):
#                  each runs the pipeline 3 times first in the same JVM (--set warm-runs=3),
#                  the figure to set beside the Python one, which is after JAX's compilation
#   --out DIR      where the raw outputs go, a folder that must not exist yet; relative to the
#                  current directory (default runs/side-by-side-<date>-<time> in the repository)
#   --lock FILE    timed runs hold an flock on FILE, so that benchmarks of others on the same
#                  machine do not overlap them (default /tmp/jmh.lock); --no-lock skips it
#   --wait-load X  on a shared machine: before each timed run (lock held), wait until the
#                  1-minute load average is below X, for at most 120 s (default: do not wait)
#   --keep-draws   keep every meads run's Stan CSV files (default: only seed 1's, which the
#                  read_stan_csv check uses; the others are about 100-200 MB each)
#
# What it does: installs R and rstan with apt-get if they are missing (it says so first), builds
# meads if needed, compiles the two Stan models (cached under runs/.stan-models), runs Stan
# (rstan NUTS defaults, 4 chains x (1000 warmup + 1000 draws), 2 cores) and meads (./meads run
# irt|radon, the default profiles) under the lock, checks that rstan::read_stan_csv reads a
# meads output folder, then prints the report (environment, tables, read_stan_csv check) and
# writes it to DIR/report.md; the tables alone go to DIR/side-by-side.md.
#
# Ctrl-C (or SIGTERM) stops the running Stan or meads process and exits with status 130. DIR is
# kept if a Stan or meads run had finished (its runs.tsv rows are complete), else removed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

invocation="scripts/side-by-side.sh${*:+ $*}"
reps=5
stan_reps=3
warm_reps=3
warm_runs=3
out=""
lock=/tmp/jmh.lock
keep_draws=0
wait_load=""
wait_max=120

# Messages go to the script's own stderr (fd 7), also from inside commands whose output is logged.
exec 7>&2
say() { echo "side-by-side: $*" >&7; }
die() { say "$*"; exit 2; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer, got '$2'"; }

while [ $# -gt 0 ]; do
    case "$1" in
        --reps) [ $# -ge 2 ] || die "--reps needs a value"; positive --reps "$2"; reps=$2; shift 2 ;;
        --stan-reps) [ $# -ge 2 ] || die "--stan-reps needs a value"; positive --stan-reps "$2"; stan_reps=$2; shift 2 ;;
        --warm-reps) [ $# -ge 2 ] || die "--warm-reps needs a value"
                     [[ "$2" =~ ^[0-9]+$ ]] || die "--warm-reps needs a whole number, got '$2'"
                     warm_reps=$2; shift 2 ;;
        --out) [ $# -ge 2 ] && [ -n "$2" ] || die "--out needs a folder"; out=$2; shift 2 ;;
        --lock) [ $# -ge 2 ] && [ -n "$2" ] || die "--lock needs a file"; lock=$2; shift 2 ;;
        --no-lock) lock=""; shift ;;
        --wait-load) [ $# -ge 2 ] || die "--wait-load needs a value"
                     [[ "$2" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--wait-load needs a number, got '$2'"
                     wait_load=$2; shift 2 ;;
        --keep-draws) keep_draws=1; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

# --- checks before any work --------------------------------------------------------------------
# Relative paths are the caller's, not the repository's (the script works from the repository).
case "$out" in ""|/*) ;; *) out="$PWD/$out" ;; esac
case "$lock" in ""|/*) ;; *) lock="$PWD/$lock" ;; esac
if [ -n "$out" ]; then
    [ ! -e "$out" ] && [ ! -L "$out" ] || die "$out exists already; choose another --out"
fi
if [ -n "$lock" ]; then
    if ! command -v flock >/dev/null 2>&1; then
        say "flock not found: timed runs will not be protected by a lock"
        lock=""
    else
        { : >>"$lock"; } 2>/dev/null || die "cannot open the lock file $lock (choose another --lock, or --no-lock)"
    fi
fi

# --- child processes and Ctrl-C ----------------------------------------------------------------
# A long command runs in a session of its own (setsid), so that Ctrl-C reaches only this script,
# which then stops the command's whole process group (R's workers, the JVM, the compiler).
child=""
out_made=0
has_setsid=0
command -v setsid >/dev/null 2>&1 && has_setsid=1
run_child() {
    if [ "$has_setsid" -eq 1 ]; then
        setsid "$@" </dev/null 7>&- 9>&- &
    else
        "$@" </dev/null 7>&- 9>&- &
    fi
    child=$!
    local status=0
    wait "$child" || status=$?
    child=""
    return $status
}
stop_child() {
    [ -n "$child" ] || return 0
    kill -TERM -- -"$child" 2>/dev/null || kill -TERM "$child" 2>/dev/null || true
    # a process that ignores SIGTERM gets SIGKILL after 10 s
    local watchdog=""
    if [ "$has_setsid" -eq 1 ]; then
        setsid sh -c "sleep 10; kill -KILL -- -$child 2>/dev/null || kill -KILL $child" \
            </dev/null >/dev/null 2>&1 7>&- 9>&- &
        watchdog=$!
    fi
    wait "$child" 2>/dev/null || true
    [ -z "$watchdog" ] || kill -TERM -- -"$watchdog" 2>/dev/null || true
    child=""
}
# True if a run finished: a data row in one of the runs.tsv files.
finished_runs() {
    local f
    for f in "$out/stan/runs.tsv" "$out/meads/runs.tsv" "$out/meads-warm/runs.tsv"; do
        [ -f "$f" ] && [ "$(wc -l <"$f")" -gt 1 ] && return 0
    done
    return 1
}
on_interrupt() {
    trap '' INT TERM
    stop_child
    exec 2>/dev/null # bash's own report of an unfinished `time`; messages go to fd 7
    if [ "$out_made" -eq 0 ]; then
        say "interrupted"
    elif finished_runs; then
        rm -f "$out"/*/*.time
        say "interrupted; partial outputs kept in $out"
    else
        rm -rf -- "$out"
        say "interrupted before any run finished; removed $out"
    fi
    exit 130
}
trap on_interrupt INT TERM

# --- R and rstan -----------------------------------------------------------------------------
r_ready() {
    command -v Rscript >/dev/null 2>&1 &&
        Rscript -e 'ok <- sapply(c("rstan", "jsonlite"), requireNamespace, quietly = TRUE); quit(status = if (all(ok)) 0 else 1)' \
            >/dev/null 2>&1
}
if ! r_ready; then
    packages="r-base-core r-cran-rstan r-cran-jsonlite"
    command -v apt-get >/dev/null 2>&1 ||
        die "R with the packages rstan and jsonlite is needed and apt-get is not available: install them yourself"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || die "R/rstan missing; run as root or install: apt-get install -y $packages"
        sudo=sudo
    fi
    say "R or rstan is missing: installing with 'apt-get install -y $packages' (a few minutes)"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $packages >&2
    r_ready || die "R/rstan still not usable after apt-get install"
fi

# --- meads -----------------------------------------------------------------------------------
cd "$root"
say "building meads if needed"
run_child ./meads --version >/dev/null 2>&1 || die "./meads --version failed (see ./meads --version)"
meads_version=$(./meads --version 2>/dev/null | head -n 1) || die "./meads --version failed (see ./meads --version)"

# --- output folder and environment -----------------------------------------------------------
. "$here/run-folder.sh"
make_run_folder "$out" "$root/runs/side-by-side-$(date +%Y%m%d-%H%M%S)"
out=$run_folder
out_made=1
mkdir "$out/stan" "$out/meads" "$out/meads-warm"
models_cache="$root/runs/.stan-models"

loadavg() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime | sed 's/.*average[s]*: *//; s/,//g'; }

# With --wait-load: waits (at most $wait_max s) until the 1-minute load average drops below it.
wait_for_quiet() {
    [ -n "$wait_load" ] || return 0
    local waited=0
    while awk -v l="$(loadavg | cut -d' ' -f1)" -v x="$wait_load" 'BEGIN { exit !(l >= x) }'; do
        [ "$waited" -lt "$wait_max" ] || { say "load average still $(loadavg) after ${wait_max} s; going on"; return 0; }
        sleep 5
        waited=$((waited + 5))
    done
}

cxx=$(R CMD config CXX14 2>/dev/null | head -n 1)
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "command: $invocation (meads seeds 1..$reps, Stan seeds 1..$stan_reps, meads after compilation seeds 1..$warm_reps, lock: ${lock:-none}, wait for load below: ${wait_load:-no})"
    echo "git commit: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "host: $(uname -srm)"
    echo "os: $( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || echo unknown)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') x $(nproc 2>/dev/null || echo '?')"
    echo "meads: $meads_version"
    echo "meads JVM options (launcher): -XX:+UseParallelGC $(sed -n 's/^jit_opts="\(.*\)"$/\1/p' "$root/meads")$([ "${MEADS_CDS:-1}" != 0 ] && echo ', class-data archive')${MEADS_JVM_OPTS:+ $MEADS_JVM_OPTS}"
    Rscript -e 'suppressPackageStartupMessages(library(rstan)); cat(sprintf("R: %s\nrstan: %s\nStanHeaders: %s\nStan: %s\n", R.version.string, packageVersion("rstan"), packageVersion("StanHeaders"), stan_version()))' 2>/dev/null
    echo "Stan's C++ compiler: ${cxx:-unknown} ($(${cxx%% *} --version 2>/dev/null | head -n 1))"
    echo "load average before: $(loadavg)"
} >"$out/environment.txt"
say "raw outputs in $out"

# Runs "$@" holding the lock (fd 9, closed for the command itself so that nothing it leaves
# behind keeps the lock) and appends "wall user sys load" (seconds of the command; 1-minute load
# average just before it) to $timing_file. Time spent waiting for the lock is not counted.
timed() {
    local timing_file=$1; shift
    if [ -n "$lock" ]; then
        exec 9>>"$lock"
        if ! flock -n 9; then
            say "waiting for the lock $lock (another benchmark holds it) ..."
            # in the background, so that Ctrl-C is not held up; the lock belongs to the open
            # file of fd 9, which flock shares
            flock 9 </dev/null 7>&- &
            child=$!
            local locked=0
            wait "$child" || locked=$?
            child=""
            [ "$locked" -eq 0 ] || die "flock on $lock failed"
        fi
    fi
    wait_for_quiet
    local load
    load=$(loadavg | cut -d' ' -f1)
    local TIMEFORMAT='%3R %3U %3S' status=0
    # fd 8 keeps the caller's stderr for the command; only the timing goes to the .time file
    { time run_child "$@" 2>&8 8>&- ; } 8>&2 2>>"$timing_file.time" || status=$?
    if [ -n "$lock" ]; then
        flock -u 9
        exec 9>&-
    fi
    echo "$(tail -n 1 "$timing_file.time") $load" >>"$timing_file"
    rm -f "$timing_file.time"
    return $status
}

# --- Stan ------------------------------------------------------------------------------------
say "compiling the Stan models (cached in $models_cache; the first time takes 1-2 minutes)"
timed "$out/stan/compile.timing" Rscript "$here/stan/run_stan_peer.R" compile "$models_cache" "$out/stan" \
    >"$out/stan/compile.log" 2>&1 || { tail -n 30 "$out/stan/compile.log" >&2; die "compiling the Stan models failed"; }

printf 'model\tseed\twall_s\tuser_s\tsys_s\tload_1min_before\n' >"$out/stan/runs.tsv"
for seed in $(seq 1 "$stan_reps"); do
    for model in irt radon; do
        log="$out/stan/stan_${model}_seed${seed}.log"
        timing="$out/stan/stan_${model}_seed${seed}.timing"
        timed "$timing" Rscript "$here/stan/run_stan_peer.R" sample "$models_cache" "$out/stan" "$model" "$seed" \
            >"$log" 2>&1 || { tail -n 30 "$log" >&2; die "Stan run $model seed $seed failed"; }
        read -r wall user sys load <"$timing"
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$model" "$seed" "$wall" "$user" "$sys" "$load" >>"$out/stan/runs.tsv"
        say "$(grep '^stan ' "$log" | tail -n 1)"
    done
done

# --- meads -----------------------------------------------------------------------------------
# One timed meads run: run_meads DIR MODEL SEED DESCRIPTION [extra ./meads arguments]; appends a
# line to DIR/runs.tsv (begun by meads_runs_header) and reports the in-process time.
meads_runs_header() {
    printf 'model\tseed\tfolder\twall_s\tuser_s\tsys_s\tload_1min_before\n' >"$1/runs.tsv"
}
run_meads() {
    local dir=$1 model=$2 seed=$3 what=$4
    shift 4
    local folder="$model-seed$seed"
    local timing="$dir/$folder.timing"
    timed "$timing" ./meads run "$model" --seed "$seed" --quiet --out "$dir/$folder" "$@" \
        >/dev/null 2>"$dir/$folder.stderr" ||
        { tail -n 30 "$dir/$folder.stderr" >&2; die "meads run $model seed $seed$what failed"; }
    read -r wall user sys load <"$timing"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$model" "$seed" "$folder" "$wall" "$user" "$sys" "$load" \
        >>"$dir/runs.tsv"
    local in_process
    in_process=$(grep -o '"total_seconds": *[0-9.eE+-]*' "$dir/$folder/report.json" | sed 's/.*: *//' |
                 awk '{ printf "%.3f", $1 }')
    say "meads $model seed $seed$what: ${wall} s wall (${in_process:-?} s in-process)"
}

meads_runs_header "$out/meads"
for seed in $(seq 1 "$reps"); do
    for model in irt radon; do
        run_meads "$out/meads" "$model" "$seed" ""
        if [ "$keep_draws" -eq 0 ] && [ "$seed" -ne 1 ]; then
            rm -f "$out/meads/$model-seed$seed"/chain_*.csv
        fi
    done
done
# --- meads after compilation: the pipeline run $warm_runs times first in the same JVM -------------
# Only the in-process figure counts here, so no files are written.
meads_runs_header "$out/meads-warm"
for seed in $(seq 1 "$warm_reps"); do
    for model in irt radon; do
        run_meads "$out/meads-warm" "$model" "$seed" " after $warm_runs pipelines in the same JVM" \
            --set warm-runs="$warm_runs" --set output.stan-csv=false --set output.plots=none
    done
done
report1="$out/meads/irt-seed1/report.json"
{
    echo "JDK (meads): $(grep -m1 -o '"vendor": *"[^"]*"' "$report1" | sed 's/.*: *"//; s/"$//') $(grep -m1 -o '"version": *"[^"]*"' "$report1" | sed 's/.*: *"//; s/"$//')"
    echo "load average after: $(loadavg)"
} >>"$out/environment.txt"

# --- rstan reads meads' Stan CSV files -------------------------------------------------------
for model in irt radon; do
    say "rstan::read_stan_csv on $out/meads/$model-seed1"
    run_child Rscript "$here/stan/read_meads_csv.R" "$out/meads/$model-seed1" "$out/read_stan_csv_$model.csv" \
        >"$out/read_stan_csv_$model.log" 2>&1 || say "read_stan_csv check on $model FAILED (see $out/read_stan_csv_$model.log)"
done

# --- the report ------------------------------------------------------------------------------
# The tables first, into DIR/side-by-side.md; then the report around them, into DIR/report.md.
run_child Rscript "$here/side-by-side-table.R" "$out" >"$out/side-by-side-table.log" 2>&1 ||
    { tail -n 30 "$out/side-by-side-table.log" >&2; die "the table failed (see $out/side-by-side-table.log)"; }
rm -f "$out/side-by-side-table.log"
{
    echo "## meads and Stan side by side"
    echo
    sed 's/^/- /' "$out/environment.txt"
    echo
    cat "$out/side-by-side.md"
    echo
    echo "### rstan::read_stan_csv on a meads output folder"
    echo
    for model in irt radon; do
        echo "$model-seed1:"
        echo '```'
        cat "$out/read_stan_csv_$model.log"
        echo '```'
    done
} | tee "$out/report.md"
say "report (environment, tables, read_stan_csv check) written to $out/report.md; the tables alone to $out/side-by-side.md"
