#!/bin/sh
# The one command a scheduler runs each night: cxs-pipeline over the sources named in a
# config file, into RUNS/YYYY-MM-DD (UTC), with the state file that makes nights
# incremental, then cxs-report into RUNS/YYYY-MM-DD/report (the HTML page, SQLite
# database and CSV files analysts open; with the trend across nights when the config
# names a state file). Reruns of the same night (after a crash, or by hand) finish what is
# missing in the same directory. RUNS/latest points at the last night that finished.
#
# usage: scripts/nightly.sh [CONFIG]
#   CONFIG        cxs-pipeline settings (default /etc/cxsignals/cxs.conf): at least one
#                 "source = PATH"; "state = FILE" for incremental nights; jobs, lexicon,
#                 max-reject-rate, ... (README.md, "Nightly runs")
#   CXS_RUNS      where the nightly directories go (default /var/lib/cxsignals/runs)
#   CXS_DATE      the night's name (default: today, UTC)
#   CXS_PIPELINE  the driver (default: cxs-pipeline beside this script's bin/, else PATH)
#   CXS_REPORT    the report program (default: cxs-report, found the same way)
#
# Exit status: cxs-pipeline's (0 done, 4 a source was damaged, 7 too many rejects,
# 8 the night is still running elsewhere, ...), so the scheduler can alert on it; when
# the pipeline finished (0) but the report could not be made, the report's status.
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

report=${CXS_REPORT:-}
if [ -z "$report" ]; then
	if [ -x "$here/../bin/cxs-report" ]; then
		report="$here/../bin/cxs-report"
	else
		report=cxs-report
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
	# Finished (4 and 7 with something to look at): report it; this night is the one
	# to open. The last "state = FILE" of the config is the pipeline's too.
	state=$(sed -n 's/^[[:space:]]*state[[:space:]]*=[[:space:]]*//p' "$conf" | tail -n 1)
	"$report" -q -o "$runs/$night/report" ${state:+--state "$state"} \
		"$runs/$night/04-classify.jsonl.gz"
	rrc=$?
	if [ $rrc != 0 ]; then
		echo "nightly: error: the report of $night failed (exit $rrc)" >&2
		[ $rc = 0 ] && rc=$rrc
	fi
	ln -sfn "$night" "$runs/latest.tmp" && mv -T "$runs/latest.tmp" "$runs/latest"
	;;
esac
echo "nightly: $(date -u +%Y-%m-%dT%H:%M:%SZ) $night ended with exit $rc (log: $runs/$night/run.log)"
exit $rc
