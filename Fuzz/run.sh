#!/bin/sh
# Builds CallPulse's libFuzzer harnesses and runs them.
#
#   Fuzz/run.sh                      # every target, 60 s each
#   Fuzz/run.sh FuzzCSV 600          # one target (FuzzCSV, FuzzCondition, FuzzScript), 10 minutes
#
# Each target starts from seeds made of the repository's own scripts and call lists (the test
# fixtures included) and keeps what it learns in .build/fuzz-corpus/TARGET. An input that crashes,
# trips AddressSanitizer, fails a check in Sources/FuzzChecks or runs over 10 s is saved under
# Fuzz/crashes/TARGET/; rerun it with `.build/release/TARGET FILE`.
set -eu
cd "$(dirname "$0")"
targets=${1:-all}
seconds=${2:-60}
[ "$targets" = all ] && targets="FuzzCSV FuzzCondition FuzzScript"

# Release, instrumented for libFuzzer and AddressSanitizer; -enable-testing lets the checks use
# internal API; lld because gold fails on the sanitizer runtime.
flags="-c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -use-ld=lld"
# SwiftPM reuses its build plan for a path dependency and would miss files added to ../Sources.
rm -f .build/release.yaml .build/*/release/description.json
for target in $targets; do
    swift build $flags --product "$target"
done

seeds=.build/fuzz-seeds
rm -rf "$seeds"
mkdir -p "$seeds/FuzzCSV" "$seeds/FuzzCondition" "$seeds/FuzzScript"
n=0
for file in ../CallLists/*.csv ../Tests/CallPulseKitTests/Fixtures/calllists/*.*sv \
            ../Tests/CallPulseKitTests/Fixtures/hostile/calllists/*.*sv; do
    n=$((n + 1))
    # FuzzCSV reads its chunk size from the first byte.
    { printf "\\$(printf %o $((n % 64)))"; head -c 4096 "$file"; } > "$seeds/FuzzCSV/$n"
done
for file in ../Scripts/*.yaml ../Tests/CallPulseKitTests/Fixtures/scripts/*.yaml \
            ../Tests/CallPulseKitTests/Fixtures/hostile/scripts/*.yaml; do
    cp "$file" "$seeds/FuzzScript/"
done
grep -h 'when:' ../Scripts/*.yaml ../Tests/CallPulseKitTests/Fixtures/*/*.yaml ../Tests/CallPulseKitTests/Fixtures/hostile/scripts/*.yaml |
    sed -e 's/.*when: *//' -e 's/^"//' -e 's/"[^"]*$//' | awk '{ print > (dir "/" NR) }' dir="$seeds/FuzzCondition"

# Let libFuzzer handle a crash and save the input; Swift's own backtracer would catch it first.
export SWIFT_BACKTRACE=enable=no
status=0
for target in $targets; do
    corpus=.build/fuzz-corpus/$target
    mkdir -p "$corpus" "crashes/$target"
    echo "== $target for $seconds s"
    dictionary=dictionaries/$(echo "$target" | sed 's/^Fuzz//' | tr 'A-Z' 'a-z').dict
    .build/release/"$target" "$corpus" "$seeds/$target" -dict="$dictionary" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="crashes/$target/" || status=1
done
rm -rf /dev/shm/callpulse-fuzz-* 2>/dev/null || true # FuzzCSV's scratch files
exit $status
