#!/usr/bin/env bash
# Installs a released hookctl for this machine's OS and architecture: picks the release
# archive, verifies it against its .sha256 file, unpacks it into a cache directory and puts
# it on PATH. The GitHub Action (action.yml) runs this; so can any CI.
#
# Environment (all optional):
#   HOOKCTL_VERSION       a release tag (v0.2.0 or 0.2.0) or "latest" (default)
#   HOOKCTL_REPO          owner/name of the GitHub repository with the releases
#   HOOKCTL_DOWNLOAD_URL  where the archives are instead of the GitHub release: an http(s) or
#                         file:// URL, or a local directory (a mirror, or a test's artifacts)
#   HOOKCTL_INSTALL_DIR   the cache directory [default: $RUNNER_TOOL_CACHE/hookctl/VERSION/TARGET,
#                         or ~/.cache/hookctl/VERSION/TARGET]
#   HOOKCTL_TARGET        a Rust target triple instead of the detected one
#   GITHUB_PATH           when set (GitHub Actions), the directory is added to it for later steps
# Prints the installed binary's path on stdout. Exit 1 with an `error:` line on failure,
# notably when the checksum does not match (nothing is installed then).
set -euo pipefail

fail() {
  echo "error: $1" >&2
  [ -n "${2:-}" ] && echo "hint: $2" >&2
  exit 1
}

repo=${HOOKCTL_REPO:-hookctl/hookctl}
version=${HOOKCTL_VERSION:-latest}
[ -n "$version" ] || version=latest
case "$version" in
  latest) ;;
  v*) ;;
  *) version="v$version" ;;
esac

detect_target() {
  local os arch libc=gnu
  os=$(uname -s)
  arch=$(uname -m)
  case "$arch" in
    x86_64 | amd64) arch=x86_64 ;;
    aarch64 | arm64) arch=aarch64 ;;
    *) fail "no hookctl release for the $arch architecture" "build it: cargo install hookctl --locked" ;;
  esac
  case "$os" in
    Linux)
      # A system without glibc (Alpine) gets the static musl build.
      case "$(ldd --version 2>&1 || true)" in
        *GLIBC* | *glibc* | *"GNU libc"*) ;;
        *) libc=musl ;;
      esac
      echo "$arch-unknown-linux-$libc"
      ;;
    Darwin) echo "$arch-apple-darwin" ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT)
      [ "$arch" = x86_64 ] || fail "no hookctl release for Windows on $arch" "build it: cargo install hookctl --locked"
      echo "x86_64-pc-windows-msvc"
      ;;
    *) fail "no hookctl release for $os" "build it: cargo install hookctl --locked" ;;
  esac
}

target=${HOOKCTL_TARGET:-$(detect_target)}
case "$target" in
  *windows*) archive="hookctl-$target.zip" exe=hookctl.exe ;;
  *) archive="hookctl-$target.tar.xz" exe=hookctl ;;
esac

if [ -n "${HOOKCTL_DOWNLOAD_URL:-}" ]; then
  base=${HOOKCTL_DOWNLOAD_URL%/}
elif [ "$version" = latest ]; then
  base="https://github.com/$repo/releases/latest/download"
else
  base="https://github.com/$repo/releases/download/$version"
fi

cache_root=${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}
dir=${HOOKCTL_INSTALL_DIR:-$cache_root/hookctl/$version/$target}
stamp="$dir/.hookctl-verified"

# A directory this script filled before (same version, same target) is reused: it was
# verified when it was written. "latest" is never reused: it moves.
if [ "$version" != latest ] && [ -x "$dir/$exe" ] && [ -f "$stamp" ] \
  && [ "$(cat "$stamp")" = "$archive $base" ]; then
  echo "hookctl $version ($target) from the cache: $dir" >&2
else
  fetch() { # URL-or-path, destination
    case "$1" in
      http://* | https://* | file://*)
        if command -v curl > /dev/null; then
          curl --proto '=https,http,file' -fsSL --retry 3 -o "$2" "$1"
        else
          wget -q -O "$2" "$1"
        fi
        ;;
      *) cp "$1" "$2" ;;
    esac
  }
  sha256() {
    if command -v sha256sum > /dev/null; then
      sha256sum "$1" | cut -d' ' -f1
    else
      shasum -a 256 "$1" | cut -d' ' -f1
    fi
  }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  fetch "$base/$archive" "$work/$archive" \
    || fail "cannot download $base/$archive" "check the version ($version) and that the release has $target"
  fetch "$base/$archive.sha256" "$work/$archive.sha256" \
    || fail "cannot download $base/$archive.sha256: refusing to install an unverified archive"
  # The file is `HEX *NAME` (sha256sum's format).
  want=$(tr -d '\r' < "$work/$archive.sha256" | awk 'NF { print tolower($1); exit }')
  got=$(sha256 "$work/$archive")
  [[ "$want" =~ ^[0-9a-f]{64}$ ]] || fail "$archive.sha256 holds no SHA-256 checksum: refusing to install"
  if [ "$want" != "$got" ]; then
    fail "checksum mismatch for $archive: expected $want, got $got; refusing to install" \
      "the download was corrupted or tampered with; retry, or check $base"
  fi
  mkdir -p "$work/x"
  case "$archive" in
    *.zip) (cd "$work/x" && unzip -q "../$archive") || fail "cannot unpack $archive" ;;
    *) tar -xJf "$work/$archive" -C "$work/x" || fail "cannot unpack $archive" ;;
  esac
  found=$(find "$work/x" -type f -name "$exe" | head -n 1)
  [ -n "$found" ] || fail "$archive has no $exe in it"
  mkdir -p "$dir"
  cp "$found" "$dir/$exe.tmp"
  chmod 755 "$dir/$exe.tmp"
  mv -f "$dir/$exe.tmp" "$dir/$exe"
  printf '%s %s' "$archive" "$base" > "$stamp"
  echo "hookctl $version ($target) verified and installed in $dir" >&2
fi

if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$dir" >> "$GITHUB_PATH"
fi
echo "$dir/$exe"
