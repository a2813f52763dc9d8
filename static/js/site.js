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

  // "Printed on": the reader's own date at the moment of printing.
  window.addEventListener("beforeprint", function () {
    var lang = document.documentElement.lang || "kk";
    var text;
    try {
      text = new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(new Date());
    } catch (e) {
      return;
    }
    var spans = document.querySelectorAll("[data-print-date]");
    for (var i = 0; i < spans.length; i++) {
      spans[i].textContent = text;
    }
  });
})();
