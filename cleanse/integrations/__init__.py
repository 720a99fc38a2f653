"""Adapters that run cleanse inside engines people already use.

Each lives in its own module behind its own extra, and checks for its engine when
it is called or constructed, with the ``pip install`` line that fixes a miss:

- `cleanse.integrations.dask`: Dask bags and DataFrames (``cleanse-web[dask]``);
- `cleanse.integrations.datatrove`: a datatrove pipeline step
  (``cleanse-web[datatrove]``);
- `cleanse.integrations.hf`: Hugging Face ``datasets.map`` (``cleanse-web[hf]``).

All of them build the pipeline with `cleanse.make_pipeline` from the same keyword
options, so a cluster cleans exactly as ``cleanse.clean`` does in one process.

    >>> require("json", "none")  # a module that is there passes silently
"""

from __future__ import annotations

import importlib.util

__all__ = ["require"]


def require(module: str, extra: str) -> None:
    """Raise a clear `ImportError` when ``module`` is not installed.

    The check looks the package up without importing it, so it costs nothing.
    """
    if importlib.util.find_spec(module) is None:
        raise ImportError(
            f"this cleanse integration needs {module}, which is not installed: "
            f"pip install 'cleanse-web[{extra}]'"
        )
