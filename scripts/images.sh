# Sourced by the test and bench scripts: builds the two small test images with `docker import`
# (no registry is needed): hebergos-test/busybox (busybox applets) and hebergos-test/git (the same plus
# the host's git and the libraries it links).

BUSYBOX_IMAGE=hebergos-test/busybox:1
GIT_IMAGE=hebergos-test/git:1

ensure_busybox_static() {
  [ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1 && ldd /bin/busybox 2>&1 | grep -q 'not a dynamic' && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q busybox-static) >/tmp/hebergos-busybox-install.log 2>&1 \
      || { echo "apt-get install busybox-static failed: see /tmp/hebergos-busybox-install.log" >&2; return 1; }
  else
    echo "A static busybox is needed at /bin/busybox (Debian: apt-get install busybox-static)" >&2
    return 1
  fi
}

# $1: root directory to fill with busybox, a passwd with root and uid 1000 (user 'site')
busybox_rootfs() {
  local root=$1
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/home/site" "$root/srv/app" "$root/www"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nsite:x:1000:1000:site:/home/site:/bin/sh\n' >"$root/etc/passwd"
  printf 'root:x:0:\nsite:x:1000:\n' >"$root/etc/group"
  chown 1000:1000 "$root/home/site"
}

ensure_test_images() {
  ensure_busybox_static || return 1
  local work
  if ! docker image inspect "$BUSYBOX_IMAGE" >/dev/null 2>&1; then
    work=$(mktemp -d)
    busybox_rootfs "$work"
    tar -C "$work" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "$BUSYBOX_IMAGE" >/dev/null
    rm -rf "$work"
  fi
  if ! docker image inspect "$GIT_IMAGE" >/dev/null 2>&1; then
    command -v git >/dev/null || { echo "git is needed on the host to build $GIT_IMAGE" >&2; return 1; }
    work=$(mktemp -d)
    busybox_rootfs "$work"
    mkdir -p "$work/usr/bin" "$work/usr/lib" "$work/usr/share"
    cp "$(command -v git)" "$work/usr/bin/git"
    cp -a /usr/lib/git-core "$work/usr/lib/"
    [ -d /usr/share/git-core ] && cp -a /usr/share/git-core "$work/usr/share/"
    for lib in $(ldd "$(command -v git)" /usr/lib/git-core/git-remote-http 2>/dev/null | grep -o '/[^ ]*' | grep -v ':$' | sort -u); do
      cp --parents -L "$lib" "$work"
    done
    tar -C "$work" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' -c 'WORKDIR /srv/app' - "$GIT_IMAGE" >/dev/null
    rm -rf "$work"
  fi
}
