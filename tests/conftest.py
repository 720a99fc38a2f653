"""Shared test settings: hypothesis profiles and the text strategies every step uses.

Profiles: ``dev`` (the default, quick, a fresh random draw each run), ``ci`` (500
examples per property, as the foundation issue asks, derandomized: every CI run of a
commit tries the same examples, so a landing cannot turn red by luck) and
``explore`` (500 examples, random: for hunting counter-examples before a commit).
``ci`` is chosen when the environment has ``CI`` set, or explicitly with
``HYPOTHESIS_PROFILE=ci``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The full runs: the same settings, drawn the same way each time (ci) or afresh.
settings.register_profile(
    "explore", settings.get_profile("dev"), max_examples=500, print_blob=True
)
settings.register_profile("ci", settings.get_profile("explore"), derandomize=True)
# CI machines set CI=true: they get the full 500 examples without extra flags, so
# the README's test command is the same everywhere.
_default = "ci" if os.environ.get("CI") else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _default))
