// kg console: the page's wiring. Every text from the graph goes in as text (dom.js), the
// graph on a canvas; the page talks only to the server it came from.
import "./console.css";
import { api } from "./api.js";
import { el, clear } from "./dom.js";
import { createEditor } from "./editor.js";
import { drawGraph } from "./graph.js";
import { drawTable } from "./table.js";
import { showNode, showEdge } from "./panel.js";
import { drawPacks } from "./packs.js";
import { loadHistory, remember, drawHistory } from "./history.js";
import { toCsv, download } from "./exporting.js";

const $ = (id) => document.getElementById(id);
const nonce = document.querySelector('meta[name="csp-nonce"]').content;
const state = { result: null, view: "graph", history: loadHistory(), drawn: null };
let editor;

function status(text, kind = "") {
  const line = $("status");
  line.className = kind;
  line.textContent = text;
}

function readParams() {
  const text = $("params").value.trim() || "{}";
  let params;
  try {
    params = JSON.parse(text);
  } catch (error) {
    throw new Error("parameters are not JSON: " + error.message);
  }
  if (params === null || typeof params !== "object" || Array.isArray(params)) {
    throw new Error('parameters must be a JSON object, e.g. {"id": "deepseek"}');
  }
  return params;
}

async function run(request, entry) {
  status("running…", "busy");
  document.body.dataset.state = "running";
  try {
    const result = await request();
    state.result = result;
    remember(state.history, { ...entry, rows: result.rows.length });
    drawHistory($("history"), state.history, pick);
    show(result);
  } catch (error) {
    status(error.message + (error.hint ? ` (hint: ${error.hint})` : ""), "error");
  } finally {
    document.body.dataset.state = "idle";
  }
}

function runQuery(cypher = editor.getValue(), params) {
  let given;
  try {
    given = params ?? readParams();
  } catch (error) {
    status(error.message, "error");
    return Promise.resolve();
  }
  if (params) $("params").value = JSON.stringify(params);
  if (cypher !== editor.getValue()) editor.setValue(cypher);
  return run(() => api("/api/query", { cypher, params: given }), { kind: "query", cypher, params: given });
}

function runPack(name, params) {
  const pack = (state.packs || []).find((p) => p.name === name);
  if (pack) {  // show what runs, as Browser would: the pack's Cypher and its parameters
    editor.setValue(pack.cypher);
    const typed = Object.fromEntries(Object.entries(params).map(([k, v]) => {
      const integer = pack.params.some((p) => p.name === k && p.type === "integer") && /^\d+$/.test(String(v));
      return [k, integer ? Number(v) : v];
    }));
    $("params").value = JSON.stringify(typed);
  }
  return run(() => api("/api/pack", { name, params }), { kind: "pack", name, params });
}

function pick(entry) {
  if (entry.kind === "pack") return runPack(entry.name, entry.params);
  return runQuery(entry.cypher, entry.params);
}

function show(result) {
  const more = result.truncated ? ` (cut at ${result.max_rows}: the row limit)` : "";
  const quiet = Object.entries(result.graph.unlabelled || {}).map(([type, n]) => `${type} ×${n}`).join(", ");
  const drawn = `${result.graph.nodes.length} nodes, ${result.graph.edges.length} relationships` +
    (quiet ? ` (drawn without a label: ${quiet})` : "");
  status(`${result.title ? result.title + ": " : ""}${result.rows.length} rows${more}, ${drawn}, ` +
    `${result.seconds} s`, "ok");
  drawTable($("table"), result);
  $("panel").hidden = true;
  const canvas = $("graph");
  delete canvas.dataset.nodeCount;
  if (state.drawn) state.drawn.network.destroy();
  clear(canvas);
  const hooks = { runQuery };
  state.drawn = drawGraph(canvas, result.graph, {
    onNode: (node) => showNode($("panel"), node, hooks),
    onEdge: (edge) => showEdge($("panel"), edge, hooks),
  });
  window.kgConsole.drawn = state.drawn;
  setView(result.graph.nodes.length ? state.view : "table");
}

function setView(view) {
  state.view = view;
  $("graph").hidden = view !== "graph";
  $("table").hidden = view !== "table";
  $("show-graph").setAttribute("aria-pressed", String(view === "graph"));
  $("show-table").setAttribute("aria-pressed", String(view === "table"));
  if (view === "graph" && state.drawn) state.drawn.network.redraw();
}

function drawLegend(styles) {
  $("legend").replaceChildren(...Object.entries(styles).map(([label, style]) => {
    const swatch = el("i");
    swatch.style.background = style.colour;  // CSSOM, not markup: allowed by the CSP
    return el("span", {}, swatch, label);
  }));
}

async function boot() {
  editor = createEditor($("editor"), {
    value: "MATCH (f:Firm)-[h:HOLDS]->(c:Chip)\nRETURN f, h, c LIMIT 25",
    nonce,
    onRun: () => runQuery(),
  });
  window.kgConsole = { editor, runQuery, runPack, get result() { return state.result; } };
  $("run").addEventListener("click", () => runQuery());
  $("show-graph").addEventListener("click", () => setView("graph"));
  $("show-table").addEventListener("click", () => setView("table"));
  $("export-csv").addEventListener("click", () => state.result && download("kg-result.csv", toCsv(state.result), "text/csv"));
  $("export-json").addEventListener("click", () =>
    state.result && download("kg-result.json", JSON.stringify(state.result.rows, null, 2), "application/json"));
  $("params").addEventListener("change", () => {
    try { editor.setSchema({ ...state.schema, parameters: Object.keys(readParams()) }); } catch (_) { /* shown on run */ }
  });
  drawHistory($("history"), state.history, pick);
  try {
    const [schema, packs] = await Promise.all([api("/api/schema"), api("/api/packs")]);
    state.schema = { labels: schema.labels, relationshipTypes: schema.relationshipTypes, propertyKeys: schema.propertyKeys };
    editor.setSchema(state.schema);
    drawLegend(schema.styles);
    state.packs = packs.packs;
    drawPacks($("packs"), packs.packs, {
      onRun: runPack,
      onShow: (pack) => {
        editor.setValue(pack.cypher);
        $("params").value = JSON.stringify(Object.fromEntries(pack.params.map((p) => [p.name, p.default])));
      },
    });
    status(`${schema.labels.length} labels, ${schema.relationshipTypes.length} relationship types: ` +
      "write a query (Ctrl-Enter runs it) or pick a pack", "ok");
  } catch (error) {
    status(error.message + (error.hint ? ` (hint: ${error.hint})` : ""), "error");
  }
  document.body.dataset.state = "idle";
}

boot();
