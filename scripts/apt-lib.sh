# Shell functions shared by the scripts that install what Bulkhead needs
# (install-deps.sh, fetch-linux-guest.sh, fetch-xen.sh); source it.
# The rule everywhere: as root, do it; otherwise print the exact command
# root must run and fail.

# need_root WHAT COMMAND: continue as root, else say what to run and exit 1.
need_root() {
	[ "$(id -u)" = 0 ] && return 0
	echo "bulkhead: $1 is missing" >&2
	echo "bulkhead: run as root:  $2" >&2
	exit 1
}

# Refresh the package lists. A failed refresh of one index (bookworm-
# security's armhf one sometimes is) must not stop us: main is enough.
apt_update() {
	apt-get update -q ||
		echo "bulkhead: apt-get update reported errors; trying anyway" >&2
}

# install_missing PACKAGE...: apt-get install those not installed yet.
install_missing() {
	local p missing= cmd

	for p in "$@"; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed$' || missing="$missing $p"
	done
	[ -n "$missing" ] || return 0
	cmd="apt-get install -y --no-install-recommends$missing"
	need_root "Debian packages:$missing" "apt-get update && $cmd"
	echo "bulkhead: installing:$missing"
	apt_update
	DEBIAN_FRONTEND=noninteractive $cmd
}

# ensure_armhf WHAT: apt knows armhf packages (for guests and peers we run).
ensure_armhf() {
	dpkg --print-foreign-architectures | grep -qx armhf && return 0
	need_root "$1" "dpkg --add-architecture armhf && apt-get update"
	dpkg --add-architecture armhf
	apt_update
}

# fetch_debs DIR PACKAGE...: download the .debs into DIR/debs.
fetch_debs() {
	local dir=$1

	shift
	mkdir -p "$dir/debs"
	# apt drops root to _apt for downloads, which must be able to write there.
	[ "$(id -u)" != 0 ] || ! id _apt >/dev/null 2>&1 || chown _apt "$dir/debs"
	(cd "$dir/debs" && apt-get download -q "$@")
}
