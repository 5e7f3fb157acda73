// Neo4j's Cypher editor for CodeMirror 6: highlighting, linting, and completion from the
// graph's own labels, relationship types and property keys. Ctrl/Cmd-Enter runs the query.
import { createCypherEditor } from "@neo4j-cypher/codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import "@neo4j-cypher/codemirror/css/cypher-codemirror.css";

export function createEditor(parent, { value, nonce, onRun }) {
  const runKeys = Prec.highest(keymap.of([
    { key: "Mod-Enter", run: () => { onRun(); return true; } },
    { key: "Shift-Enter", run: () => { onRun(); return true; } },
  ]));
  const { editor } = createCypherEditor(parent, {
    value,
    lint: true,
    autocomplete: true,
    lineNumbers: true,
    lineWrapping: true,
    theme: "light",
    history: true,
    preExtensions: [EditorView.cspNonce.of(nonce), runKeys],
  });
  return {
    getValue: () => editor.codemirror.state.doc.toString(),
    setValue: (text) => editor.setValue(text),
    setSchema: (schema) => editor.setSchema(schema),
    focus: () => editor.focus(),
  };
}
