/* Dear Reader: the reader's text size, and closing the account menu.
 *
 * Loaded without defer in <head>, so the remembered text size is set on <html> before the
 * first paint (no jump after load) without an inline script that a Content-Security-Policy
 * would have to allow. Everything that needs the page waits for DOMContentLoaded.
 */
(function () {
  "use strict";

  var KEY = "dearreader:text-scale";
  var STEPS = [0.8, 0.9, 1, 1.1, 1.2, 1.35, 1.5, 1.7];
  var root = document.documentElement;

  function stored() {
    try {
      var value = parseFloat(window.localStorage.getItem(KEY));
      return STEPS.indexOf(value) === -1 ? 1 : value;
    } catch (e) {
      return 1; // storage blocked (private mode, cookies off): use the default
    }
  }

  function remember(value) {
    try {
      if (value === 1) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, String(value));
      }
    } catch (e) {
      /* not remembered, still applied */
    }
  }

  function apply(value) {
    root.style.setProperty("--text-scale", String(value));
  }

  var scale = stored();
  apply(scale);
  root.classList.add("js");

  function refresh(controls) {
    controls.forEach(function (group) {
      var smaller = group.querySelector("[data-text-size=smaller]");
      var larger = group.querySelector("[data-text-size=larger]");
      var status = group.querySelector("[data-text-size-status]");
      if (smaller) smaller.disabled = scale === STEPS[0];
      if (larger) larger.disabled = scale === STEPS[STEPS.length - 1];
      if (status) status.textContent = Math.round(scale * 100) + "%";
    });
  }

  function step(direction) {
    var index = STEPS.indexOf(scale);
    if (direction === "reset") return 1;
    index += direction === "larger" ? 1 : -1;
    return STEPS[Math.max(0, Math.min(STEPS.length - 1, index))];
  }

  function wireTextSize() {
    var controls = Array.prototype.slice.call(document.querySelectorAll("[data-text-size-control]"));
    controls.forEach(function (group) {
      group.hidden = false; // the control is useless without this script, so it starts hidden
      group.addEventListener("click", function (event) {
        var button = event.target.closest("[data-text-size]");
        if (!button) return;
        scale = step(button.getAttribute("data-text-size"));
        apply(scale);
        remember(scale);
        refresh(controls);
      });
    });
    refresh(controls);
  }

  function wireMenus() {
    var menus = Array.prototype.slice.call(document.querySelectorAll("details[data-menu]"));
    if (!menus.length) return;
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) {
        if (menu.open && !menu.contains(event.target)) menu.open = false;
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      menus.forEach(function (menu) {
        if (!menu.open) return;
        menu.open = false;
        menu.querySelector("summary").focus();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    wireTextSize();
    wireMenus();
  });
})();
