// Results as a graph (vis-network), each node coloured, shaped and captioned as the server
// styled it from queries/style.grass: the same look as the static views. Labels are drawn on
// the canvas, so graph text is never markup. The layout is seeded: the same result, the same picture.
import { Network } from "vis-network/peer";
import { DataSet } from "vis-data/peer";
import "vis-network/styles/vis-network.css";

// The same network options as the static views (`kg view`): one file, read by both.
import OPTIONS from "../../src/kg/views/vis-options.json";

export function drawGraph(container, graph, { onNode, onEdge }) {
  const nodes = new DataSet(graph.nodes.map((n) => ({
    id: n.id, label: n.caption, shape: n.shape, size: n.size, color: n.color, font: n.font,
    widthConstraint: n.shape === "box" || n.shape === "database" ? { maximum: 140 } : undefined,
  })));
  const edges = new DataSet(graph.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, label: e.label ?? undefined })));
  const network = new Network(container, { nodes, edges }, OPTIONS);
  const byNode = new Map(graph.nodes.map((n) => [n.id, n]));
  const byEdge = new Map(graph.edges.map((e) => [e.id, e]));
  const done = () => {
    network.setOptions({ physics: false });
    container.dataset.nodeCount = String(nodes.length);
    container.dataset.edgeCount = String(edges.length);
  };
  network.once("stabilizationIterationsDone", done);
  if (nodes.length === 0) done();
  network.on("click", (event) => {
    if (event.nodes.length) onNode(byNode.get(event.nodes[0]));
    else if (event.edges.length) onEdge(byEdge.get(event.edges[0]));
  });
  return {
    network,
    // Where a node is drawn, in page pixels (for tests and for pointing at it).
    position(id) {
      const p = network.canvasToDOM(network.getPositions([id])[id]);
      const box = container.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
  };
}
