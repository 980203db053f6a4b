"""Shared helpers of the scripts that compile language data into data/lexicon/en/.
Standard library only."""

import sys


def read_list(path):
    """The entries of a word-list file: one a line, `#` comments and blank lines skipped."""
    with open(path, encoding="utf-8") as handle:
        return {
            line.strip()
            for line in handle
            if line.strip() and not line.startswith("#")
        }


def write_or_check(path, output, script, summary):
    """Write `output` to `path`, or with `--check` on the command line fail when the
    committed file differs (so CI catches stale generated data)."""
    if "--check" in sys.argv[1:]:
        with open(path, encoding="utf-8") as handle:
            if handle.read() != output:
                sys.exit(f"{path} is stale: run {script}")
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(output)
    print(f"{path}: {summary}", file=sys.stderr)
