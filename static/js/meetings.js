/* Meetings: after htmx adds a row or a sak, or moves a sak, focus goes to what the person was working on. */
document.body.addEventListener("htmx:afterSettle", function () {
  var target = document.querySelector("[data-autofocus]");
  if (!target) {
    return;
  }
  target.removeAttribute("data-autofocus");
  if (target.disabled) {
    // A sak moved to the top or bottom: its other move button keeps the focus.
    var item = target.closest("li");
    var other = item && item.querySelector("button:not([disabled])");
    if (other) {
      target = other;
    }
  }
  target.focus();
});
