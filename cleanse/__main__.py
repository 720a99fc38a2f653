"""``python -m cleanse``: the same as the ``cleanse`` command."""

import sys

from cleanse.cli import main

sys.exit(main())
