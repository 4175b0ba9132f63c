(function () {
  "use strict";
  // A citation link without a #sentence anchor still scrolls to the highlighted range.
  var mark = document.getElementById("hl");
  if (mark && !window.location.hash) { mark.scrollIntoView({block: "center"}); }
})();
