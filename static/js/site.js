/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("click", function (event) {
    if (!event.target.closest) {
      return;
    }
    // Keep the visitor on the same paragraph when they switch language: the server cannot see
    // the #fragment, so add it to the switcher's link at the moment it is followed.
    var link = event.target.closest("a[data-keep-fragment]");
    if (link && window.location.hash && link.href.indexOf("#") === -1) {
      link.href = link.href + window.location.hash;
    }
    if (event.target.closest("[data-print]")) {
      window.print();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
  });

  // "Printed on": the reader's own date at the moment of printing, in the page's language.
  window.addEventListener("beforeprint", function () {
    var spans = document.querySelectorAll("[data-print-date]");
    var today = new Date();
    for (var i = 0; i < spans.length; i++) {
      var months = (spans[i].getAttribute("data-months") || "").split(",");
      var pattern = spans[i].getAttribute("data-pattern");
      if (months.length !== 12 || !pattern) {
        continue;
      }
      spans[i].textContent = pattern
        .replace("{day}", String(today.getDate()))
        .replace("{month}", months[today.getMonth()])
        .replace("{year}", String(today.getFullYear()));
    }
  });
})();
