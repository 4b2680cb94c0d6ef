"""Minutes Markdown to sanitised HTML, as a child process of meetings.rendering (it imports nothing of Django).

Run as `python -m meetings.markdown_child`: reads a JSON list of texts on stdin, writes the JSON list
of their HTML on stdout. Kept small so that the child starts quickly.
"""

import json
import sys

import markdown
import nh3
from markdown.extensions.toc import TocExtension

MINUTES_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "code",
    "pre",
    "a",
    "hr",
}


def to_html(text):
    """The Markdown as HTML with everything but plain formatting removed."""
    # Headings in the minutes sit below the page's own headings: "#" becomes <h3>.
    html = markdown.markdown(text or "", extensions=["sane_lists", TocExtension(baselevel=3)], output_format="html")
    return nh3.clean(html, tags=MINUTES_TAGS, attributes={"a": {"href"}}, link_rel="noopener nofollow")


if __name__ == "__main__":
    sys.setrecursionlimit(2000)
    texts = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdout.buffer.write(json.dumps([to_html(text) for text in texts]).encode("utf-8"))
