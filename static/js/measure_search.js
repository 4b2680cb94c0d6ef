/* Measure fields: a suggestion picked fills its field with "9. Natteravnordning" and closes the list. */
document.addEventListener("click", function (event) {
  var choice = event.target.closest("[data-measure]");
  if (!choice) {
    return;
  }
  var box = choice.closest(".measure-search");
  var input = box.querySelector("input");
  input.value = choice.getAttribute("data-measure");
  box.querySelector(".measure-suggestions").textContent = "";
  input.focus();
});
