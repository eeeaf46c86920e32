"""Every menu item and shortcut of the reader, declared once (napari's action registry).

``ACTIONS`` is the one list; ``install_actions`` turns it into QActions on a window, wires each
to the handler named by ``handler`` (a window method, or ``controller.method`` of a controller
the window owns) and builds the menu bar from ``menu`` paths. Other
parts of the app add theirs with ``register`` before a window is built (or ``MainWindow
.add_action`` after), so saving or correcting never edits this file's list by hand.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

StandardKey = QKeySequence.StandardKey

MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("go", "&Go"),
    ("help", "&Help"),
)
"""Top-level menus in menu-bar order: (id, title)."""

SUBMENUS: dict[str, str] = {
    "file/recent": "Open &Recent",
    "view/theme": "&Theme",
    "view/layers": "&Highlight",
}
"""Submenu titles by path."""

SUBMENU_AFTER: dict[str, str] = {"file/recent": "file.open"}
"""Submenus the window fills itself, placed right after this action."""


@dataclass(frozen=True)
class ActionSpec:
    """One user command.

    Attributes:
        id: stable name ("file.open"); tests and other modules find actions by it.
        text: menu text with an & mnemonic.
        menu: menu path ("file", "view/theme"); "" for shortcut-only actions.
        handler: the window method called with no argument (checkable: with the state), or
            "controller.method" for a controller the window owns (``commands``, ``corrections``,
            ``exports``).
        shortcuts: key sequences, strings ("Ctrl+=") or QKeySequence.StandardKey values.
        checkable: a toggle; its state is passed to the handler.
        group: exclusive group name for radio items (theme).
        section: items with different sections get a separator between them.
        tip: status-bar tip.
        data: value stored on the action (theme name, entity type).
    """

    id: str
    text: str
    menu: str
    handler: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    group: str = ""
    section: str = ""
    tip: str = ""
    data: str = ""


# One line per command, read as a table: keep the formatter out.
# fmt: off
ACTIONS: list[ActionSpec] = [
    ActionSpec("file.open", "&Open…", "file", "commands.open_dialog", (StandardKey.Open,),
               section="open", tip="Open an article file"),
    ActionSpec("file.close_tab", "&Close Tab", "file", "commands.close_current_tab",
               (StandardKey.Close,),
               section="close"),
    ActionSpec("file.quit", "&Quit", "file", "close", (StandardKey.Quit,), section="quit"),
    ActionSpec("edit.copy", "&Copy", "edit", "commands.copy_selection", (StandardKey.Copy,)),
    ActionSpec("edit.select_all", "Select &All", "edit", "commands.select_all",
               (StandardKey.SelectAll,)),
    ActionSpec("edit.find", "&Find…", "edit", "commands.show_find_bar", (StandardKey.Find,),
               section="find"),
    ActionSpec("edit.find_next", "Find &Next", "edit", "commands.find_next",
               ("F3", StandardKey.FindNext),
               section="find"),
    ActionSpec("edit.find_previous", "Find &Previous", "edit", "commands.find_previous",
               ("Shift+F3", StandardKey.FindPrevious), section="find"),
    ActionSpec("view.zoom_in", "Zoom &In", "view", "commands.zoom_in", ("Ctrl+=", "Ctrl++"),
               section="zoom"),
    ActionSpec("view.zoom_out", "Zoom &Out", "view", "commands.zoom_out",
               ("Ctrl+-",), section="zoom"),
    ActionSpec("view.zoom_reset", "&Actual Size", "view", "commands.zoom_reset", ("Ctrl+0",),
               section="zoom"),
    ActionSpec("view.theme_system", "Follow &System", "view/theme", "commands.set_theme",
               checkable=True,
               group="theme", data="system"),
    ActionSpec("view.theme_light", "&Light", "view/theme", "commands.set_theme", checkable=True,
               group="theme", data="light"),
    ActionSpec("view.theme_dark", "&Dark", "view/theme", "commands.set_theme", checkable=True,
               group="theme", data="dark"),
    ActionSpec("view.layer_person", "&People", "view/layers", "commands.toggle_layer", ("Ctrl+1",),
               checkable=True, data="person"),
    ActionSpec("view.layer_country", "&Countries", "view/layers", "commands.toggle_layer",
               ("Ctrl+2",),
               checkable=True, data="country"),
    ActionSpec("view.layer_organization", "&Organizations", "view/layers", "commands.toggle_layer",
               ("Ctrl+3",), checkable=True, data="organization"),
    ActionSpec("view.layer_place", "P&laces", "view/layers", "commands.toggle_layer", ("Ctrl+4",),
               checkable=True, data="place", section="extra"),
    ActionSpec("view.layer_nationality", "&Nationalities", "view/layers", "commands.toggle_layer",
               ("Ctrl+5",), checkable=True, data="nationality", section="extra"),
    ActionSpec("view.entities_panel", "&Entities Panel", "view", "commands.toggle_entity_panel",
               ("Ctrl+Shift+E",), checkable=True, section="panels"),
    ActionSpec("view.quotes_panel", "&Quotes and Dates Panel", "view",
               "commands.toggle_quotes_panel", ("Ctrl+Shift+Q",), checkable=True, section="panels"),
    ActionSpec("go.next_mention", "&Next Mention", "go", "commands.next_mention", ("F8",),
               tip="Next mention of the selected entity"),
    ActionSpec("go.previous_mention", "&Previous Mention", "go", "commands.previous_mention",
               ("Shift+F8",), tip="Previous mention of the selected entity"),
    ActionSpec("go.clear_selection", "&Clear Entity Selection", "go", "commands.clear_entity", ()),
    ActionSpec("go.next_tab", "Next &Tab", "go", "commands.next_tab", ("Ctrl+Tab", "Ctrl+PgDown"),
               section="tabs"),
    ActionSpec("go.previous_tab", "Pre&vious Tab", "go", "commands.previous_tab",
               ("Ctrl+Shift+Tab", "Ctrl+PgUp"), section="tabs"),
    ActionSpec("help.shortcuts", "&Keyboard Shortcuts", "help", "commands.show_shortcuts",
               (StandardKey.HelpContents,)),
    ActionSpec("help.about", "&About Entity Reader", "help", "commands.show_about",
               section="about"),
]
# fmt: on


def register(spec: ActionSpec, *, before: str | None = None) -> None:
    """Add an action to the registry (replaces one with the same id)."""
    ACTIONS[:] = [a for a in ACTIONS if a.id != spec.id]
    if before is not None:
        ids = [a.id for a in ACTIONS]
        if before in ids:
            ACTIONS.insert(ids.index(before), spec)
            return
    ACTIONS.append(spec)


def _key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in spec.shortcuts:
        if isinstance(key, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def create_action(
    window: QMainWindow, spec: ActionSpec, groups: dict[str, QActionGroup]
) -> QAction:
    """One QAction for ``spec``, connected to ``window``'s handler."""
    action = QAction(spec.text.replace("&&", "&"), window)
    action.setText(spec.text)
    action.setObjectName(spec.id)
    action.setShortcuts(_key_sequences(spec))
    action.setCheckable(spec.checkable)
    if spec.tip:
        action.setStatusTip(spec.tip)
    if spec.data:
        action.setData(spec.data)
    if spec.group:
        group = groups.setdefault(spec.group, QActionGroup(window))
        group.addAction(action)
    handler: Callable[..., object] = operator.attrgetter(spec.handler)(window)
    if spec.data:
        action.triggered.connect(lambda checked=False, d=spec.data: handler(d, checked))
    elif spec.checkable:
        action.triggered.connect(lambda checked=False: handler(checked))
    else:
        action.triggered.connect(lambda _checked=False: handler())
    window.addAction(action)  # shortcuts work even for actions not in a menu
    return action


def build_menus(
    window: QMainWindow, specs: list[ActionSpec], actions: dict[str, QAction]
) -> dict[str, QMenu]:
    """Fill the window's menu bar from the specs' menu paths; returns menus by path."""
    bar: QMenuBar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for menu_id, title in MENUS:
        menus[menu_id] = bar.addMenu(title)
        menus[menu_id].setObjectName(f"menu.{menu_id}")
    last_section: dict[str, str] = {}
    for spec in specs:
        if not spec.menu:
            continue
        parent = spec.menu.rpartition("/")[0]
        if parent and spec.menu not in menus and spec.menu not in SUBMENU_AFTER:
            # A new submenu starts a section of its parent like an action would.
            if parent in last_section and last_section[parent] != spec.section:
                menu_for(menus, parent).addSeparator()
            last_section[parent] = spec.section
        menu = menu_for(menus, spec.menu)
        if spec.menu in last_section and last_section[spec.menu] != spec.section:
            menu.addSeparator()
        last_section[spec.menu] = spec.section
        menu.addAction(actions[spec.id])
        for path, after in SUBMENU_AFTER.items():
            if after == spec.id:
                menu_for(menus, path)
    return menus


def menu_for(menus: dict[str, QMenu], path: str) -> QMenu:
    """The menu at ``path`` ("file", "view/theme"), created on first use."""
    if path in menus:
        return menus[path]
    parent_path, _, _name = path.rpartition("/")
    parent = menu_for(menus, parent_path) if parent_path else menus["file"]
    menu = parent.addMenu(SUBMENUS.get(path, path.rpartition("/")[2].title()))
    menu.setObjectName(f"menu.{path}")
    menus[path] = menu
    return menu


def install_actions(
    window: QMainWindow, specs: list[ActionSpec] | None = None
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Create every registered action on ``window`` and its menu bar."""
    specs = list(ACTIONS if specs is None else specs)
    groups: dict[str, QActionGroup] = {}
    actions = {spec.id: create_action(window, spec, groups) for spec in specs}
    menus = build_menus(window, specs, actions)
    return actions, menus


_TYPED_KEYS = {
    Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
    Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up,
    Qt.Key.Key_Down, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter,
    Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Space,
}  # fmt: skip
"""Keys off the printable range that an ordinary keyboard has (besides F1-F12)."""


def typed_by_people(sequence: QKeySequence) -> bool:
    """Whether a person would type ``sequence``: not F13-F35 or the dedicated Copy / Undo keys
    of old Sun keyboards, nor the legacy Ctrl+Ins / Shift+Ins that Qt adds to standard keys."""
    for index in range(sequence.count()):
        # QKeySequence is indexable (operator[]); PySide6's stub lacks __getitem__
        key = sequence[index].key()  # type: ignore[index]
        printable = key.value < Qt.Key.Key_Escape.value
        function = Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F12.value
        if not (printable or function or key in _TYPED_KEYS):
            return False
    return True


def menu_path(spec: ActionSpec) -> str:
    """Where a person finds ``spec``: "File ▸ Export ▸ PDF" (its text alone if in no menu)."""
    titles = dict(MENUS)
    parts = []
    path = ""
    for part in spec.menu.split("/") if spec.menu else []:
        path = f"{path}/{part}" if path else part
        parts.append(titles.get(path) or SUBMENUS.get(path) or part.title())
    parts.append(spec.text)
    return " ▸ ".join(
        p.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…") for p in parts
    )


def shortcut_rows(action_ids: list[str]) -> list[tuple[str, list[str]]]:
    """(menu path, keys in the platform's native text, primary first) for each registered
    action among ``action_ids`` with a key a person would type, in registry order.

    Read from the specs, not the QActions: an action's text can change ("Undo Remove
    Details") while its place in the menus does not.
    """
    wanted = set(action_ids)
    rows = []
    for spec in ACTIONS:
        if spec.id not in wanted:
            continue
        keys = [
            sequence.toString(QKeySequence.SequenceFormat.NativeText)
            for sequence in _key_sequences(spec)
            if typed_by_people(sequence)
        ]
        if keys:
            rows.append((menu_path(spec), keys))
    return rows
