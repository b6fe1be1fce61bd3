// The conversation workspace: keyboard shortcuts, the highlighted row, the unread count in the title.
(function () {
  "use strict";
  var selectedId = null;
  var baseTitle = "Inbox · USDataBiz";

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("#conversation-list .ws-row")); }
  function current() { return document.querySelector("#conversation-list .ws-row.selected"); }

  function highlight(row) {
    rows().forEach(function (r) { r.classList.toggle("selected", r === row); });
    if (row) {
      selectedId = row.dataset.id;
      row.scrollIntoView({ block: "nearest" });
    }
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var at = all.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    highlight(all[next]);
  }

  function updateTitle() {
    var list = document.getElementById("conversation-list");
    if (!list) { return; }
    var unread = parseInt(list.dataset.unread || "0", 10);
    document.title = (unread > 0 ? "(" + unread + ") " : "") + baseTitle;
  }

  function press(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); }
    return !!el;
  }

  function focus(id, prepare) {
    var el = document.getElementById(id);
    if (!el) { return false; }
    if (prepare) { prepare(el); }
    el.focus();
    if (el.select && el.tagName === "TEXTAREA") { el.setSelectionRange(el.value.length, el.value.length); }
    return true;
  }

  function tomorrowNine(el) {
    if (el.value) { return; }
    var d = new Date();
    d.setDate(d.getDate() + 1);
    d.setHours(9, 0, 0, 0);
    var pad = function (n) { return String(n).padStart(2, "0"); };
    el.value = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + "T09:00";
  }

  function toggleHelp(show) {
    var help = document.getElementById("shortcut-help");
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("workspace")) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    var typing = tag === "input" || tag === "textarea" || tag === "select" || event.target.isContentEditable;
    if (event.key === "Escape") {
      toggleHelp(false);
      if (typing) { event.target.blur(); }
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var handled = true;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "Enter": if (current()) { current().click(); } else { handled = false; } break;
      case "a": handled = press("approve-draft"); break;
      case "A": handled = press("assign-me"); break;
      case "e": handled = focus("draft-text"); break;
      case "r": handled = focus("reply-text"); break;
      case "n": handled = focus("note-text"); break;
      case "s": handled = focus("snooze-until", tomorrowNine); break;
      case "c": handled = focus("close-disposition"); break;
      case "?": toggleHelp(); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  function reloadThread() {
    var inner = document.getElementById("thread-inner");
    if (!inner || !window.htmx) { return; }
    var url = document.getElementById("conversation-list").dataset.workspaceUrl + inner.dataset.conversationId + "/";
    window.htmx.ajax("GET", url, { target: "#thread", swap: "innerHTML" });
  }

  function typingInThread() {
    var el = document.activeElement;
    var thread = document.getElementById("thread");
    if (thread && el && thread.contains(el) && (el.tagName === "TEXTAREA" || el.tagName === "INPUT")) { return true; }
    var reply = document.getElementById("reply-text");
    return !!(reply && reply.value);
  }

  // The open thread's state moved on (closed by someone else or by a STOP, assigned, a new draft): show it now,
  // or, while the person is writing in it, offer to.
  document.body.addEventListener("thread-changed", function () {
    if (typingInThread()) {
      var notice = document.getElementById("thread-changed");
      if (notice) { notice.hidden = false; }
    } else {
      reloadThread();
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.id === "thread-reload") { reloadThread(); }
  });

  document.addEventListener("change", function (event) {
    if (event.target.id === "saved-reply" && event.target.value) {
      var reply = document.getElementById("reply-text");
      if (reply) { reply.value = event.target.value; reply.focus(); }
      event.target.value = "";
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt || event.target;
    var inner = document.getElementById("thread-inner");
    if (inner && (target.id === "thread" || target.closest && target.closest("#thread"))) {
      selectedId = inner.dataset.conversationId;
    }
    if (selectedId) {
      var row = document.querySelector('#conversation-list .ws-row[data-id="' + selectedId + '"]');
      rows().forEach(function (r) { r.classList.toggle("selected", r === row); });
    }
    updateTitle();
  });

  document.addEventListener("DOMContentLoaded", function () {
    var inner = document.getElementById("thread-inner");
    if (inner) { selectedId = inner.dataset.conversationId; }
    updateTitle();
  });
})();
