// The current result as a CSV or JSON download, made in the page (nothing leaves it).
import { asText } from "./dom.js";

const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

// A spreadsheet must not run a cell as a formula (as `kg query --format csv` does it).
function csvCell(value) {
  let text = asText(value);
  if (typeof value !== "number" && FORMULA_STARTS.some((s) => text.startsWith(s))) text = "'" + text;
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function toCsv(result) {
  const lines = [result.columns.map(csvCell).join(",")];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
