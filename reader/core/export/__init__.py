"""Annotated copies: the formats a user saves (``formats``), the self-contained HTML copy
(``html``, ``html_assets``), JSONL (``jsonl``) and reopening a copy losslessly (``reopen``)."""
