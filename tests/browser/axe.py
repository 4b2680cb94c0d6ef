"""axe-core 4 (vendored, with its Norwegian locale) run in the real page by Playwright."""

import json
from pathlib import Path

AXE_DIR = Path(__file__).parent / "vendor" / "axe-core-4.14.1"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    """Run axe-core on the current page; returns the violations for WCAG 2.1 A and AA."""
    # Evaluated through the DevTools protocol, so the portal's strict CSP does not block it.
    page.evaluate((AXE_DIR / "axe.min.js").read_text(encoding="utf-8"))
    locale = json.loads((AXE_DIR / "locales" / "nb.json").read_text(encoding="utf-8"))
    result = page.evaluate(
        """async ([locale, tags]) => {
            axe.configure({locale});
            return await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        }""",
        [locale, TAGS],
    )
    return result["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:5])
        for v in violations
    )


def assert_no_violations(page):
    violations = axe_violations(page)
    assert not violations, describe(violations)
