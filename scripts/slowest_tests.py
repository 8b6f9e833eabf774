"""Prints the N slowest tests of make test's passes, from their JUnit XML reports.

Usage: python scripts/slowest_tests.py N REPORT.xml [REPORT.xml …]
"""

import sys
from pathlib import Path
from xml.etree import ElementTree  # noqa: S405 (our own pytest's reports)


def timings(report):
    """(seconds, pass, test id) for each test case of one report."""
    name = Path(report).stem.removeprefix("test-")
    for case in ElementTree.parse(report).iter("testcase"):  # noqa: S314
        yield float(case.get("time", 0)), name, f"{case.get('classname')}::{case.get('name')}"


def main(count, reports):
    cases = [case for report in reports if Path(report).exists() for case in timings(report)]
    for seconds, name, test_id in sorted(cases, reverse=True)[:count]:
        print(f"{seconds:7.2f}s  {name:<10} {test_id}")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
