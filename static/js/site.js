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
    // "Copy link": the address is on the page as a link anyway; this only saves selecting it.
    var copy = event.target.closest("[data-copy]");
    if (copy && navigator.clipboard) {
      navigator.clipboard.writeText(copy.getAttribute("data-copy")).then(function () {
        copy.textContent = copy.getAttribute("data-copied");
      });
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    // A browser without ::details-content cannot be told by CSS to show the menu on a wide
    // screen: open it here instead (without JavaScript it is one click away).
    var menu = document.querySelector(".site-menu");
    var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    if (menu && !supported && window.matchMedia("(min-width: 40.0625em)").matches) {
      menu.open = true;
    }
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
    }
    var copies = navigator.clipboard ? document.querySelectorAll("[data-copy]") : [];
    for (var j = 0; j < copies.length; j++) {
      copies[j].hidden = false;
    }
  });

  // Glossary terms in explanations: without JavaScript a term is a link to the glossary page.
  // Here it becomes a button that shows the definition just after it, in the same place in the
  // reading order (a disclosure: aria-expanded + aria-controls; Escape closes and gives focus
  // back). The definitions come as plain text from /<lang>/glossary/terms.json.
  var glossaries = {};
  var openTerm = null;
  var popCount = 0;

  function glossaryUrl(link) {
    var url = new URL(link.getAttribute("href"), window.location.href);
    return url.pathname + "terms.json";
  }

  function loadGlossary(url) {
    if (!glossaries[url]) {
      glossaries[url] = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
        function (response) {
          if (!response.ok) {
            throw new Error("glossary " + response.status);
          }
          return response.json();
        }
      );
    }
    return glossaries[url];
  }

  function closeTerm(returnFocus) {
    if (!openTerm) {
      return;
    }
    var link = openTerm;
    var pop = document.getElementById(link.getAttribute("aria-controls"));
    openTerm = null;
    link.setAttribute("aria-expanded", "false");
    if (pop) {
      pop.hidden = true;
    }
    if (returnFocus) {
      link.focus();
    }
  }

  function buildPop(link, data) {
    var term = data.terms[link.getAttribute("data-term")];
    if (!term) {
      return null;
    }
    var pop = document.createElement("span");
    pop.className = "term-pop";
    pop.id = "term-pop-" + ++popCount;
    pop.hidden = true;
    var name = document.createElement("span");
    name.className = "term-pop-name";
    name.textContent = term.name;
    var definition = document.createElement("span");
    definition.className = "term-pop-definition";
    definition.textContent = term.definition || data.labels.missing;
    var more = document.createElement("a");
    more.href = term.url;
    more.textContent = data.labels.more;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "term-pop-close";
    close.setAttribute("aria-label", data.labels.close);
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      closeTerm(true);
    });
    pop.appendChild(name);
    pop.appendChild(definition);
    pop.appendChild(more);
    pop.appendChild(close);
    link.parentNode.insertBefore(pop, link.nextSibling);
    link.setAttribute("aria-controls", pop.id);
    return pop;
  }

  function toggleTerm(link) {
    if (openTerm === link) {
      closeTerm(false);
      return;
    }
    closeTerm(false);
    loadGlossary(glossaryUrl(link)).then(
      function (data) {
        var id = link.getAttribute("aria-controls");
        var pop = id ? document.getElementById(id) : buildPop(link, data);
        if (!pop) {
          window.location.href = link.href;
          return;
        }
        pop.hidden = false;
        link.setAttribute("aria-expanded", "true");
        openTerm = link;
      },
      function () {
        // The glossary could not be fetched: do what the link does without JavaScript.
        window.location.href = link.href;
      }
    );
  }

  function setUpTerms() {
    var links = document.querySelectorAll("a.term[data-term]");
    for (var i = 0; i < links.length; i++) {
      links[i].setAttribute("role", "button");
      links[i].setAttribute("aria-expanded", "false");
    }
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest) {
      return;
    }
    var link = event.target.closest("a.term[data-term]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      toggleTerm(link);
    } else if (openTerm && !event.target.closest(".term-pop")) {
      closeTerm(false);
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape" && openTerm) {
      var inside = target === openTerm || (target.closest && target.closest(".term-pop"));
      closeTerm(Boolean(inside) || target === document.body);
    } else if ((event.key === " " || event.key === "Spacebar") && target.matches && target.matches("a.term[data-term]")) {
      // A button answers to Space as well as Enter.
      event.preventDefault();
      toggleTerm(target);
    }
  });

  document.addEventListener("DOMContentLoaded", setUpTerms);

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
