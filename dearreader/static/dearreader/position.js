/* Dear Reader: remembers where a member is in a work, on the server, so that every device of
 * theirs can offer "continue reading".
 *
 * The place is the chapter and the paragraph at the top of the screen (the same place on a
 * phone and a desktop). It is sent once the reader has scrolled into the text, when scrolling
 * pauses (debounced), at least every MAX_WAIT ms while it goes on (throttled), and when the page
 * is left. The form in the page carries the address and the CSRF token. Arriving through a
 * "continue reading" link (#resume), the page scrolls back to the remembered paragraph.
 */
(function () {
  "use strict";

  var PAUSE = 1500;
  var MAX_WAIT = 10000;

  var form = document.querySelector("form[data-reading-position]");
  if (!form || !window.FormData) return;

  var sentKey = null;
  var lastSent = 0;
  var timer = null;

  function paragraphs(chapter) {
    return chapter.querySelectorAll(".chapter-text p");
  }

  // The first paragraph not yet scrolled past; null while the text has not been reached.
  function place() {
    var chapters = document.querySelectorAll("[data-chapter]");
    for (var c = 0; c < chapters.length; c += 1) {
      if (chapters[c].getBoundingClientRect().bottom <= 0) continue;
      var list = paragraphs(chapters[c]);
      for (var i = 0; i < list.length; i += 1) {
        var box = list[i].getBoundingClientRect();
        if (box.bottom <= 0) continue;
        if (c === 0 && i === 0 && box.top > 0) return null; // still above the text
        return { chapter: chapters[c].getAttribute("data-chapter"), paragraph: i };
      }
    }
    return null;
  }

  function send(leaving) {
    window.clearTimeout(timer);
    timer = null;
    var here = place();
    if (!here) return;
    var key = here.chapter + ":" + here.paragraph;
    if (key === sentKey) return;
    var data = new FormData(form);
    data.set("chapter", here.chapter);
    data.set("paragraph", String(here.paragraph));
    sentKey = key;
    lastSent = Date.now();
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(form.action, data);
    } else if (window.fetch) {
      window.fetch(form.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        keepalive: true,
      }).catch(function () {
        sentKey = null; // offline for a moment: send again on the next pause
      });
    }
  }

  function scrolled() {
    if (Date.now() - lastSent >= MAX_WAIT && timer !== null) {
      send(false);
      return;
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      send(false);
    }, PAUSE);
  }

  function resume() {
    if (window.location.hash !== "#resume") return;
    var chapterId = form.getAttribute("data-resume-chapter");
    var chapter = chapterId && document.querySelector('[data-chapter="' + chapterId + '"]');
    if (!chapter) return;
    var index = parseInt(form.getAttribute("data-resume-paragraph"), 10) || 0;
    var list = paragraphs(chapter);
    var target = list[Math.min(index, list.length - 1)];
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    sentKey = chapterId + ":" + index; // already the remembered place
  }

  resume();
  window.addEventListener("scroll", scrolled, { passive: true });
  window.addEventListener("pagehide", function () {
    if (timer !== null) send(true);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && timer !== null) send(true);
  });
})();
