/* A link to a field of a change form (…/change/#id_summary_kk, as the translation status page makes
   them) opens the language tab that holds the field, unfolds what hides it, and brings it into view.
   Without this script (or without the tabs) every language's field is on the page and the browser
   scrolls to it by itself. */
(function () {
  "use strict";

  function fieldFromHash() {
    var id;
    try {
      id = decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return null;
    }
    if (!id) {
      return null;
    }
    var field = document.getElementById(id);
    // Only a form's own inputs: any other anchor is left to the browser.
    return field && field.matches("input, textarea, select") && field.closest("form") ? field : null;
  }

  function showTabOf(field) {
    var panel = field.closest(".ui-tabs-panel");
    if (!panel || !panel.id) {
      return;
    }
    var tabs = panel.parentElement;
    var anchors = tabs ? tabs.querySelectorAll(".ui-tabs-nav a") : [];
    for (var i = 0; i < anchors.length; i += 1) {
      if (anchors[i].getAttribute("href") === "#" + panel.id) {
        if (!anchors[i].parentElement.classList.contains("ui-tabs-active")) {
          anchors[i].click();
        }
        return;
      }
    }
  }

  function unfold(field) {
    var folded = field.parentElement ? field.parentElement.closest("details") : null;
    while (folded) {
      folded.open = true;
      folded = folded.parentElement ? folded.parentElement.closest("details") : null;
    }
  }

  function goToField() {
    var field = fieldFromHash();
    if (!field) {
      return;
    }
    showTabOf(field);
    unfold(field);
    // From the language tabs down: which language is open, the mark of a changed source, the field.
    var shown = field.closest(".ui-tabs") || field.closest(".form-row") || field;
    shown.scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  }

  // The language tabs (and the switch above them) say "KK RU EN": name the languages instead, in the
  // admin's language (templates/admin/base_site.html writes the names).
  function nameLanguages() {
    var source = document.querySelector("form.admin-language");
    if (!source) {
      return;
    }
    var labels = document.querySelectorAll(".ui-tabs-nav a.ui-tabs-anchor, #modeltranslation-main-switch option");
    for (var i = 0; i < labels.length; i += 1) {
      var code = labels[i].textContent.trim().toLowerCase();
      var name = /^[a-z]{2}$/.test(code) ? source.getAttribute("data-name-" + code) : null;
      if (name) {
        labels[i].textContent = name;
      }
    }
  }

  function start() {
    nameLanguages();
    goToField();
    window.addEventListener("hashchange", goToField);
    // On a fresh load the tabs may be made after this ran (jQuery 3 runs "ready" handlers one turn
    // apart): once everything has loaded, open the field's tab again.
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        window.setTimeout(function () {
          nameLanguages();
          goToField();
        }, 0);
      });
    }
  }

  // The tabs are made by django-modeltranslation in a jQuery "ready" handler registered before this
  // file runs: ours, registered after it, runs after it (then one more turn, to be sure).
  var jq = window.django && window.django.jQuery;
  if (jq) {
    jq(function () {
      window.setTimeout(start, 0);
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
