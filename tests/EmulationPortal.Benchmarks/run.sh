#!/usr/bin/env bash
# Dashboard benchmark (issue 4): build Release, fill scale 1 and 10 (unless present), measure both.
# Usage: tests/EmulationPortal.Benchmarks/run.sh [work folder, default /tmp/emulation-portal-bench]
# Results: <work folder>/results.md (copy the figures into docs/performance.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/emulation-portal-bench}"
mkdir -p "$work"
cd "$root"

dotnet build -c Release EmulationPortal.sln -v quiet -nologo
bench=(dotnet tests/EmulationPortal.Benchmarks/bin/Release/net10.0/EmulationPortal.Benchmarks.dll)

command -v wrk >/dev/null || echo "wrk not installed (apt-get install -y wrk): measuring with HttpClient only"

results="$work/results.md"
{
  echo "# Dashboard benchmark $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr), .NET SDK $(dotnet --version)"
  echo "CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
} > "$results"

for scale in 1 10; do
  db="$work/scale-$scale/portal.db"
  if [[ ! -f "$db" ]]; then
    echo "== fill scale $scale"
    /usr/bin/time -f "fill scale $scale: %e s wall, %M KB max RSS" "${bench[@]}" fill --scale "$scale" --db "$db" | tee "$work/fill-$scale.log"
  fi
  echo "== measure scale $scale"
  "${bench[@]}" measure --db "$db" --out "$work/measure-$scale.md"
  { echo; echo "## Scale $scale"; echo; cat "$work/measure-$scale.md"; } >> "$results"
done

echo
cat "$results"
