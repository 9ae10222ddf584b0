#!/usr/bin/env bash
# Upload throughput of the API to LocalDisk vs `cp` of the same file on the same disk, and the host's RSS growth.
#   bench/upload-throughput.sh [size-in-MiB, default 1024] [work folder, default /tmp/np-bench]
# Publishes the API (Release), starts it on 127.0.0.1 with Workers off, signs a company up, streams the file with curl
# (multipart POST /api/v1/uploads, then a signed PUT), and reads VmHWM/VmRSS of the host from /proc.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
work=${2:-/tmp/np-bench}
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
cat "$file" > /dev/null # both runs read the source from the page cache

echo "== cp baseline (same disk: $(df --output=source "$work" | tail -1))"
cp_start=$(date +%s.%N); cp "$file" "$work/copy.pdf"; cp_end=$(date +%s.%N)
rm -f "$work/copy.pdf"
cp_seconds=$(echo "$cp_end - $cp_start" | bc -l)

echo "== sha256sum floor (the API must hash every byte)"
sha_start=$(date +%s.%N); sha256sum "$file" > /dev/null; sha_end=$(date +%s.%N)
sha_seconds=$(echo "$sha_end - $sha_start" | bc -l)

echo "== start API"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" DataDirectory="$work/data" \
  Jwt__SigningKey="bench-signing-key-0123456789abcdef0123456789" Storage__SigningKey="bench-upload-signing-key-0123456789abcdef" \
  Uploads__MaxUploadBytes=$((bytes + 1024)) Uploads__DefaultStorageQuotaBytes=$((bytes * 4)) Workers__Enabled=false \
  Serilog__MinimumLevel__Default=Warning
dotnet "$work/app/NovaPulse.WebApi.dll" > "$work/api.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.2; done

token=$(curl -sf -H 'Content-Type: application/json' "$base/api/v1/auth/register" \
  -d "{\"companyName\":\"Bench\",\"name\":\"Bench\",\"email\":\"bench-$RANDOM@example.test\",\"password\":\"correct-horse-9\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
auth="Authorization: Bearer $token"

# Warm up the upload path (JIT, EF model, connection pool) with a small file, then reset the peak RSS counter.
head -c 65536 "$file" > "$work/warm.pdf"
curl -sf -H "$auth" -F "file=@$work/warm.pdf;type=application/pdf" "$base/api/v1/uploads" >/dev/null
sleep 1
rss_kib() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/status"; }
echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || echo "(cannot reset VmHWM; peak includes start-up)"
rss_before=$(rss_kib VmRSS)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
cpu_start=$(cpu_ticks)

echo "== multipart upload through the API"
read -r up_seconds up_status < <(curl -s -o "$work/upload.json" -w '%{time_total} %{http_code}\n' -H "$auth" \
  -F "file=@$file;type=application/pdf" "$base/api/v1/uploads")
hwm_multipart=$(rss_kib VmHWM)
cpu_multipart=$(( $(cpu_ticks) - cpu_start ))

echo "== signed direct upload (PUT)"
signed=$(curl -sf -H "$auth" -H 'Content-Type: application/json' "$base/api/v1/uploads/signed-url" \
  -d "{\"fileName\":\"direct.pdf\",\"contentType\":\"application/pdf\",\"size\":$bytes}")
put_url=$(echo "$signed" | python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
read -r put_seconds put_status < <(curl -s -o "$work/put.json" -w '%{time_total} %{http_code}\n' \
  -H 'Content-Type: application/pdf' -T "$file" "$base$put_url")
hwm_all=$(rss_kib VmHWM)
rss_after=$(rss_kib VmRSS)

stored=$(find "$work/data/uploads" -type f -size +1M | head -1)
checksum_ok=$(python3 -c "import json; print(json.load(open('$work/upload.json')).get('size') == $bytes)")

mib=$(echo "$bytes / 1048576" | bc -l)
printf '\nfile: %s MiB\n' "$(printf '%.0f' "$mib")"
printf 'cp:                 %6.2f s  %8.1f MiB/s\n' "$cp_seconds" "$(echo "$mib / $cp_seconds" | bc -l)"
printf 'sha256sum alone:    %6.2f s  %8.1f MiB/s\n' "$sha_seconds" "$(echo "$mib / $sha_seconds" | bc -l)"
printf 'API multipart POST: %6.2f s  %8.1f MiB/s  (%s%% of cp, HTTP %s, size ok: %s)\n' "$up_seconds" \
  "$(echo "$mib / $up_seconds" | bc -l)" "$(printf '%.0f' "$(echo "100 * $cp_seconds / $up_seconds" | bc -l)")" "$up_status" "$checksum_ok"
printf 'API signed PUT:     %6.2f s  %8.1f MiB/s  (%s%% of cp, HTTP %s)\n' "$put_seconds" \
  "$(echo "$mib / $put_seconds" | bc -l)" "$(printf '%.0f' "$(echo "100 * $cp_seconds / $put_seconds" | bc -l)")" "$put_status"
printf 'host CPU (user+sys) for the multipart upload: %.2f s; load average: %s\n' "$(echo "$cpu_multipart / $hz" | bc -l)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'host RSS before: %d MiB; peak during multipart: %d MiB (growth %d MiB); peak overall: %d MiB (growth %d MiB); after: %d MiB\n' \
  $((rss_before / 1024)) $((hwm_multipart / 1024)) $(((hwm_multipart - rss_before) / 1024)) $((hwm_all / 1024)) $(((hwm_all - rss_before) / 1024)) $((rss_after / 1024))
[ -n "$stored" ] && echo "stored object: $stored"
