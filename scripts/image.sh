#!/usr/bin/env bash
# Builds the agent's container image hebergos/docker-link:<version> and :latest without any registry:
# it assembles a root filesystem (a Java runtime cut down with jlink, Payara Micro unpacked and warmed up
# with the WAR deployed, the few system libraries the JVM links) and `docker import`s it.
#
#   scripts/image.sh              builds the WAR (mvn package) first, then the image
#   scripts/image.sh --prebuilt   uses target/docker-link.war and target/payara-micro.jar as they are
#                                 (the integration test, which runs after Maven's package phase)
#
# Needs: Docker, a JDK 17 with jmods (Debian: openjdk-17-jdk-headless), and Maven unless --prebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."

prebuilt=false
case "${1:-}" in
  --prebuilt) prebuilt=true ;;
  "") ;;
  *) echo "usage: scripts/image.sh [--prebuilt]" >&2; exit 2 ;;
esac

IMAGE=${IMAGE:-hebergos/docker-link}
VERSION=$(sed -n 's|^    <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
JDK=${JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
# The agent's uid/gid in the image: not root, and not a uid a host account is likely to have.
APP_UID=10001
# What Payara Micro and the WAR use of the JDK: the modules jdeps finds in Payara's runtime jars and the
# WAR's libraries, plus those only reached by reflection or service lookup (jdk.management,
# jdk.naming.dns: named in Payara's manifest; jdk.zipfs, jdk.crypto.ec). Not the debugger and attach
# modules (jdeps names them for Payara's monitoring probes and javassist's hot swap, both unused).
MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.xml.dom,jdk.zipfs
# Payara Micro's command line, as scripts/run.sh runs it, with the two command files in /opt/docker-link/
. scripts/payara-micro.sh
MICRO_OPTIONS=("${PAYARA_MICRO_OPTIONS[@]/#scripts\//\/opt\/docker-link\/}")
JVM_OPTIONS=("${PAYARA_JVM_OPTIONS[@]}")
HEAP_OPTIONS="${PAYARA_HEAP_OPTIONS[*]}"

[ -n "$VERSION" ] || { echo "cannot read the project version from pom.xml" >&2; exit 1; }
[ -d "$JDK/jmods" ] || { echo "no jmods in $JDK: install a full JDK 17 (Debian: openjdk-17-jdk-headless) or set JDK=" >&2; exit 1; }
docker info >/dev/null 2>&1 || { echo "no Docker engine answers: start Docker first" >&2; exit 1; }
if ! $prebuilt; then
  mvn -B -q -DskipTests package
fi
for f in target/docker-link.war target/payara-micro.jar; do
  [ -f "$f" ] || { echo "$f is missing: run 'mvn -DskipTests package' or this script without --prebuilt" >&2; exit 1; }
done

work=$(mktemp -d)
stage=$IMAGE-build:$(basename "$work" | tr 'A-Z.' 'a-z-')
cleanup() {
  docker rmi "$stage" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
root=$work/rootfs
mkdir -p "$root/etc" "$root/tmp" "$root/data" "$root/opt/payara" "$root/opt/docker-link"
chmod 1777 "$root/tmp"

echo "jlink: a Java runtime with $MODULES" >&2
# The AWT natives (X11, fonts, images, sound) are left out: the agent is headless, and they would pull
# X11 and image libraries into the image for nothing.
"$JDK/bin/jlink" --module-path "$JDK/jmods" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --exclude-files '**/libawt_xawt.so,**/libjawt.so,**/libfontmanager.so,**/libjavajpeg.so,**/libjsound.so,**/liblcms.so,**/libsplashscreen.so,**/libmlib_image.so' \
  --output "$root/opt/java" >/dev/null
# the archive for heaps above 32 GB, and the symbol table of the JVM (it is only for debuggers)
rm -f "$root/opt/java/lib/server/classes_nocoops.jsa"
if command -v strip >/dev/null; then strip --strip-unneeded "$root/opt/java/lib/server/libjvm.so"; fi
for lib in $(ldd "$root/opt/java/bin/java" $(find "$root/opt/java/lib" -name '*.so') | grep -o '/[^ ]*' | grep -v "^$root" | sort -u); do
  cp --parents -L "$lib" "$root"
done
printf 'root:x:0:0:root:/root:/nonexistent\ndocker-link:x:%s:%s:HebergOS docker link:/opt/payara:/nonexistent\n' "$APP_UID" "$APP_UID" >"$root/etc/passwd"
printf 'root:x:0:\ndocker-link:x:%s:\n' "$APP_UID" >"$root/etc/group"
# Payara resolves the container's host name: /etc/hosts (Docker writes it there) before any DNS
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
cp scripts/payara-preboot.asadmin scripts/payara-postdeploy.asadmin "$root/opt/docker-link/"

echo "Payara Micro: unpacking it and deploying the WAR once, at build time" >&2
tar -C "$root" -c --numeric-owner --owner=0 --group=0 . | docker import - "$stage" >/dev/null
in_stage() { # runs $@ in the runtime just built, with the root filesystem's /opt/payara mounted
  docker run --rm --user "$(id -u):$(id -g)" -e HOME=/tmp -e HEBERGOS_ENV=/nonexistent/.env \
    -e DATA_DIR=/tmp/data -e API_TOKEN=build -e DOCKER_SOCK=/nonexistent/docker.sock \
    -v "$root/opt/payara:/opt/payara" -v "$root/opt/docker-link:/opt/docker-link" \
    -v "$PWD/target:/build:ro" -w /opt/payara "$stage" "$@" >>"$work/build.log" 2>&1 \
    || { tail -n 40 "$work/build.log" >&2; echo "failed: $*" >&2; exit 1; }
}
in_stage /opt/java/bin/java -jar /build/payara-micro.jar --rootdir /opt/payara --outputlauncher
# --warmup applies the options and the deployment to the instance directory, then stops. The JDK
# classes that start loads go into the JVM's default CDS archive (in place of jlink's, which holds only
# the JDK's own short list): mapped ready-made at every start instead of read from the compressed
# modules file and verified. Payara's and the WAR's classes stay out: archiving them too (a dynamic
# archive) would add some 100 MB to the image.
in_stage /opt/java/bin/java $HEAP_OPTIONS "${JVM_OPTIONS[@]}" -XX:DumpLoadedClassList=/opt/docker-link/classes.lst \
  -jar /opt/payara/launch-micro.jar --deploy /build/docker-link.war "${MICRO_OPTIONS[@]}" --warmup
# (dumped with the runtime's collector: with it the JVM ignores archived heap objects, so none are stored)
in_stage /opt/java/bin/java $HEAP_OPTIONS -Xshare:dump -XX:SharedClassListFile=/opt/docker-link/classes.lst \
  -XX:SharedArchiveFile=/opt/docker-link/classes.jsa
mv "$root/opt/docker-link/classes.jsa" "$root/opt/java/lib/server/classes.jsa"
rm "$root/opt/docker-link/classes.lst"
# Payara keeps a copy of the deployed archive for redeployment; the agent is never redeployed
rm -rf "$root/opt/payara/applications/__internal"

echo "docker import $IMAGE:$VERSION" >&2
previous=$(docker image inspect --format '{{.Id}}' "$IMAGE:$VERSION" 2>/dev/null || true)
entrypoint=$(printf '"%s",' /opt/java/bin/java "${JVM_OPTIONS[@]}" -jar /opt/payara/launch-micro.jar "${MICRO_OPTIONS[@]}")
# Root owns the runtime (read-only for the agent); the agent owns its Payara instance and /data.
tar -C "$root" -cf "$work/rootfs.tar" --numeric-owner --owner=0 --group=0 --exclude=./opt/payara --exclude=./data .
tar -C "$root" -rf "$work/rootfs.tar" --numeric-owner --owner="$APP_UID" --group="$APP_UID" ./opt/payara ./data
docker import \
  -c "ENTRYPOINT [${entrypoint%,}]" \
  -c "USER $APP_UID:$APP_UID" \
  -c 'WORKDIR /opt/payara' \
  -c 'EXPOSE 8080' \
  -c 'VOLUME /data' \
  -c "ENV JDK_JAVA_OPTIONS=\"$HEAP_OPTIONS\"" \
  -c 'ENV DATA_DIR=/data DOCKER_SOCK=/var/run/docker.sock HEBERGOS_ENV=/nonexistent/.env' \
  "$work/rootfs.tar" "$IMAGE:$VERSION" >/dev/null
docker tag "$IMAGE:$VERSION" "$IMAGE:latest"
# the image this one replaces, unless a container still uses it
[ -n "$previous" ] && docker rmi "$previous" >/dev/null 2>&1 || true
echo "Built $IMAGE:$VERSION and $IMAGE:latest ($(docker image inspect --format '{{.Size}}' "$IMAGE:$VERSION" | awk '{printf "%.0f MB", $1 / 1e6}'))"
