"""The inline stylesheet and script of an annotated HTML copy.

Kept apart from the markup code so their hashes (the page's Content-Security-Policy allows
exactly these two blocks and nothing else) are computed over one unchanging text.
"""

from __future__ import annotations

import base64
import hashlib

from reader.core.colors import colors_for

BASE_CSS = """\
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fbfbf8; --muted: #5f6368;
  --line: #d9d9d4; --panel: #f1f1ec; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e3; --bg: #1b1c1e; --muted: #a3a7ad; --line: #3a3b3f; --panel: #242529; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 17px/1.6 Georgia, "DejaVu Serif", "Times New Roman", serif; }
.page { display: grid; grid-template-columns: minmax(0, 44rem) 21rem; gap: 2.5rem;
  justify-content: center; padding: 2rem 1.5rem 4rem; }
@media (max-width: 960px) { .page { grid-template-columns: minmax(0, 44rem); } }
header h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .5rem; }
.meta, .provenance, .empty, .count, .resolved, .status { color: var(--muted); }
.meta { font: 0.92rem/1.5 system-ui, sans-serif; margin: 0 0 1.5rem; }
.meta span + span::before { content: " \\00b7  "; }
article p, article li, article blockquote, article pre { margin: 0 0 1em; }
article .dateline { font-variant: small-caps; color: var(--muted); }
article blockquote { border-left: 3px solid var(--line); padding-left: 1em; }
article pre { white-space: pre-wrap; font-size: .9em; }
aside { font: 0.95rem/1.45 system-ui, sans-serif; }
aside section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: .8rem 1rem; margin-bottom: 1rem; }
aside h2 { font-size: 1rem; margin: 0 0 .5rem; }
aside ul { list-style: none; margin: 0; padding: 0; }
aside li { margin: .25rem 0; }
.legend li { display: flex; align-items: center; gap: .5rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px;
  flex: none; }
button.ent-btn { font: inherit; color: inherit; background: none; border: 0; padding: .1rem .2rem;
  cursor: pointer; text-align: left; display: flex; gap: .5rem; align-items: center;
  width: 100%; border-radius: 4px; }
button.ent-btn:hover, button.ent-btn:focus-visible { background: var(--line); }
button.ent-btn.focus { outline: 2px solid var(--fg); }
.count { margin-left: auto; font-variant-numeric: tabular-nums; }
.quote { margin: 0 0 .75rem; }
.quote q { font-style: italic; }
.speaker { display: block; color: var(--muted); }
.speaker button.ent-btn { display: inline; width: auto; }  /* the dash and the name on one line */
.user-tag { font-size: .75em; border: 1px solid var(--line); border-radius: 3px;
  padding: 0 .25em; margin-left: .25em; }
mark.ent { border-radius: 2px; padding: 0 .08em; cursor: pointer; color: inherit;
  background-color: #E3E3E3; border-bottom: 3px solid #999999; }
mark.ent[data-source="user"] { text-decoration: underline dotted; }
mark.ent.focus { outline: 2px solid var(--fg); outline-offset: 1px; }
body.focusing mark.ent:not(.focus) { background-color: transparent; }
time.date { border-bottom: 1px dashed var(--muted); }
aside li[data-quote], aside li[data-date] { cursor: pointer; border-radius: 4px; }
aside li[data-quote]:hover, aside li[data-date]:hover,
aside li[data-quote]:focus-visible, aside li[data-date]:focus-visible { background: var(--line); }
.quote-span.flash, time.date.flash { outline: 2px dashed var(--fg); outline-offset: 2px; }
.status { min-height: 1.4em; font-size: .9rem; margin: 0; }
aside h3 { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); margin: .75rem 0 .25rem; }
button.toggle { font: inherit; color: inherit; background: none; border: 0; padding: .1rem .2rem;
  cursor: pointer; display: flex; gap: .5rem; align-items: center; width: 100%;
  border-radius: 4px; }
button.toggle:hover, button.toggle:focus-visible { background: var(--line); }
button.toggle[aria-pressed="false"] { color: var(--muted); }
button.toggle[aria-pressed="false"] .swatch { opacity: .3; }
footer.provenance { font: .8rem/1.4 system-ui, sans-serif; margin-top: 2rem; }
@media print {
  .page { display: block; padding: 0; }
  mark.ent { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  button.ent-btn { padding: 0; }
}
"""

SCRIPT = """\
(function () {
  "use strict";
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.ent"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button.ent-btn"));
  var status = document.getElementById("status");
  var JUMPS = "aside li[data-quote], aside li[data-date]";
  function motion() {
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return still ? "auto" : "smooth";
  }
  var active = null;
  var cursor = -1;
  function mentionsOf(id) {
    return marks.filter(function (m) { return m.getAttribute("data-entity") === id; });
  }
  function select(id) {
    active = id;
    cursor = -1;
    marks.concat(buttons).forEach(function (el) {
      el.classList.toggle("focus", id !== null && el.getAttribute("data-entity") === id);
    });
    document.body.classList.toggle("focusing", id !== null);
    if (id === null) { status.textContent = ""; return; }
    var seen = {};
    mentionsOf(id).forEach(function (m) { seen[m.getAttribute("data-mention")] = true; });
    var button = buttons.filter(function (b) { return b.getAttribute("data-entity") === id; })[0];
    var name = button ? button.getAttribute("data-name") : "";
    var n = Object.keys(seen).length;
    status.textContent = name + ": " + n + (n === 1 ? " mention" : " mentions");
  }
  function jump(id) {
    var found = mentionsOf(id);
    if (!found.length) { return; }
    cursor = (cursor + 1) % found.length;
    found[cursor].scrollIntoView({ block: "center", behavior: motion() });
  }
  function toggleLayer(button) {
    var cls = "hide-" + button.getAttribute("data-layer");
    var hidden = document.body.classList.toggle(cls);
    button.setAttribute("aria-pressed", hidden ? "false" : "true");
  }
  function show(attribute, value) {
    var found = null;
    Array.prototype.forEach.call(document.querySelectorAll("article .flash"), function (el) {
      el.classList.remove("flash");
    });
    Array.prototype.forEach.call(document.querySelectorAll("article [" + attribute + "]"),
      function (el) {
        if (el.getAttribute(attribute) !== value) { return; }
        el.classList.add("flash");
        if (!found) { found = el; }
      });
    if (found) { found.scrollIntoView({ block: "center", behavior: motion() }); }
  }
  document.addEventListener("click", function (event) {
    var layer = event.target.closest ? event.target.closest("button.toggle") : null;
    if (layer) { toggleLayer(layer); return; }
    var entity = event.target.closest ? event.target.closest("[data-entity]") : null;
    var item = event.target.closest ? event.target.closest(JUMPS) : null;
    if (item && !entity) {
      if (item.hasAttribute("data-quote")) { show("data-quote", item.getAttribute("data-quote")); }
      else { show("data-date", item.getAttribute("data-date")); }
      return;
    }
    var el = event.target.closest ? event.target.closest("[data-entity]") : null;
    if (!el) { return; }
    var id = el.getAttribute("data-entity");
    if (el.tagName === "BUTTON") {
      if (active !== id) { select(id); }
      jump(id);
    } else {
      select(active === id ? null : id);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { select(null); return; }
    var item = document.activeElement;
    if (event.key === "Enter" && item && item.matches && item.matches(JUMPS)) {
      item.click();
    }
  });
}());
"""


def css_class(entity_type: str) -> str:
    """A safe CSS class for an entity type (types come from files, so never trust them)."""
    cleaned = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in entity_type)
    return "t-" + (cleaned.lower() or "unknown")


def stylesheet(types: list[str]) -> str:
    """The page's CSS: the base rules plus colour and hide rules per entity type in use.

    A mention gets the type's light tint behind it (dark tint on a dark page) and the type's
    own colour as a line beneath; the legend swatch is the type's own colour.
    """
    light, dark = [], []
    for entity_type in types:
        colors = colors_for(entity_type)
        cls = css_class(entity_type)
        light.append(
            f"mark.{cls} {{ background-color: {colors.background}; "
            f"border-bottom-color: {colors.color}; }}\n"
            f".{cls} .swatch {{ background-color: {colors.color}; }}\n"
            f"body.hide-{cls} mark.{cls} {{ background-color: transparent; "
            f"border-bottom-color: transparent; cursor: text; }}"
        )
        on_dark = colors_for(entity_type, dark=True).background
        dark.append(f"  mark.{cls} {{ background-color: {on_dark}; }}")
        dark.append(f"  body.hide-{cls} mark.{cls} {{ background-color: transparent; }}")
    return (
        BASE_CSS
        + "\n".join(light)
        + "\n@media (prefers-color-scheme: dark) {\n"
        + "\n".join(dark)
        + "\n}\n"
    )


def csp_hash(source: str) -> str:
    """A CSP source expression allowing exactly this inline block."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str) -> str:
    """Everything forbidden except this page's own stylesheet and script."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; "
        f"script-src {csp_hash(SCRIPT)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; "
        "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'"
    )
