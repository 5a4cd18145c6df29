"""Runs one command and prints, as JSON, what the kernel says it cost: wall seconds, CPU seconds (user +
system) and peak resident memory (ru_maxrss of that child, exact, from wait4). The command's output goes
to the given files; a command still running after --timeout seconds is killed and reported as timed out.

    python measure.py --stdout FILE --stderr FILE [--timeout S] -- COMMAND ARG...
"""
import argparse
import json
import os
import subprocess
import threading
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", required=True)
    parser.add_argument("--stderr", required=True)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with open(args.stdout, "wb") as out, open(args.stderr, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        timed_out = threading.Event()
        timer = threading.Timer(args.timeout, lambda: (timed_out.set(), child.kill()))
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
    print(json.dumps({
        "exit": child.returncode,
        "timedOut": timed_out.is_set(),
        "seconds": seconds,
        "cpuSeconds": usage.ru_utime + usage.ru_stime,
        "peakRssKb": usage.ru_maxrss,
    }))


if __name__ == "__main__":
    main()
