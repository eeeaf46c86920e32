"""A saved web page that tries every way to run script or fetch something, around a real article.

Every active element points at the counting server (``url(path)``), so any fetch is seen, and
every script writes a marker built at run time ("PWN" + "ED...") that the page source never
contains, so a marker in a rendered DOM proves execution.
"""

from __future__ import annotations

from collections.abc import Callable

MARK = "PWN' + 'ED"
"""Script source for the marker; once evaluated it reads PWNED, which no source here contains."""

PARAGRAPHS = (
    "Kyiv — French President Emmanuel Macron said on Saturday that France and Great Britain "
    "could send several thousand soldiers to Ukraine after a ceasefire, even without Russia's "
    "permission.",
    "Speaking to reporters in Paris, Macron said: \u201cIt is up to Ukraine to decide, not "
    "Russia.\u201d Volodymyr Zelensky welcomed the proposal, according to Reuters.",
    "The European Union and NATO are expected to discuss the plan at a summit in Brussels next "
    "week, officials told the Associated Press.",
    "A security researcher noted that the text &lt;script&gt;alert(1)&lt;/script&gt; and "
    "&lt;img src=x onerror=alert(1)&gt; are harmless when shown as text.",
)


def hostile_page(url: Callable[[str], str]) -> str:
    """The page; ``url(name)`` gives the counting server's address for one vector."""
    js = f"document.title='{MARK}'; fetch('{url('fetch')}');"
    vectors = [
        f"<script>{js}</script>",
        f"<script src='{url('script-src')}'></script>",
        f"<iframe src='{url('iframe')}'></iframe>",
        f"<iframe srcdoc=\"<script>parent.document.title='{MARK}'</script>\"></iframe>",
        f'<img src=\'{url("img")}\' onerror="{js}" onload="{js}">',
        f"<img srcset='{url('srcset')} 2x' alt='photo'>",
        f"<picture><source srcset='{url('picture')}'><img src='{url('picture-img')}'></picture>",
        f"<a href=\"javascript:document.title='{MARK}'\">Click for details</a>",
        f'<a href=\'{url("link")}\' onclick="{js}" onmouseover="{js}">source</a>',
        f"<div style=\"background-image:url('{url('css-inline')}')\">styled</div>",
        f"<object data='{url('object')}'></object><embed src='{url('embed')}'>",
        f"<video poster='{url('poster')}' src='{url('video')}'></video>",
        f"<audio src='{url('audio')}' autoplay></audio>",
        f"<svg onload=\"{js}\"><image href='{url('svg-image')}'/></svg>",
        f"<img src=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='{js}'/>\">",
        f"<iframe src=\"data:text/html,<script>fetch('{url('data-iframe')}')</script>\"></iframe>",
        f"<form action='{url('form')}'><input type='image' src='{url('input-image')}'></form>",
        f'<details open ontoggle="{js}"><summary>more</summary></details>',
        f"<math><maction actiontype='statusline' xlink:href=\"javascript:{js}\">m</maction></math>",
    ]
    head = [
        f"<title>Macron: troops for Ukraine<script>{js}</script></title>",
        '<meta property="article:published_time" content="2025-03-15T10:00:00Z">',
        '<meta name="author" content="Jane Doe">',
        f"<meta http-equiv='refresh' content='0;url={url('refresh')}'>",
        f"<base href='{url('base/')}'>",
        f"<link rel='stylesheet' href='{url('stylesheet')}'>",
        f"<link rel='icon' href='{url('favicon')}'>",
        f"<link rel='preload' as='image' href='{url('preload')}'>",
        f"<link rel='prefetch' href='{url('prefetch')}'>",
        f"<style>@import url('{url('css-import')}'); "
        f"body {{ background: url({url('css-bg')}); }} "
        f"@font-face {{ font-family: x; src: url({url('font')}); }}</style>",
    ]
    body = []
    for n, paragraph in enumerate(PARAGRAPHS):
        body.append(f'<p onclick="{js}">{paragraph}</p>')
        body.append(vectors[n % len(vectors)])
    body += vectors
    return (
        "<!DOCTYPE html><html><head>"
        + "".join(head)
        + f"</head><body onload=\"{js}\"><nav><a href='/'>Home</a> | <a href='/world'>World</a>"
        "</nav><article><h1>Macron: Russia's permission is not required</h1>"
        "<p class='byline'>By Jane Doe</p>"
        + "".join(body)
        + "</article><footer>© News Site</footer></body></html>"
    )


# Payloads for exported pages: in the body, the title, an entity name and a quote.
PAYLOADS = (
    f"</script><script>document.title='{MARK}1'</script>",
    f"<img src=x onerror=\"document.title='{MARK}2'\">",
    f'"><svg onload="document.title=\'{MARK}3\'">',
    f"'><script>document.title='{MARK}4'</script>",
    f"<!--</script><script>document.title='{MARK}5'</script>-->",
    f"]]></script><iframe srcdoc=\"<script>top.document.title='{MARK}6'</script>\">",
    f"{{{{constructor.constructor('document.title=\"{MARK}7\"')()}}}}",
    f"\u2028\u2029</SCRIPT ><script>document.title='{MARK}8'</script>",
    f"<a href=\"javascript:document.title='{MARK}9'\">x</a>",
    f"<style>*{{background:url(javascript:document.title='{MARK}10')}}</style>",
)
