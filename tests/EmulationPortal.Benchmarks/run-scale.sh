#!/usr/bin/env bash
# Fast pages at scale (issue 6): publish the portal and the reference page in Release, fill the issue-6 data set unless
# present (100,000 articles, 20,000 documents with a PDF file each, 50,000 commendations, 500 units, 5,000 staff,
# 50 campaigns and their reports), then load-test every page with wrk at 32 connections against the reference page.
# Usage: tests/EmulationPortal.Benchmarks/run-scale.sh [work folder, default /tmp/emulation-portal-scale] [extra 'scale' options]
# Results: <work folder>/scale-results.md (copy the table into docs/performance.md, "Fast pages at scale (issue 6)").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mkdir -p "${1:-/tmp/emulation-portal-scale}" && cd "${1:-/tmp/emulation-portal-scale}" && pwd)"
shift || true
cd "$root"

if ! command -v wrk >/dev/null; then
  echo "== installing wrk (Debian package)"
  if [[ $(id -u) -eq 0 ]]; then apt-get install -y wrk; else sudo apt-get install -y wrk; fi
fi

echo "== publish (Release): portal, reference page; build the harness"
dotnet publish -c Release -r linux-x64 -o "$work/publish" src/EmulationPortal.Web -v quiet -nologo
dotnet publish -c Release -o "$work/publish-ref" tests/EmulationPortal.Benchmarks.Reference -v quiet -nologo
dotnet build -c Release tests/EmulationPortal.Benchmarks/EmulationPortal.Benchmarks.csproj -v quiet -nologo
bench=(dotnet tests/EmulationPortal.Benchmarks/bin/Release/net10.0/EmulationPortal.Benchmarks.dll)

db="$work/data/portal.db"
if [[ ! -f "$db" ]]; then
  echo "== fill (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -f "fill: %e s wall, %M KB max RSS" "${bench[@]}" fill --scale 1 --articles 100000 --documents 20000 \
    --staff-per-unit 10 --commendations 50000 --files --db "$db" | tee "$work/fill.log"
fi

echo "== measure"
"${bench[@]}" scale --db "$db" --portal "$work/publish/EmulationPortal.Web.dll" \
  --reference "$work/publish-ref/EmulationPortal.Benchmarks.Reference.dll" --out "$work/scale-results.md" "$@"
echo "results: $work/scale-results.md (portal log beside it)"
