"""The Edit ▸ Correct menu's commands, declared in the registry (``reader/ui/actions.py``).

Their handlers are the corrections controller's methods (``window.corrections``); importing
this module registers them, before a window is built.
"""

from __future__ import annotations

from reader.ui import actions as registry

StandardKey = registry.StandardKey
Spec = registry.ActionSpec

registry.SUBMENUS.setdefault("edit/correct", "Co&rrect")
CORRECTION_ACTIONS: tuple[registry.ActionSpec, ...] = (
    Spec(
        "edit.undo",
        "&Undo",
        "edit",
        "corrections.undo_correction",
        (StandardKey.Undo,),
        section="undo",
    ),
    Spec(
        "edit.redo",
        "&Redo",
        "edit",
        "corrections.redo_correction",
        (StandardKey.Redo,),
        section="undo",
    ),
    Spec(
        "edit.mark_person",
        "Mark as &Person",
        "edit/correct",
        "corrections.mark_selection",
        ("Ctrl+Alt+1",),
        section="mark",
        data="person",
        tip="Mark the selected text as a person",
    ),
    Spec(
        "edit.mark_country",
        "Mark as &Country",
        "edit/correct",
        "corrections.mark_selection",
        ("Ctrl+Alt+2",),
        section="mark",
        data="country",
    ),
    Spec(
        "edit.mark_organization",
        "Mark as &Organization",
        "edit/correct",
        "corrections.mark_selection",
        ("Ctrl+Alt+3",),
        section="mark",
        data="organization",
    ),
    Spec(
        "edit.mark_place",
        "Mark as P&lace",
        "edit/correct",
        "corrections.mark_selection",
        ("Ctrl+Alt+4",),
        section="mark",
        data="place",
    ),
    Spec(
        "edit.mark_nationality",
        "Mark as &Nationality",
        "edit/correct",
        "corrections.mark_selection",
        ("Ctrl+Alt+5",),
        section="mark",
        data="nationality",
    ),
    Spec(
        "edit.add_mention",
        "Mark as a Mention of the &Selected Entity",
        "edit/correct",
        "corrections.add_selection_to_entity",
        ("Ctrl+Alt+M",),
        section="mark",
    ),
    Spec(
        "edit.remove_mention",
        "Remove This &Mention",
        "edit/correct",
        "corrections.remove_mention_at_cursor",
        section="entity",
    ),
    Spec(
        "edit.remove_entity",
        "Remove &Entity",
        "edit/correct",
        "corrections.remove_selected_entity",
        ("Ctrl+Alt+Backspace",),
        section="entity",
    ),
    Spec(
        "edit.change_type",
        "Change &Type…",
        "edit/correct",
        "corrections.change_entity_type",
        section="entity",
    ),
    Spec(
        "edit.rename_entity",
        "Re&name Entity…",
        "edit/correct",
        "corrections.rename_selected_entity",
        ("F2",),
        section="entity",
    ),
    Spec(
        "edit.merge_entity",
        "Mer&ge Entity Into…",
        "edit/correct",
        "corrections.merge_selected_entity",
        section="entity",
    ),
    Spec(
        "edit.edit_speaker",
        "Edit Quote &Speaker…",
        "edit/correct",
        "corrections.edit_quote_speaker",
        section="quote",
    ),
)
for _spec in CORRECTION_ACTIONS:
    registry.register(_spec, before="edit.copy")
