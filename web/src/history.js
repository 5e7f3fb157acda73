// The session's queries and pack runs, newest first; kept for this tab (sessionStorage).
import { el, clear } from "./dom.js";

const KEY = "kg-console-history";

export function loadHistory() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "[]");
  } catch (_) {
    return [];
  }
}

export function remember(history, entry) {
  history.unshift({ ...entry, at: new Date().toLocaleTimeString() });
  history.splice(50);
  try { sessionStorage.setItem(KEY, JSON.stringify(history)); } catch (_) { /* full: keep it in memory */ }
}

export function drawHistory(list, history, onPick) {
  clear(list);
  for (const entry of history) {
    const what = entry.kind === "pack" ? "pack " + entry.name : entry.cypher.replace(/\s+/g, " ");
    list.append(el("li", {}, el("button", { class: "link", title: what, onclick: () => onPick(entry) },
      el("span", { class: "muted" }, entry.at + " "), what.length > 70 ? what.slice(0, 69) + "…" : what,
      el("span", { class: "muted" }, ` (${entry.rows} rows)`))));
  }
}
