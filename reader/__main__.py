"""``python -m reader [FILE...]``: the same as the ``entity-reader`` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
