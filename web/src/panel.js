// The property panel: a node's or a relationship's properties; for a claim, its quote, its
// document (linked when it has a web address) and the passage it was read from.
import { el, clear, asText, safeUrl } from "./dom.js";
import { api } from "./api.js";

// A date as precise as it is known: 2015 (year), 2023-05 (month), 2023-05-07 (day).
function shownDate(value, precision) {
  const text = asText(value);
  return precision === "year" ? text.slice(0, 4) : precision === "month" ? text.slice(0, 7) : text;
}

function propertyList(props) {
  const keys = Object.keys(props).filter((k) => !k.endsWith("_precision")).sort();
  return el("dl", { class: "props" },
    keys.map((k) => [el("dt", {}, k), el("dd", {}, shownDate(props[k], props[k + "_precision"]))]));
}

function closeButton(panel) {
  return el("button", { class: "close link", title: "Close", onclick: () => { panel.hidden = true; } }, "×");
}

export function showNode(panel, node, { runQuery }) {
  clear(panel).append(
    closeButton(panel),
    el("h3", {}, node.labels.join(", ") + ": " + node.caption),
    propertyList(node.props),
  );
  if (node.labels.includes("Claim") && node.props.id) showClaim(panel, node.props.id, { runQuery });
  panel.hidden = false;
}

export function showEdge(panel, edge, { runQuery }) {
  clear(panel).append(closeButton(panel), el("h3", {}, edge.type), propertyList(edge.props));
  for (const claim of edge.props.claims || []) {
    panel.append(el("button", { class: "link", onclick: () => showClaim(panel, claim, { runQuery }) },
      "claim " + claim));
  }
  panel.hidden = false;
}

export async function showClaim(panel, id, { runQuery }) {
  const box = el("section", { class: "claim", "data-claim": id }, el("p", { class: "muted" }, "loading the claim…"));
  panel.append(box);
  panel.hidden = false;
  let claim;
  try {
    claim = await api("/api/claim", { id });
  } catch (error) {
    box.replaceChildren(el("p", { class: "error" }, error.message));
    return;
  }
  const url = safeUrl(claim.url);
  const title = claim.title || claim.document || "(no document)";
  const passageText = el("blockquote", { class: "passage-text", hidden: true }, claim.passage_text || "");
  box.replaceChildren(
    el("blockquote", { class: "quote" }, claim.quote || ""),
    el("p", {}, "Document: ",
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title) : el("span", {}, title)),
    el("p", {}, "Passage: ",
      el("button", { class: "link passage-link", onclick: () => { passageText.hidden = !passageText.hidden; } },
        claim.passage || "?"),
      " ",
      el("button", { class: "link", onclick: () => runQuery(
        "MATCH (c:Claim {id: $id})-[s:SOURCED_FROM]->(p:Passage)<-[h:HAS_PASSAGE]-(d:Document)\n" +
        "OPTIONAL MATCH (c)-[a:ABOUT]->(x)\nRETURN c, s, p, h, d, a, x", { id }) }, "show in the graph")),
    passageText,
  );
}
