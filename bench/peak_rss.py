"""Runs ``manage.py`` with the given arguments in this process and, when it exits, writes the
process's own peak resident memory (``VmHWM``, in kB) to the file named first.

    python bench/peak_rss.py PEAK_FILE manage.py purge_expired_data --batch-size 500

Why not the parent's ``os.wait4`` (``ru_maxrss``): Linux carries the parent's high-water mark
over to a child it starts (``subprocess`` uses vfork then exec), so a child started by a
large parent reports at least the parent's peak, whatever the child itself used. ``VmHWM``
belongs to the memory of the program after exec, so it is the command's own.
"""

import atexit
import runpy
import sys
from pathlib import Path


def peak_kb():
    """This process's peak resident memory in kB (``VmHWM`` of /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("/proc/self/status has no VmHWM line")


def main():
    peak_file, script, *arguments = sys.argv[1:]
    atexit.register(lambda: Path(peak_file).write_text(str(peak_kb())))
    sys.argv = [script, *arguments]
    sys.path[0] = str(Path(script).resolve().parent)  # as ``python manage.py`` would have it
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
