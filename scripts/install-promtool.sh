#!/usr/bin/env bash
# Puts Prometheus' promtool at /usr/local/bin/promtool (MetricsExpositionTest runs `promtool check
# metrics` on a scrape). It comes from Debian's prometheus package, unpacked rather than installed:
# installing it would also start a Prometheus server (on port 9090, Atrium's default). Needs root.
set -euo pipefail
if command -v promtool >/dev/null; then
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
apt-get download prometheus >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get download prometheus >/dev/null; }
dpkg-deb --fsys-tarfile prometheus_*.deb | tar -x ./usr/bin/promtool
install -m 0755 usr/bin/promtool /usr/local/bin/promtool
echo "install-promtool: $(/usr/local/bin/promtool --version 2>&1 | head -1)" >&2
