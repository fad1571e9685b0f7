#!/usr/bin/env bash
# Builds the base image of carbonx-node as a Docker-format image tarball, without a Docker engine and without any
# container registry: a Java runtime cut down by jlink from the JDK that runs this build, plus the few shared
# libraries that runtime links against, taken from Debian's packages (the exact versions installed on this machine,
# so the JDK's native code meets the libraries it was built for), plus /etc/passwd, /etc/group and /tmp.
#
# Usage: build-base.sh OUT_DIR JAVA_HOME
# Writes OUT_DIR/base.tar (manifest.json + config + one layer), which Jib takes as `tar://OUT_DIR/base.tar`, and
# OUT_DIR/base-packages.txt (the Debian packages and versions in the layer).
set -euo pipefail

out="${1:?usage: build-base.sh OUT_DIR JAVA_HOME}"
java_home="${2:?usage: build-base.sh OUT_DIR JAVA_HOME}"

# The JDK modules the node needs: `jdeps --print-module-deps` over carbonx-node.jar and its class path, plus what is
# loaded reflectively (EC for TLS 1.3 key exchange between validators, DNS naming, JMX for Kafka's metrics, zipfs).
# The image test runs `carbonx version` and a full node start inside the image, which fails if one is missing.
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.security.jgss,\
java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
# What libjvm.so, libjava.so, libzip.so and libnet.so link against (ldd), by Debian package.
packages=(libc6 libgcc-s1 libstdc++6 zlib1g)

work="$out/work"
root="$work/rootfs"
rm -rf "$work" "$out/base.tar"
mkdir -p "$root" "$work/debs"

echo "[base] jlink $modules"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$root/opt/java"

: > "$out/base-packages.txt"
for pkg in "${packages[@]}"; do
  version="$(dpkg-query -W -f='${Version}' "$pkg")"
  echo "$pkg=$version" >> "$out/base-packages.txt"
  deb=""
  if (cd "$work/debs" && apt-get download -q "$pkg=$version" >/dev/null 2>&1); then
    deb="$(ls "$work/debs"/"${pkg}"_*.deb)"
  fi
  if [[ -n "$deb" ]]; then
    echo "[base] $pkg $version from Debian's package $(basename "$deb")"
    dpkg-deb -x "$deb" "$root"
  else
    # No package archive reachable: the same package version's files as installed here (dpkg -L).
    echo "[base] $pkg $version: apt-get download failed; copying the installed files of that version (dpkg -L)"
    dpkg -L "$pkg" | while read -r f; do
      if [[ -f "$f" || -L "$f" ]]; then
        mkdir -p "$root$(dirname "$f")"
        cp -a "$f" "$root$f"
      fi
    done
  fi
done
# Documentation, locales and gconv modules are not used by the JVM.
rm -rf "$root/usr/share" "$root/usr/lib/x86_64-linux-gnu/gconv" "$root/etc/ld.so.conf.d"

# Symbolic links with absolute targets point into the image, not this machine: make them relative to the image
# root, so the tarball is self-contained whatever unpacks it.
while IFS= read -r link; do
  target="$(readlink "$link")"
  if [[ "$target" == /* ]]; then
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$target")" "$link"
  fi
done < <(find "$root" -type l)

# Mount points a container runtime fills (proc, sys, dev), and the writable places the node uses.
mkdir -p "$root/etc" "$root/tmp" "$root/var/lib/carbonx" "$root/home/nonroot" "$root/proc" "$root/sys" "$root/dev"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' \
  > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
chown 65532:65532 "$root/home/nonroot" "$root/var/lib/carbonx"

# One reproducible layer: sorted names, fixed owner where not set above, fixed time.
layer="$work/layer.tar"
tar --sort=name --mtime='2026-11-01 00:00:00Z' --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$root" -cf "$layer" .
diff_id="sha256:$(sha256sum "$layer" | cut -d' ' -f1)"

cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"2026-11-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532:65532",
  "WorkingDir":"/home/nonroot"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"2026-11-01T00:00:00Z","created_by":"node-image/src/main/image/build-base.sh: jlink runtime + $(tr '\n' ' ' < "$out/base-packages.txt")"}]}
EOF
config_name="$(sha256sum "$work/config.json" | cut -d' ' -f1).json"
mkdir -p "$work/image"
cp "$work/config.json" "$work/image/$config_name"
cp "$layer" "$work/image/layer.tar"
printf '[{"Config":"%s","RepoTags":["carbonx-base:local"],"Layers":["layer.tar"]}]\n' "$config_name" \
  > "$work/image/manifest.json"
tar --sort=name --mtime='2026-11-01 00:00:00Z' --owner=0 --group=0 --numeric-owner -C "$work/image" \
  -cf "$out/base.tar" manifest.json "$config_name" layer.tar
rm -rf "$work"
echo "[base] wrote $out/base.tar ($(du -h "$out/base.tar" | cut -f1)), layer $diff_id"
