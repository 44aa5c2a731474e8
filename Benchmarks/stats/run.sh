#!/bin/sh
# B3 (issue 5): times `callpulse stats big --json` on a synthetic campaign of 1,000,000 contacts,
# 750,000 calls, 250,000 complete interviews, 1,500,000 answers and 50,000 open follow-ups,
# beside callpulse start-up alone and the plain GROUP BY queries in the sqlite3 shell.
#   swift build -c release && Benchmarks/stats/run.sh [DIR] [RUNS]
# Building the database takes about a minute (2 min on a loaded 2-core machine) and 360 MB in DIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="$here/../../.build/release/callpulse"
dir=${1:-/tmp/callpulse-bench-stats}
runs=${2:-31}
mkdir -p "$dir"
db="$dir/big.sqlite"
if [ ! -f "$db" ]; then
    "$bin" campaign create big --script "$here/../../Scripts/customer-service-pulse.yaml" --client Bench --db "$db" >/dev/null
    sqlite3 "$db" < "$here/make-campaign.sql"
fi
python3 - "$bin" "$db" "$runs" "$here/baseline.sql" <<'PY'
import statistics, subprocess, sys, time
binary, db, runs, baseline = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
cases = {
    "callpulse --version (start-up only)": ([binary, "--version"], None),
    "callpulse stats big --json": ([binary, "stats", "big", "--json", "--db", db], None),
    "sqlite3 shell, plain GROUP BY queries": (["sqlite3", db], baseline),
}
times = {name: [] for name in cases}
subprocess.run(cases["callpulse stats big --json"][0], stdout=subprocess.DEVNULL, check=True)  # warm the page cache
for index in range(runs):
    for name, (cmd, stdin) in cases.items():
        if stdin and index >= 5:
            continue  # the scans take seconds; five runs say enough
        start = time.perf_counter()
        subprocess.run(cmd, stdin=open(stdin) if stdin else None, stdout=subprocess.DEVNULL, check=True)
        times[name].append((time.perf_counter() - start) * 1000)
for name, values in times.items():
    values.sort()
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    print(f"{name:40} median {statistics.median(values):8.1f} ms   p99 {p99:8.1f} ms   ({len(values)} runs)")
ratio = statistics.median(times["sqlite3 shell, plain GROUP BY queries"]) / statistics.median(times["callpulse stats big --json"])
print(f"plain GROUP BY ÷ callpulse stats: {ratio:.0f}×")
PY
