/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  // Keep the visitor on the same paragraph when they switch language: the server cannot see the
  // #fragment, so add it to the switcher's links at the moment they are followed.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-keep-fragment]");
    if (link && window.location.hash && link.href.indexOf("#") === -1) {
      link.href = link.href + window.location.hash;
    }
  });
})();
