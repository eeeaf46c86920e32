"""bench/ablation.py's switches still name the rules they switch off, and put them back.

The table is only worth reading while every switch reaches its rule: a rule renamed or moved
would otherwise leave its row silently equal to "all rules".
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reader.core.analysis import entities, wire_lines

BENCH = Path(__file__).resolve().parents[3] / "bench"


def _ablation() -> ModuleType:
    if str(BENCH) not in sys.path:  # as bench/accuracy.py runs it: its sibling modules import
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("ablation", BENCH / "ablation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ablation", module)
    spec.loader.exec_module(module)
    return module


def test_every_switch_names_an_attribute_that_exists() -> None:
    ablation = _ablation()
    missing = [
        (switch.label, name)
        for switch in ablation.SWITCHES
        for owner, name, _ in switch.patches
        if not ablation._has(owner, name)
    ]
    assert missing == []
    assert {switch.aspect for switch in ablation.SWITCHES} == {
        "entities",
        "speakers",
        "dates",
        "aliases",
    }


def test_a_dotted_switch_replaces_the_rule_only_where_it_is_applied_and_restores_it() -> None:
    ablation = _ablation()
    switch = next(s for s in ablation.SWITCHES if s.label == "dateline rule")
    original = wire_lines.dateline
    assert wire_lines.dateline("NAPA, Calif. (AP) — text") is not None
    with ablation.switched_off(switch):
        assert entities.wire_lines.dateline("NAPA, Calif. (AP) — text") is None
        assert wire_lines.dateline is original  # other users of wire_lines still see the rule
    assert entities.wire_lines is wire_lines and wire_lines.dateline is original


def test_a_switch_of_a_class_method_leaves_the_class_callable_and_puts_it_back() -> None:
    from reader.core.analysis import org_context

    ablation = _ablation()
    switch = next(s for s in ablation.SWITCHES if s.label == "org ctx 2: owned noun")
    original = org_context._Context
    with ablation.switched_off(switch):
        replaced = org_context._Context
        assert isinstance(replaced, type) and issubclass(replaced, original)
        assert replaced.owned_after(object(), 0) is False
    assert org_context._Context is original
