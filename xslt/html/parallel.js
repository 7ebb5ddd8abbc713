// The switch of the parallel view: translation, both, or original. Without
// this script both are shown and the switch stays hidden.
(function () {
  document.querySelectorAll(".parallel").forEach(function (view) {
    var choice = view.querySelector(".parallel-switch");
    if (!choice) return;
    choice.hidden = false;
    choice.addEventListener("change", function (event) {
      if (event.target.name === "parallel-show") view.dataset.show = event.target.value;
    });
  });
})();
