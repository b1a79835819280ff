# Sourced by the scripts that write an output folder of their own.
#
# make_run_folder OUT BASE: creates the folder and sets run_folder to its absolute path. OUT, when
# given, is made without -p, so that it is this run's own even if another run was started
# meanwhile; else BASE, or BASE-2 ... BASE-100 when that is taken (two runs started in the same
# second). On failure it calls the sourcing script's die.
make_run_folder() {
    local out=$1 base=$2 n=1
    if [ -n "$out" ]; then
        mkdir -p "$(dirname "$out")" && mkdir "$out" 2>/dev/null || die "cannot create $out (exists already?)"
    else
        mkdir -p "$(dirname "$base")"
        out=$base
        until mkdir "$out" 2>/dev/null; do
            n=$((n + 1))
            [ "$n" -le 100 ] || die "cannot create $base (or $base-2 .. -100)"
            out="$base-$n"
        done
    fi
    run_folder=$(cd "$out" && pwd)
}
