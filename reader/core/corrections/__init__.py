"""A user's corrections to the analysis: the operations (``operations``), undo and redo
(``undo``) and the crash journal that replays them (``journal``)."""
