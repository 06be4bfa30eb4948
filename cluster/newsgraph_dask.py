#!/usr/bin/python3
"""newsgraph on a Dask cluster: one `newsgraph ingest FILE --db DB` task per input file.

Runs on Debian's python3-distributed, which is installed for /usr/bin/python3 (run this
file with that interpreter, not with another python3 found earlier on PATH). See
docs/cluster.md.

  /usr/bin/python3 cluster/newsgraph_dask.py --db postgresql://host/news FILE... [--list warc.paths]
      [--scheduler tcp://HOST:8786 | --workers 2] [--map-prefix crawl-data/=/shared/cc/crawl-data/]

Each task runs the newsgraph binary on a worker machine, which reads the file from
storage that every worker sees (a shared file system, or an object store mounted as one)
and writes into the shared database (PostgreSQL; SQLite only when every worker is on one
machine). A failed task is retried (--retries); a task lost with a worker that died is run
again elsewhere by Dask. Ingest is idempotent (article ids are content hashes) and stories
are settled against concurrent writers in the store, so a file ingested twice, or half
ingested by a worker that died, is completed with nothing lost or doubled. Files that the
database lists as finished with the same size (`newsgraph ingested`) are skipped. Bad files
never stop the job: the summary lists each failure.

Exit status: 0 every file ingested without failed records; 3 some files or records
failed; 1 no file could be ingested; 2 wrong arguments.
"""
import argparse
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

SUMMARY_RE = re.compile(r"^ingested (\d+) articles into .*: (\d+) new, (\d+) already stored(?:, \d+ repeated in the input)?, (\d+) failed", re.M)


class IngestFailed(Exception):
    """A newsgraph ingest that stored nothing or could not run (retried by Dask)."""


def _die_with_parent():
    # The ingest dies with the worker that started it (PR_SET_PDEATHSIG), as it would
    # with its machine: a worker killed mid-task leaves no writer behind.
    import ctypes
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)


def _tail(text, lines=5):
    kept = [line for line in text.splitlines() if line.strip()]
    return kept[-lines:]


def ingest_file(path, db, binary, extra, timeout):
    """Task: ingests one file; returns what it did, raises IngestFailed to be retried."""
    cmd = [binary, "ingest", path, "--db", db] + list(extra)
    start = time.time()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout,
                              preexec_fn=_die_with_parent)
    except subprocess.TimeoutExpired:
        raise IngestFailed(f"{path}: no result after {timeout} s")
    except OSError as e:
        raise IngestFailed(f"{path}: cannot run {binary}: {e}")
    m = SUMMARY_RE.search(proc.stdout)
    if proc.returncode not in (0, 3) or m is None:
        detail = "; ".join(_tail(proc.stderr) or _tail(proc.stdout)) or "no output"
        raise IngestFailed(f"{path}: newsgraph ingest exited {proc.returncode}: {detail}")
    read, new, stored, failed = (int(g) for g in m.groups())
    errors = [line for line in proc.stderr.splitlines() if "error" in line]
    return {"path": path, "read": read, "new": new, "stored": stored, "failed": failed,
            "seconds": round(time.time() - start, 3), "errors": errors[:5], "worker": os.uname().nodename}


def list_ingested(db, binary):
    """Task: the files the database lists as finished, path -> bytes."""
    proc = subprocess.run([binary, "ingested", "--db", db], capture_output=True, text=True, errors="replace")
    if proc.returncode != 0:
        raise IngestFailed("newsgraph ingested: " + "; ".join(_tail(proc.stderr)))
    done = {}
    for line in proc.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            done[fields[0]] = int(fields[1])
    return done


def file_sizes(paths):
    """Task: sizes of files as a worker sees them (None: missing)."""
    out = {}
    for p in paths:
        try:
            out[p] = os.path.getsize(p)
        except OSError:
            out[p] = None
    return out


def read_inputs(args):
    paths = list(args.inputs)
    for listing in args.list:
        with open(listing, encoding="utf-8") as f:
            paths += [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]
    mapped = []
    for p in paths:
        for old, new in args.map_prefix:
            if p.startswith(old):
                p = new + p[len(old):]
                break
        mapped.append(p)
    return list(dict.fromkeys(mapped))  # in order, each once


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="newsgraph_dask.py", description="Ingest many files into one newsgraph database on a Dask cluster, "
        "one task per file.")
    ap.add_argument("inputs", nargs="*", help="input files (WARC, JSON Lines, HTML, ...) as the workers see them")
    ap.add_argument("--list", action="append", default=[], metavar="FILE",
                    help="a file listing inputs, one per line (e.g. a CC-NEWS warc.paths); repeatable")
    ap.add_argument("--map-prefix", action="append", default=[], metavar="OLD=NEW",
                    help="rewrite inputs that start with OLD to start with NEW (e.g. crawl-data/=/mnt/cc/crawl-data/)")
    ap.add_argument("--db", required=True, help="database: a postgresql:// URL (or a SQLite file on one machine)")
    ap.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://HOST:8786); default: a local "
                    "cluster on this machine")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster (default 2)")
    ap.add_argument("--dashboard", metavar="ADDRESS", default=None,
                    help="local cluster: serve Dask's dashboard there (e.g. 127.0.0.1:8787; needs python3-bokeh)")
    ap.add_argument("--newsgraph", default="newsgraph", metavar="PATH",
                    help="the newsgraph binary on the workers (default: newsgraph on their PATH)")
    ap.add_argument("--ingest-args", default="", metavar="ARGS",
                    help='more options for each ingest, e.g. "--workers 1 --batch 256"')
    ap.add_argument("--retries", type=int, default=2, help="retries of a failed file (default 2)")
    ap.add_argument("--timeout", type=float, default=None, metavar="SECONDS", help="give up on a file after this")
    ap.add_argument("--no-skip", action="store_true", help="ingest files the database lists as finished, too")
    ap.add_argument("--progress", choices=["auto", "bar", "lines", "none"], default="auto",
                    help="Dask's progress bar, a line per file, or nothing (auto: the bar on a terminal)")
    ap.add_argument("--summary-json", metavar="FILE", help="also write the summary as JSON")
    args = ap.parse_args(argv)
    try:
        args.map_prefix = [tuple(m.split("=", 1)) for m in args.map_prefix]
        assert all(len(m) == 2 for m in args.map_prefix)
    except AssertionError:
        ap.error("--map-prefix takes OLD=NEW")
    if args.workers < 1:
        ap.error("--workers must be at least 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from distributed import Client, LocalCluster, as_completed, progress

    paths = read_inputs(args)
    if not paths:
        print("newsgraph_dask: no inputs", file=sys.stderr)
        return 2
    extra = shlex.split(args.ingest_args)
    start = time.time()
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=args.dashboard)
        client = Client(cluster)
    try:
        skipped = []
        todo = paths
        if not args.no_skip:
            # Ask the database (from a worker: it has the binary and sees the storage).
            done = client.submit(list_ingested, args.db, args.newsgraph, pure=False).result()
            sizes = client.submit(file_sizes, [p for p in paths if p in done], pure=False).result()
            skipped = [p for p in paths if p in done and sizes.get(p) == done[p]]
            todo = [p for p in paths if p not in set(skipped)]
        if skipped:
            print(f"newsgraph_dask: {len(skipped)} of {len(paths)} files already ingested, skipped", file=sys.stderr)
        keys = [f"ingest-{i:06d}-{os.path.basename(p)}" for i, p in enumerate(todo)]
        path_of = dict(zip(keys, todo))
        futures = client.map(ingest_file, todo, db=args.db, binary=args.newsgraph, extra=extra,
                             timeout=args.timeout, key=keys, retries=args.retries, pure=False)
        mode = args.progress
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "none"
        if mode == "bar" and futures:
            progress(futures)
        results, failures = [], []
        for n, fut in enumerate(as_completed(futures), 1):
            path = path_of[fut.key]
            if fut.status == "finished":
                r = fut.result()
                results.append(r)
                line = f"{r['new']} new, {r['stored']} already stored, {r['failed']} failed ({r['seconds']:.1f} s)"
            else:
                exc = fut.exception()
                failures.append({"path": path, "error": str(exc) or type(exc).__name__})
                line = "FAILED: " + failures[-1]["error"]
            if mode == "lines":
                print(f"[{n}/{len(todo)}] {path}: {line}", file=sys.stderr, flush=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    seconds = time.time() - start
    total = {k: sum(r[k] for r in results) for k in ("read", "new", "stored", "failed")}
    summary = {"files": len(paths), "ingested": len(results), "skipped": len(skipped), "failed": failures,
               "with_failed_records": [r for r in results if r["failed"]], "articles": total,
               "seconds": round(seconds, 2), "articles_per_second": round(total["read"] / seconds, 1) if seconds else 0}
    print(f"newsgraph_dask: {len(paths)} files: {len(results)} ingested, {len(skipped)} skipped (already ingested), "
          f"{len(failures)} failed")
    print(f"articles: {total['read']} read, {total['new']} new, {total['stored']} already stored, "
          f"{total['failed']} failed records; {seconds:.1f} s, {summary['articles_per_second']:.0f} articles/s")
    if failures:
        print("failed files:")
        for f in failures:
            print(f"  {f['error']}")
    if summary["with_failed_records"]:
        print("files with failed records:")
        for r in summary["with_failed_records"]:
            first = r["errors"][0] if r["errors"] else ""
            print(f"  {r['path']}: {r['failed']} failed  {first}")
    if args.summary_json:
        with open(args.summary_json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    if failures and not results:
        return 1
    return 3 if failures or summary["with_failed_records"] else 0


if __name__ == "__main__":
    sys.exit(main())
