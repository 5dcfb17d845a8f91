#!/bin/sh
# The one command a scheduler runs each night: cxs-pipeline over the sources named in a
# config file, into RUNS/YYYY-MM-DD (UTC), with the state file that makes nights
# incremental. Reruns of the same night (after a crash, or by hand) finish what is
# missing in the same directory. RUNS/latest points at the last night that finished.
#
# usage: scripts/nightly.sh [CONFIG]
#   CONFIG        cxs-pipeline settings (default /etc/cxsignals/cxs.conf): at least one
#                 "source = PATH"; "state = FILE" for incremental nights; jobs, lexicon,
#                 max-reject-rate, ... (README.md, "Nightly runs")
#   CXS_RUNS      where the nightly directories go (default /var/lib/cxsignals/runs)
#   CXS_DATE      the night's name (default: today, UTC)
#   CXS_PIPELINE  the driver (default: cxs-pipeline beside this script's bin/, else PATH)
#
# Exit status: cxs-pipeline's (0 done, 4 a source was damaged, 7 too many rejects,
# 8 the night is still running elsewhere, ...), so the scheduler can alert on it.
#
# crontab (02:30 every night, output kept for the morning):
#   30 2 * * * /opt/cxsignals/scripts/nightly.sh /etc/cxsignals/cxs.conf >>/var/log/cxsignals-nightly.log 2>&1
set -u

conf=${1:-/etc/cxsignals/cxs.conf}
runs=${CXS_RUNS:-/var/lib/cxsignals/runs}
night=${CXS_DATE:-$(date -u +%Y-%m-%d)}
here=$(cd "$(dirname "$0")" && pwd)
pipeline=${CXS_PIPELINE:-}
if [ -z "$pipeline" ]; then
	if [ -x "$here/../bin/cxs-pipeline" ]; then
		pipeline="$here/../bin/cxs-pipeline"
	else
		pipeline=cxs-pipeline
	fi
fi

if [ ! -r "$conf" ]; then
	echo "nightly: error: cannot read the configuration '$conf'" >&2
	exit 3
fi
mkdir -p "$runs" || exit 5

echo "nightly: $(date -u +%Y-%m-%dT%H:%M:%SZ) starting $night"
"$pipeline" run --quiet --config "$conf" --workdir "$runs/$night"
rc=$?
case $rc in
0 | 4 | 7)
	# Finished (4 and 7 with something to look at): this night is the one to open.
	ln -sfn "$night" "$runs/latest.tmp" && mv -T "$runs/latest.tmp" "$runs/latest"
	;;
esac
echo "nightly: $(date -u +%Y-%m-%dT%H:%M:%SZ) $night ended with exit $rc (log: $runs/$night/run.log)"
exit $rc
