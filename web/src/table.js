// Results as a table: one row per result row, every value as text.
import { el, asText } from "./dom.js";

export function drawTable(container, result) {
  const head = el("tr", {}, result.columns.map((c) => el("th", {}, c)));
  const body = result.rows.map((row) => el("tr", {}, result.columns.map((c) => el("td", {}, asText(row[c])))));
  container.replaceChildren(el("table", {}, el("thead", {}, head), el("tbody", {}, body)));
}
