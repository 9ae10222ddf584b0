#!/usr/bin/env bash
# Upload throughput of the API to LocalDisk vs `cp` of the same file on the same disk, and the host's RSS growth.
#   bench/upload-throughput.sh [size-in-MiB, default 1024] [work folder, default /tmp/np-bench]   (RUNS=5 by default)
# Publishes the API (Release), starts it on 127.0.0.1 with Workers off, signs a company up, streams the file with curl
# (multipart POST /api/v1/uploads and signed PUT, RUNS times each; medians reported), and reads VmHWM/VmRSS from /proc.
# Baselines, also medians of RUNS: `cp` into the page cache, and `cp` + `sync` of the copy, which gives the guarantee
# the API's 201 gives (LocalDisk flushes every object to disk before answering).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
work=${2:-/tmp/np-bench}
runs=${RUNS:-5}
port=${PORT:-5099}
base="http://127.0.0.1:$port"
mkdir -p "$work"
rm -rf "$work/data" "$work/copy.pdf"

echo "== publish (Release)"
dotnet publish src/WebApi -c Release -o "$work/app" --nologo -v q >/dev/null

file="$work/big.pdf"
if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" -ne $((size_mib * 1024 * 1024)) ]; then
  echo "== create ${size_mib} MiB test file (PDF header + random bytes)"
  { printf '%%PDF-1.7\n'; head -c $((size_mib * 1024 * 1024 - 9)) /dev/urandom; } > "$file"
fi
bytes=$(stat -c %s "$file")
cat "$file" > /dev/null # every run reads the source from the page cache

seconds() { local start end; start=$(date +%s.%N); "$@"; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
copy_plain() { cp "$file" "$work/copy.pdf"; }
copy_durable() { cp "$file" "$work/copy.pdf" && sync "$work/copy.pdf"; }
timed_copy() { sync; local s; s=$(seconds "$1"); rm -f "$work/copy.pdf"; echo "$s"; }

echo "== baselines on $(df --output=source "$work" | tail -1), $runs runs each"
cp_seconds=$(for _ in $(seq "$runs"); do timed_copy copy_plain; done | median)
cp_sync_seconds=$(for _ in $(seq "$runs"); do timed_copy copy_durable; done | median)
# OpenSSL is what .NET's SHA256 calls on Linux: the API must hash every byte, so this is a floor for one upload.
sha_seconds=$(for _ in $(seq "$runs"); do seconds openssl dgst -sha256 -out /dev/null "$file"; done | median)
expected_checksum=$(openssl dgst -sha256 -r "$file" | cut -d' ' -f1)

echo "== start API"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" DataDirectory="$work/data" \
  Jwt__SigningKey="bench-signing-key-0123456789abcdef0123456789" Storage__SigningKey="bench-upload-signing-key-0123456789abcdef" \
  Uploads__MaxUploadBytes=$((bytes + 1024)) Uploads__DefaultStorageQuotaBytes=$((bytes * (2 * runs + 2))) Workers__Enabled=false \
  Secrets__EncryptionKey="$(head -c 32 /dev/urandom | base64)" Serilog__MinimumLevel__Default=Warning
dotnet "$work/app/NovaPulse.WebApi.dll" > "$work/api.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.2; done

token=$(curl -sf -H 'Content-Type: application/json' "$base/api/v1/auth/register" \
  -d "{\"companyName\":\"Bench\",\"name\":\"Bench\",\"email\":\"bench-$RANDOM@example.test\",\"password\":\"correct-horse-9\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
auth="Authorization: Bearer $token"

# Warm up the upload path (JIT tiers, EF model, connection pool) with 256 MiB uploads, then reset the peak RSS counter.
head -c $((256 * 1024 * 1024)) "$file" > "$work/warm.pdf"
for _ in 1 2 3 4; do curl -sf -H "$auth" -F "file=@$work/warm.pdf;type=application/pdf" "$base/api/v1/uploads" >/dev/null; done
sleep 1
rss_kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || echo "(cannot reset VmHWM; peak includes start-up)"
rss_before=$(rss_kib VmRSS)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)

# Each upload must answer 2xx with the file's size and SHA-256, or the run stops.
check() {
  python3 -c "import json,sys; d = json.load(open('$1')); sys.exit(0 if d.get('size') == $bytes and d.get('checksum') == '$expected_checksum' else 1)" \
    || { echo "upload answer wrong: $(head -c 300 "$1")" >&2; exit 1; }
}
multipart() {
  sync
  curl -s -o "$work/upload.json" -w '%{time_total}\n' -H "$auth" -F "file=@$file;type=application/pdf" "$base/api/v1/uploads"
  check "$work/upload.json"
}
signed_put() {
  local url
  url=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/v1/uploads/signed-url" \
    -d "{\"fileName\":\"direct.pdf\",\"contentType\":\"application/pdf\",\"size\":$bytes}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
  sync
  curl -s -o "$work/put.json" -w '%{time_total}\n' -H 'Content-Type: application/pdf' -T "$file" "$base$url"
  check "$work/put.json"
}

echo "== multipart upload through the API, $runs runs"
cpu_start=$(cpu_ticks)
up_seconds=$(for _ in $(seq "$runs"); do multipart; done | median)
cpu_multipart=$(( ($(cpu_ticks) - cpu_start) / runs ))
hwm_multipart=$(rss_kib VmHWM)

echo "== signed direct upload (PUT), $runs runs"
put_seconds=$(for _ in $(seq "$runs"); do signed_put; done | median)
hwm_all=$(rss_kib VmHWM)
rss_after=$(rss_kib VmRSS)

mib=$(echo "$bytes / 1048576" | bc -l)
rate() { printf '%6.2f s  %7.1f MiB/s' "$1" "$(echo "$mib / $1" | bc -l)"; }
pct() { printf '%.0f%%' "$(echo "100 * $2 / $1" | bc -l)"; }
printf '\nfile: %s MiB, medians of %s runs, checksums verified\n' "$(printf '%.0f' "$mib")" "$runs"
printf 'cp (page cache):    %s\n' "$(rate "$cp_seconds")"
printf 'cp + sync:          %s\n' "$(rate "$cp_sync_seconds")"
printf 'openssl sha256:     %s\n' "$(rate "$sha_seconds")"
printf 'API multipart POST: %s  (%s of cp + sync, %s of cp)\n' "$(rate "$up_seconds")" "$(pct "$up_seconds" "$cp_sync_seconds")" "$(pct "$up_seconds" "$cp_seconds")"
printf 'API signed PUT:     %s  (%s of cp + sync, %s of cp)\n' "$(rate "$put_seconds")" "$(pct "$put_seconds" "$cp_sync_seconds")" "$(pct "$put_seconds" "$cp_seconds")"
printf 'host CPU (user+sys) per multipart upload: %.2f s; load average: %s\n' "$(echo "$cpu_multipart / $hz" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'host RSS before: %d MiB; peak during multipart: %d MiB (growth %d MiB); peak overall: %d MiB (growth %d MiB); after: %d MiB\n' \
  $((rss_before / 1024)) $((hwm_multipart / 1024)) $(((hwm_multipart - rss_before) / 1024)) $((hwm_all / 1024)) $(((hwm_all - rss_before) / 1024)) $((rss_after / 1024))
