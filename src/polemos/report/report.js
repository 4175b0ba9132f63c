(function () {
  "use strict";
  // Tooltips and the event filter. Data only ever reaches the page through textContent.
  var tip = document.getElementById("tip");
  function place(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) { x = ev.clientX - tip.offsetWidth - 14; }
    if (y + tip.offsetHeight > window.innerHeight - 8) { y = ev.clientY - tip.offsetHeight - 14; }
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  document.addEventListener("mousemove", function (ev) {
    var el = ev.target instanceof Element ? ev.target.closest("[data-tip]") : null;
    if (!el) { tip.hidden = true; return; }
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    place(ev);
  });
  var box = document.getElementById("filter");
  var flagged = document.getElementById("show-flagged");
  var count = document.getElementById("filter-count");
  function filter() {
    var query = box.value.trim().toLowerCase();
    var rows = document.querySelectorAll("#event-table tbody tr");
    var shown = 0;
    rows.forEach(function (row) {
      var hit = (!query || row.textContent.toLowerCase().indexOf(query) >= 0) &&
        (flagged.checked || !row.classList.contains("flagged"));
      row.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  if (box && flagged && count) {
    box.addEventListener("input", filter);
    flagged.addEventListener("change", filter);
    filter();
  }
})();
