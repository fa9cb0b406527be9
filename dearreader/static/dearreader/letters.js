/* Dear Reader: a letter is saved while it is written, so that nothing is lost.
 *
 * The draft goes to the server at each pause in typing (debounced), at least every MAX_WAIT ms
 * while typing goes on, and when the page is hidden or closed (a keepalive request). The first
 * save gives the draft its id: the address bar and the form then point at the draft, so that
 * a reload finds it. Until the server has the latest text, it is also kept in this browser
 * (localStorage), so a save that fails (no connection, an expired session, a CSRF token changed
 * by a login in another tab) loses nothing: the next visit to the draft brings the text back
 * and saves it. The form carries the addresses and the CSRF token; without this script the
 * "Save draft" button does the same by hand.
 */
(function () {
  "use strict";

  var PAUSE = 1000;
  var MAX_WAIT = 8000;
  var RETRY = 10000;
  // A keepalive request may carry 64 KB at most; a longer letter leaving the page stays in
  // localStorage and is saved on the next visit.
  var KEEPALIVE_MAX_CHARS = 60000;
  var FIELDS = ["audience", "to", "work", "pen_name", "subject", "body"];

  var form = document.querySelector("form[data-letter-draft]");
  if (!form || !window.fetch || !window.FormData || !window.JSON) return;
  var status = form.querySelector("[data-draft-status]");
  var saveUrl = form.getAttribute("data-save-url");
  var editUrl = form.getAttribute("data-edit-url");
  var tokenUrl = form.getAttribute("data-token-url");
  var draft = form.getAttribute("data-draft") || "";
  var version = form.getAttribute("data-version") || "";

  var timer = null;
  var retryTimer = null;
  var firstChange = 0;
  var busy = false;
  var pending = false;
  var tokenRefreshed = false;
  var dirty = false;
  var submitting = false;

  function storeKey() {
    return "dearreader:letter:" + (draft || "new:" + editUrl);
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function values() {
    var out = {};
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (element) out[name] = element.value;
    });
    return out;
  }

  function keep() {
    try {
      window.localStorage.setItem(storeKey(), JSON.stringify({ version: version, fields: values() }));
    } catch (e) {
      /* storage full or blocked: the text is still in the page */
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(storeKey());
    } catch (e) {
      /* nothing kept */
    }
  }

  function say(text, problem) {
    status.textContent = text;
    status.classList.toggle("draft-status--problem", Boolean(problem));
  }

  function sayWithLogin(text, login) {
    say(text + " ", true);
    var link = document.createElement("a");
    link.href = login + "?next=" + encodeURIComponent(editUrl);
    link.textContent = "Log in";
    status.appendChild(link);
  }

  function retryLater() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(function () {
      if (dirty) save(false);
    }, RETRY);
  }

  function refreshToken() {
    return window
      .fetch(tokenUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        var input = form.querySelector("input[name=csrfmiddlewaretoken]");
        if (input && answer.token) input.value = answer.token;
      })
      .catch(function () {
        /* the retry reports the problem */
      });
  }

  function saved(answer, sent) {
    tokenRefreshed = false;
    if (!draft) {
      forget(); // the copy kept under the new letter's address
      draft = String(answer.id);
      saveUrl = answer.save_url;
      editUrl = answer.edit_url;
      form.setAttribute("action", editUrl);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", editUrl);
      }
    }
    version = answer.version;
    if (JSON.stringify(values()) === sent) {
      dirty = false;
      forget();
    } else {
      keep(); // typed on while the save was on its way
    }
    say(answer.saved);
  }

  function failed(code, answer) {
    keep();
    if (code === 401) {
      sayWithLogin(answer.error, answer.login);
      retryLater();
    } else if (code === 429) {
      say("Saving waits a moment (many saves in a row). Your text is kept in this browser.", true);
      retryLater();
    } else if (answer.error) {
      say(answer.error, true);
    } else {
      say("Not saved: the archive did not answer. Your text is kept in this browser.", true);
      retryLater();
    }
  }

  function save(leaving) {
    window.clearTimeout(timer);
    timer = null;
    firstChange = 0;
    if (busy) {
      pending = true;
      return;
    }
    busy = true;
    var current = values();
    var sent = JSON.stringify(current);
    var data = new FormData(form);
    data.delete("action");
    var small = (current.body || "").length + (current.subject || "").length < KEEPALIVE_MAX_CHARS;
    window
      .fetch(saveUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        keepalive: Boolean(leaving) && small,
        headers: { Accept: "application/json" },
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            return { code: response.status, answer: answer };
          });
      })
      .then(function (result) {
        busy = false;
        if (result.code === 200) {
          saved(result.answer, sent);
        } else if (result.code === 403 && !tokenRefreshed) {
          tokenRefreshed = true; // a login elsewhere changed the token: fetch it, try again
          refreshToken().then(function () {
            save(false);
          });
          return;
        } else {
          failed(result.code, result.answer);
        }
        if (pending) {
          pending = false;
          save(false);
        }
      })
      .catch(function () {
        busy = false;
        keep();
        say("Not saved: no connection. Your text is kept in this browser.", true);
        retryLater();
      });
  }

  function changed() {
    if (submitting) return;
    dirty = true;
    var now = Date.now();
    if (!firstChange) firstChange = now;
    window.clearTimeout(timer);
    if (now - firstChange >= MAX_WAIT) {
      save(false);
      return;
    }
    timer = window.setTimeout(function () {
      save(false);
    }, PAUSE);
  }

  function leaving() {
    if (!dirty || submitting) return;
    keep();
    save(true);
  }

  // A copy kept here that the server never got (the page closed offline, the session had
  // expired) comes back, and is saved, on the next visit.
  function restore() {
    var stored = null;
    try {
      stored = JSON.parse(window.localStorage.getItem(storeKey()) || "null");
    } catch (e) {
      stored = null;
    }
    if (!stored || !stored.fields) return;
    if ((stored.version || "") !== version) {
      forget(); // the server has a later version (saved from another tab or device)
      return;
    }
    var differs = FIELDS.some(function (name) {
      var element = field(name);
      return element && name in stored.fields && element.value !== stored.fields[name];
    });
    if (!differs) {
      forget();
      return;
    }
    FIELDS.forEach(function (name) {
      var element = field(name);
      if (element && name in stored.fields) element.value = stored.fields[name];
    });
    dirty = true;
    say("What you wrote while it could not be saved is back; saving it now.");
    save(false);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    submitting = true; // the form carries the text now; the server keeps it even logged out
    window.clearTimeout(timer);
    forget();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) submitting = false; // back from the next page: the form is live again
  });
  window.addEventListener("pagehide", leaving);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") leaving();
  });
  restore();
})();
