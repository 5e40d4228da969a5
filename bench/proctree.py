"""Memory of a process and all its descendants, read from /proc: what a benchmark's peak memory means here."""
import os


def tree_rss(pid):
    """Resident bytes of pid and every descendant (dotnet, and the node or DuckDB work it starts), summed."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next(int(l.split()[1]) * 1024 for l in f if l.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
        stack += children.get(p, [])
    return total
