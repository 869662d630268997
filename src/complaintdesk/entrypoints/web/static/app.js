// complaintdesk web: small progressive enhancements. Every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // the language menu submits itself when changed
  document.querySelectorAll("select[data-autosubmit]").forEach((sel) => {
    sel.addEventListener("change", () => sel.form.submit());
  });

  // inbox: refresh the rows every 30 s without a full reload (paused while the tab is hidden), and apply the
  // filters and the search as they change (the Apply button still works without this file)
  const inbox = document.getElementById("inbox");
  if (inbox && inbox.dataset.refresh) {
    const body = document.getElementById("inbox-rows");
    const total = document.getElementById("inbox-total");
    const filters = document.getElementById("inbox-filters");
    let seq = 0;
    const refresh = async () => {
      const mine = ++seq;
      try {
        const r = await fetch(inbox.dataset.refresh, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (r.status === 401) { window.location.reload(); return; }
        if (!r.ok || mine !== seq) return;
        body.innerHTML = await r.text(); // server-rendered, escaped by the template
        const n = r.headers.get("X-Total");
        if (total && n !== null && total.dataset.template) total.textContent = total.dataset.template.replace("{n}", n);
        inbox.setAttribute("aria-busy", "false");
      } catch (e) { /* offline: try again next time */ }
    };
    setInterval(() => { if (!document.hidden) refresh(); }, 30000);
    if (filters) {
      let timer = null;
      const apply = () => {
        const params = new URLSearchParams();
        new FormData(filters).forEach((value, key) => { if (value) params.append(key, value); });
        const qs = params.toString();
        inbox.dataset.refresh = "/inbox/rows" + (qs ? "?" + qs : "");
        history.replaceState(null, "", "/inbox" + (qs ? "?" + qs : ""));
        const back = document.querySelector("form.lang input[name=next]");
        if (back) back.value = "/inbox" + (qs ? "?" + qs : "");
        inbox.setAttribute("aria-busy", "true");
        refresh();
      };
      filters.addEventListener("change", (ev) => { if (ev.target.name !== "q") apply(); });
      filters.addEventListener("input", (ev) => {
        if (ev.target.name === "q") { clearTimeout(timer); timer = setTimeout(apply, 300); }
      });
      filters.addEventListener("submit", (ev) => { ev.preventDefault(); clearTimeout(timer); apply(); });
    }
  }

  // reply editor: the coach's remarks as the handler types (debounced), and the drafted reply
  const editor = document.getElementById("reply-body");
  const coach = document.getElementById("coach");
  if (editor && coach) {
    const list = document.getElementById("coach-list");
    const ok = document.getElementById("coach-ok");
    const idle = document.getElementById("coach-idle");
    const principle = (document.getElementById("coach-principle") || {}).innerHTML || "";
    const suggestion = (document.getElementById("coach-suggestion") || {}).innerHTML || "";
    let timer = null;
    let seq = 0;
    const text = (tag, cls, value) => {
      const el = document.createElement(tag);
      if (cls) el.className = cls;
      el.textContent = value; // never innerHTML: the reply and remarks stay text
      return el;
    };
    const check = async () => {
      const mine = ++seq;
      const value = editor.value;
      if (coach.dataset.available !== "yes") return;
      if (!value.trim()) { list.replaceChildren(); ok.hidden = true; if (idle) idle.hidden = false; return; }
      try {
        const r = await fetch(editor.dataset.coach, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": editor.dataset.csrf },
          body: JSON.stringify({ text: value }),
        });
        if (!r.ok || mine !== seq) return;
        const data = await r.json();
        if (idle) idle.hidden = true;
        list.replaceChildren();
        (data.violations || []).forEach((v) => {
          const li = document.createElement("li");
          li.className = "coach-item";
          li.dataset.rule = v.rule;
          li.appendChild(text("strong", "", v.label || v.rule));
          li.appendChild(text("span", "", " " + (v.message || "")));
          if (v.evidence) li.appendChild(text("q", "", v.evidence));
          if (v.principle) li.appendChild(text("div", "small muted", principle + " " + v.principle));
          if (v.suggestion) li.appendChild(text("div", "small", suggestion + " " + v.suggestion));
          list.appendChild(li);
        });
        ok.hidden = (data.violations || []).length > 0;
      } catch (e) { /* the coach is advice; sending still works */ }
    };
    editor.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 400); });
    const useDraft = document.getElementById("use-draft");
    const draft = document.getElementById("draft-text");
    if (useDraft && draft) {
      useDraft.addEventListener("click", () => {
        editor.value = draft.content ? draft.content.textContent : draft.textContent;
        editor.focus();
        check();
      });
    }
  }
});
