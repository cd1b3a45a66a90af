#!/usr/bin/env bash
# Makes a base image for the Containerfile without any container registry: a minimal Debian root
# file system from Debian's packages (mmdebstrap) and a Java runtime made with jlink from a local
# JDK, imported into podman as localhost/atrium-base:<key>. Prints that name; then
#   podman build --format docker --build-arg BASE=<name> -f Containerfile .
# Needs podman and mmdebstrap (Debian packages), a JDK 21+ (ATRIUM_BASE_JDK, else JAVA_HOME, else
# Temurin 25 under /usr/lib/jvm), a Debian mirror (ATRIUM_BASE_MIRROR) and root or unprivileged
# user namespaces for mmdebstrap. The result is cached by its inputs (this script, the JDK's
# version): in podman's image store, and as a tarball under ${XDG_CACHE_HOME:-~/.cache}/atrium-image,
# so a later run imports it in seconds instead of building it again (about a minute).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
jdk="${ATRIUM_BASE_JDK:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
suite="${ATRIUM_BASE_SUITE:-bookworm}"
mirror="${ATRIUM_BASE_MIRROR:-http://deb.debian.org/debian}"
cache="${ATRIUM_BASE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/atrium-image}"

# What the server needs of the JDK, by jdeps over the jar and its libraries (docs/deployment.md
# shows the command; run it again when a dependency is added), plus what is loaded by name at run
# time: EC keys (jdk.crypto.ec), jar file systems (jdk.zipfs), JNDI DNS names (jdk.naming.dns).
modules=java.base,java.compiler,java.desktop,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,jdk.management,jdk.net,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.naming.dns
# The C library and what the image's scripts run (bash for the health check, coreutils, a shell);
# base-passwd's tables become /etc/passwd and /etc/group. Only extracted, nothing configured:
# nothing in the image runs a package's scripts, apt or dpkg.
packages=libc6,bash,dash,coreutils,base-files,base-passwd,netbase

[ -x "$jdk/bin/jlink" ] || { echo "build-base: no jlink in $jdk (set ATRIUM_BASE_JDK to a JDK 21+)" >&2; exit 1; }
for tool in podman mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "build-base: $tool is missing (Debian: apt-get install podman runc mmdebstrap)" >&2; exit 1; }
done

key=$( { cat "${BASH_SOURCE[0]}"; echo "$suite"; cat "$jdk/release"; } | sha256sum | cut -c1-16)
image="localhost/atrium-base:$key"
if podman image exists "$image"; then
  echo "$image"
  exit 0
fi

tarball="$cache/atrium-base-$key.tar"
if [ ! -f "$tarball" ]; then
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/build.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "build-base: Debian $suite root file system (mmdebstrap, $mirror)..." >&2
  mmdebstrap --quiet --mode=auto --variant=extract --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/lintian/*' \
    --customize-hook='cp "$1/usr/share/base-passwd/passwd.master" "$1/etc/passwd"' \
    --customize-hook='cp "$1/usr/share/base-passwd/group.master" "$1/etc/group"' \
    --customize-hook='ln -sf dash "$1/bin/sh"' \
    --customize-hook='rm -rf "$1/var/cache/apt" "$1/var/lib/apt/lists" "$1/var/log/apt"' \
    "$suite" "$work/root" "$mirror" >&2
  echo "build-base: Java runtime (jlink from $jdk)..." >&2
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --generate-cds-archive --output "$work/root/opt/java/openjdk" >&2
  tar -C "$work/root" --numeric-owner -cf "$work/base.tar" .
  mv "$work/base.tar" "$tarball"
  rm -f $(ls "$cache"/atrium-base-*.tar | grep -vF "$tarball") # older keys: never used again
fi

podman import --quiet \
  --change 'ENV JAVA_HOME=/opt/java/openjdk' \
  --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  "$tarball" "$image" >/dev/null
echo "$image"
