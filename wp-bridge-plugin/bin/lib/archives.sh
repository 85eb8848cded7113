# Sourced by the install scripts: the pinned WordPress, WooCommerce, wp-phpunit, PHPUnit Polyfills and PHPCS
# releases, taken from ../shared/wordpress (next to the repository) when present and checked against its
# SHA256SUMS, else downloaded once from their official release URLs into build/downloads. Nothing is copied into
# the project; each unpacked tree records where it came from, so a re-run with the same source does nothing.
#
# Environment:
#   CARICOMTR_SHARED_DIR      the shared folder (default: <repository>/../shared); its wordpress/ subfolder is used
#   CARICOMTR_WP_BUILD_DIR    where downloads and unpacked trees go (default: wp-bridge-plugin/build)
#   CARICOMTR_OFFLINE=1       never download: fail when an archive is not in the shared folder
#   CARICOMTR_DOWNLOAD_BASE_* override an upstream base URL (a mirror), e.g. CARICOMTR_DOWNLOAD_BASE_WORDPRESS

CARICOMTR_PLUGIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CARICOMTR_REPO_DIR="$(cd "$CARICOMTR_PLUGIN_DIR/.." && pwd)"
CARICOMTR_SHARED_DIR="${CARICOMTR_SHARED_DIR:-$CARICOMTR_REPO_DIR/../shared}"
CARICOMTR_SHARED_WORDPRESS="$CARICOMTR_SHARED_DIR/wordpress"
CARICOMTR_WP_BUILD_DIR="${CARICOMTR_WP_BUILD_DIR:-$CARICOMTR_PLUGIN_DIR/build}"
CARICOMTR_PLUGIN_SLUG="cari-com-tr-integration-woocommerce"

# The versions in ../shared/wordpress; the defaults of the install scripts.
CARICOMTR_WP_VERSION_DEFAULT="6.9"
CARICOMTR_WC_VERSION_DEFAULT="9.9.5"
CARICOMTR_WP_PHPUNIT_VERSION_DEFAULT="6.8.1"   # the shared bundle has no 6.9 tag; 6.8.1 runs WordPress 6.9 fine
CARICOMTR_POLYFILLS_VERSION_DEFAULT="1.1.4"

caricomtr_log() { printf '[%s] %s\n' "${CARICOMTR_SCRIPT:-$(basename "$0")}" "$*" >&2; }
caricomtr_die() { caricomtr_log "ERROR: $*"; exit 1; }

# caricomtr_download URL FILE: fetches URL into FILE (atomically) with curl, wget or PHP, whichever exists.
caricomtr_download() {
  local url="$1" file="$2" tmp="$2.part.$$"
  [ "${CARICOMTR_OFFLINE:-}" = 1 ] && caricomtr_die "offline (CARICOMTR_OFFLINE=1) and $(basename "$file") is not in $CARICOMTR_SHARED_WORDPRESS"
  mkdir -p "$(dirname "$file")"
  caricomtr_log "downloading $url"
  if command -v curl >/dev/null; then
    curl -fsSL --retry 3 --connect-timeout 20 -o "$tmp" "$url" || { rm -f "$tmp"; caricomtr_die "cannot download $url"; }
  elif command -v wget >/dev/null; then
    wget -q -O "$tmp" "$url" || { rm -f "$tmp"; caricomtr_die "cannot download $url"; }
  else
    php -r '$in = fopen($argv[1], "rb"); if (!$in) exit(1); $out = fopen($argv[2], "wb"); exit(stream_copy_to_stream($in, $out) > 0 ? 0 : 1);' \
      "$url" "$tmp" || { rm -f "$tmp"; caricomtr_die "cannot download $url"; }
  fi
  mv "$tmp" "$file"
}

# caricomtr_shared_sum FILE: the SHA-256 that ../shared/wordpress/SHA256SUMS lists for FILE, or nothing.
caricomtr_shared_sum() {
  [ -f "$CARICOMTR_SHARED_WORDPRESS/SHA256SUMS" ] || return 0
  awk -v f="$1" '$2 == f || $2 == "*" f { print $1 }' "$CARICOMTR_SHARED_WORDPRESS/SHA256SUMS"
}

# caricomtr_source KIND VERSION: sets SRC_ID (what the unpacked tree records), SRC_FILE (shared archive, or empty),
# SRC_URL (upstream), SRC_TOP (the archive's top folder) and SRC_FORMAT (tar.xz, tar.gz or zip).
caricomtr_source() {
  local kind="$1" version="$2" shared_name=""
  case "$kind" in
    wordpress)
      shared_name="wordpress-$version.tar.xz"
      SRC_URL="${CARICOMTR_DOWNLOAD_BASE_WORDPRESS:-https://wordpress.org}/wordpress-$version.tar.gz"
      SRC_TOP="wordpress" ;;
    woocommerce)
      shared_name="woocommerce-$version.tar.xz"
      SRC_URL="${CARICOMTR_DOWNLOAD_BASE_WOOCOMMERCE:-https://downloads.wordpress.org/plugin}/woocommerce.$version.zip"
      SRC_TOP="woocommerce" ;;
    wp-phpunit)
      shared_name="wp-phpunit-$version.tar.xz"
      SRC_URL="${CARICOMTR_DOWNLOAD_BASE_WP_PHPUNIT:-https://github.com/wp-phpunit/wp-phpunit/archive/refs/tags}/$version.tar.gz"
      SRC_TOP="wp-phpunit-$version" ;;
    phpunit-polyfills)
      shared_name="phpunit-polyfills-$version.tar.xz"
      SRC_URL="${CARICOMTR_DOWNLOAD_BASE_POLYFILLS:-https://github.com/Yoast/PHPUnit-Polyfills/archive/refs/tags}/$version.tar.gz"
      SRC_TOP="PHPUnit-Polyfills-$version" ;;
    *) caricomtr_die "unknown archive kind $kind" ;;
  esac
  SRC_FILE=""
  if [ -f "$CARICOMTR_SHARED_WORDPRESS/$shared_name" ]; then
    local sum
    sum="$(caricomtr_shared_sum "$shared_name")"
    [ -n "$sum" ] || caricomtr_die "$CARICOMTR_SHARED_WORDPRESS/SHA256SUMS does not list $shared_name"
    SRC_FILE="$CARICOMTR_SHARED_WORDPRESS/$shared_name"
    SRC_ID="shared $shared_name sha256:$sum"
    SRC_TOP="${shared_name%-"$version".tar.xz}"
    SRC_FORMAT="tar.xz"
  else
    SRC_ID="download $SRC_URL"
    case "$SRC_URL" in
      *.zip) SRC_FORMAT="zip" ;;
      *) SRC_FORMAT="tar.gz" ;;
    esac
  fi
}

# caricomtr_unpack_archive FILE FORMAT DIR: unpacks an archive into DIR.
caricomtr_unpack_archive() {
  local file="$1" format="$2" dir="$3"
  case "$format" in
    tar.xz) tar -xJf "$file" -C "$dir" ;;
    tar.gz) tar -xzf "$file" -C "$dir" ;;
    zip)
      if command -v unzip >/dev/null; then
        unzip -q "$file" -d "$dir"
      else
        php -r '$z = new ZipArchive(); if (true !== $z->open($argv[1])) exit(1); exit($z->extractTo($argv[2]) ? 0 : 1);' "$file" "$dir"
      fi ;;
  esac
}

# caricomtr_install KIND VERSION DEST: DEST holds the release's top folder, unless it already holds that very
# release (then nothing is done). DEST is replaced as a whole, so a tree that lives inside it is unpacked again.
caricomtr_install() {
  local kind="$1" version="$2" dest="$3" marker="$3/.caricomtr-source"
  caricomtr_source "$kind" "$version"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$SRC_ID" ]; then
    return 0
  fi
  local archive="$SRC_FILE"
  if [ -n "$archive" ]; then
    (cd "$CARICOMTR_SHARED_WORDPRESS" && grep -E "[ *]$(basename "$archive")\$" SHA256SUMS | sha256sum -c --quiet --strict -) \
      || caricomtr_die "$archive does not match its SHA256SUMS entry"
  else
    archive="$CARICOMTR_WP_BUILD_DIR/downloads/$kind-$version.$SRC_FORMAT"
    [ -f "$archive" ] || caricomtr_download "$SRC_URL" "$archive"
    if [ "$kind" = wordpress ]; then
      # wordpress.org (and its mirrors) publish a SHA-1 next to each release.
      [ -f "$archive.sha1" ] || caricomtr_download "$SRC_URL.sha1" "$archive.sha1"
      [ "$(sha1sum "$archive" | cut -d' ' -f1)" = "$(tr -d ' \n' < "$archive.sha1")" ] \
        || { rm -f "$archive" "$archive.sha1"; caricomtr_die "$SRC_URL does not match its published SHA-1"; }
    fi
  fi
  caricomtr_log "unpacking $(basename "$archive") into $dest"
  mkdir -p "$(dirname "$dest")"
  local tmp
  tmp="$(mktemp -d "$(dirname "$dest")/.unpack-$kind.XXXXXX")"
  caricomtr_unpack_archive "$archive" "$SRC_FORMAT" "$tmp" || { rm -rf "$tmp"; caricomtr_die "cannot unpack $archive"; }
  [ -d "$tmp/$SRC_TOP" ] || { rm -rf "$tmp"; caricomtr_die "$archive has no $SRC_TOP/ folder"; }
  rm -rf "$dest"
  mv "$tmp/$SRC_TOP" "$dest"
  rm -rf "$tmp"
  printf '%s' "$SRC_ID" > "$marker"
}

# caricomtr_link_plugin WP_DIR: the plugin under test, linked (not copied) into WP_DIR/wp-content/plugins.
caricomtr_link_plugin() {
  local plugins="$1/wp-content/plugins"
  mkdir -p "$plugins"
  if [ "$(readlink "$plugins/$CARICOMTR_PLUGIN_SLUG" 2>/dev/null)" != "$CARICOMTR_PLUGIN_DIR" ]; then
    rm -rf "$plugins/$CARICOMTR_PLUGIN_SLUG"
    ln -s "$CARICOMTR_PLUGIN_DIR" "$plugins/$CARICOMTR_PLUGIN_SLUG"
  fi
}

# caricomtr_create_database HOST USER PASSWORD NAME: CREATE DATABASE IF NOT EXISTS, with PHP's mysqli (no MySQL
# client needed). HOST is WordPress's DB_HOST: host, host:port or host:/path/to/socket.
caricomtr_create_database() {
  CARICOMTR_DB_PASSWORD="$3" php -r '
    [$host, $user, $name] = [$argv[1], $argv[2], $argv[3]];
    $port = null; $socket = null;
    if (preg_match("/^(.*):(\\d+)$/", $host, $m)) { [$host, $port] = [$m[1], (int) $m[2]]; }
    elseif (preg_match("/^(.*?):(\\/.*)$/", $host, $m)) { [$host, $socket] = [$m[1], $m[2]]; }
    mysqli_report(MYSQLI_REPORT_OFF);
    $db = mysqli_init();
    if (!@$db->real_connect($host, $user, getenv("CARICOMTR_DB_PASSWORD"), "", $port, $socket)) {
      fwrite(STDERR, "cannot connect to the database server: " . mysqli_connect_error() . "\n"); exit(1);
    }
    $sql = "CREATE DATABASE IF NOT EXISTS `" . str_replace("`", "``", $name) . "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci";
    if (!$db->query($sql)) { fwrite(STDERR, $db->error . "\n"); exit(1); }
  ' "$1" "$2" "$4"
}

# The PHPCS bundle of ../shared/wordpress (php-codesniffer-wpcs.tar.xz, see its VERSIONS), or the very same
# commits fetched from GitHub, assembled in the same layout: php_codesniffer/ and standards/<name>/.
CARICOMTR_PHPCS_PARTS=(
  "php_codesniffer PHPCSStandards/PHP_CodeSniffer ad545ea9c1b7d270ce0fc9cbfb884161cd706119"                 # 3.13.4
  "standards/WordPress-Coding-Standards WordPress/WordPress-Coding-Standards 9333efcbff231f10dfd9c56bb7b65818b4733ca7" # 3.1.0
  "standards/PHPCSUtils PHPCSStandards/PHPCSUtils 87b233b00daf83fb70f40c9a28692be017ea7c6c"                 # 1.0.12
  "standards/PHPCSExtra PHPCSStandards/PHPCSExtra 11d387c6642b6e4acaf0bd9bf5203b8cca1ec489"                 # 1.2.1
  "standards/PHPCompatibility PHPCompatibility/PHPCompatibility 3f79f96be9289a49eb85a4db3e8f5b7d55ba06d2"   # 10.0.0-dev
  "standards/PHPCompatibilityWP PHPCompatibility/PHPCompatibilityWP bd53f24e7528422ac51d64dc8d53e8d4c4a877b3" # 3.0.0-alpha2
  "standards/PHPCompatibilityParagonie PHPCompatibility/PHPCompatibilityParagonie 7a979711c87d8202b52f56c56bd719d09d8ed7f5" # 2.0.0-alpha2
)

# caricomtr_install_phpcs DEST: DEST/php_codesniffer and DEST/standards/*, unless DEST holds them already.
caricomtr_install_phpcs() {
  local dest="$1" marker="$1/.caricomtr-source" shared_name="php-codesniffer-wpcs.tar.xz" id
  if [ -f "$CARICOMTR_SHARED_WORDPRESS/$shared_name" ]; then
    local sum
    sum="$(caricomtr_shared_sum "$shared_name")"
    [ -n "$sum" ] || caricomtr_die "$CARICOMTR_SHARED_WORDPRESS/SHA256SUMS does not list $shared_name"
    id="shared $shared_name sha256:$sum"
  else
    id="download ${CARICOMTR_PHPCS_PARTS[*]}"
  fi
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$id" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$dest")"
  local tmp
  tmp="$(mktemp -d "$(dirname "$dest")/.unpack-phpcs.XXXXXX")"
  if [ -f "$CARICOMTR_SHARED_WORDPRESS/$shared_name" ]; then
    (cd "$CARICOMTR_SHARED_WORDPRESS" && grep -E "[ *]$shared_name\$" SHA256SUMS | sha256sum -c --quiet --strict -) \
      || caricomtr_die "$CARICOMTR_SHARED_WORDPRESS/$shared_name does not match its SHA256SUMS entry"
    caricomtr_log "unpacking $shared_name into $dest"
    tar -xJf "$CARICOMTR_SHARED_WORDPRESS/$shared_name" -C "$tmp"
    [ -d "$tmp/phpcs-wpcs/php_codesniffer" ] || { rm -rf "$tmp"; caricomtr_die "$shared_name has no phpcs-wpcs/ folder"; }
    mv "$tmp/phpcs-wpcs" "$tmp/tree"
  else
    local part where repo commit archive base
    mkdir -p "$tmp/tree/standards"
    for part in "${CARICOMTR_PHPCS_PARTS[@]}"; do
      read -r where repo commit <<< "$part"
      base="${CARICOMTR_DOWNLOAD_BASE_GITHUB:-https://github.com}"
      archive="$CARICOMTR_WP_BUILD_DIR/downloads/${repo//\//-}-$commit.tar.gz"
      [ -f "$archive" ] || caricomtr_download "$base/$repo/archive/$commit.tar.gz" "$archive"
      mkdir -p "$tmp/part"
      tar -xzf "$archive" -C "$tmp/part"
      [ -d "$tmp/part/${repo#*/}-$commit" ] || { rm -rf "$tmp"; caricomtr_die "$archive has no ${repo#*/}-$commit/ folder"; }
      mv "$tmp/part/${repo#*/}-$commit" "$tmp/tree/$where"
      rm -rf "$tmp/part"
    done
  fi
  rm -rf "$dest"
  mv "$tmp/tree" "$dest"
  rm -rf "$tmp"
  printf '%s' "$id" > "$marker"
}
