"""Open built pages in Chromium and report anything hostile content made happen or appear."""
from __future__ import annotations

from dataclasses import dataclass, field

# Run in the page: every element or attribute content could have smuggled in, as "tag: why".
INJECTED_ELEMENTS = r"""
siteRoot => {
  const found = [];
  const inSite = url => url.startsWith(siteRoot);
  const forbidden = new Set(["iframe", "frame", "frameset", "object", "embed", "svg", "math", "base", "video", "audio",
    "source", "marquee", "details", "img", "textarea", "style", "template", "applet", "portal"]);
  const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster", "background"];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.localName;
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${tag}: event handler ${a.name}`);
      if (urlAttributes.includes(a.name.toLowerCase()) && /^\W*(javascript|data|vbscript):/i.test(a.value.replace(/\s+/g, "")))
        found.push(`${tag}: script URL in ${a.name}`);
    }
    if (forbidden.has(tag)) found.push(`${tag}: element`);
    if (tag === "meta" && el.hasAttribute("http-equiv")) found.push("meta: http-equiv");
    if (tag === "link" && !inSite(el.href)) found.push(`link: outside the site ${el.href}`);
    if (tag === "script") {
      if (el.type === "application/ld+json") { try { JSON.parse(el.textContent); } catch (e) { found.push("script: JSON-LD broken"); } }
      else if (!el.src || !inSite(el.src)) found.push(`script: not a site script ${el.src || el.textContent.slice(0, 40)}`);
    }
    if (tag === "form" && !inSite(el.action)) found.push(`form: action outside the site ${el.action}`);
    if (["input", "button", "select", "option"].includes(tag) && !(el.closest("form") && inSite(el.closest("form").action))
        && el.id !== "search-more" && !el.matches("button.copy-button[data-copy='citation']"))
      found.push(`${tag}: outside the site's own forms`);
    if (tag === "a" && el.hasAttribute("href") && !["http:", "https:", "mailto:", "file:"].includes(el.protocol))
      found.push(`a: link with scheme ${el.protocol}`);
    if (tag === "a" && el.protocol === "file:" && !inSite(el.href)) found.push(`a: file link outside the site ${el.href}`);
  }
  if (window.__pwned !== undefined) found.push("window.__pwned was set");
  return found;
}
"""


@dataclass
class Watch:
    """What happened in one browser context: dialogs opened, requests leaving the site, script errors."""

    site_root: str
    dialogs: list[str] = field(default_factory=list)
    escaped_requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = route.request.url
        if url.startswith(self.site_root):
            route.continue_()
        else:
            self.escaped_requests.append(url)
            route.abort()

    def dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def watched_page(browser, site_root: str):
    """A new page whose dialogs, requests outside ``site_root`` and script errors are recorded."""
    context = browser.new_context(java_script_enabled=True)
    watch = Watch(site_root)
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("dialog", watch.dialog)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return context, page, watch


def injected(page, site_root: str) -> list[str]:
    return page.evaluate(INJECTED_ELEMENTS, site_root)
