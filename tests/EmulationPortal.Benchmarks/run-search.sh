#!/usr/bin/env bash
# Search benchmark (issue 5): build the harness in Release, fill 100,000 articles and 20,000 documents with files
# (plus the scale-1 dashboard data) unless present, then time SearchService in-process and, when the results page
# exists in the build, GET /tim-kiem over HTTP.
# Usage: tests/EmulationPortal.Benchmarks/run-search.sh [work folder, default /tmp/emulation-portal-search]
# Results: <work folder>/search-results.md (copy the figures into docs/performance.md, "Search (issue 5)").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/emulation-portal-search}"
mkdir -p "$work"
cd "$root"

# The harness references the web project, so this builds the app (Release) that 'measure' starts.
dotnet build -c Release tests/EmulationPortal.Benchmarks/EmulationPortal.Benchmarks.csproj -v quiet -nologo
bench=(dotnet tests/EmulationPortal.Benchmarks/bin/Release/net10.0/EmulationPortal.Benchmarks.dll)

db="$work/content/portal.db"
if [[ ! -f "$db" ]]; then
  echo "== fill: scale 1, 100,000 articles, 20,000 documents, search index"
  /usr/bin/time -f "fill: %e s wall, %M KB max RSS" "${bench[@]}" fill --scale 1 --articles 100000 --documents 20000 --db "$db" | tee "$work/fill.log"
fi

results="$work/search-results.md"
{
  echo "# Search benchmark $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr), .NET SDK $(dotnet --version)"
  echo "CPU: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "Load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results"

echo "== search, in-process"
"${bench[@]}" search --db "$db" --out "$work/search-inprocess.md"
{ echo; echo "## In-process (SearchService.SearchAsync)"; echo; cat "$work/search-inprocess.md"; } >> "$results"

echo "== search, over HTTP"
"${bench[@]}" measure --db "$db" --pages search --out "$work/search-http.md"
{ echo; echo "## HTTP (GET /tim-kiem)"; echo; cat "$work/search-http.md"; } >> "$results"

echo
cat "$results"
