"""How hard the property tests try: a small budget in ``make test``, a larger one in ``make fuzz``.

``ENTITY_READER_PROFILE=fuzz`` (set by ``make fuzz``) multiplies every example count by
``FUZZ_SCALE``; the default ``ci`` profile keeps the suite quick on a shared 2-core machine.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("ENTITY_READER_PROFILE", "ci")
FUZZ_SCALE = 10


def budget(examples: int) -> settings:
    """Hypothesis settings for a test worth ``examples`` cases in the ``ci`` profile."""
    scale = FUZZ_SCALE if PROFILE == "fuzz" else 1
    return settings(
        max_examples=examples * scale,
        deadline=None,  # the machine is shared: timing varies, hangs are caught by timeouts
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        print_blob=True,
    )
