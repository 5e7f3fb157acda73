// Bundle the console (src/main.js) into ONE minified script and ONE style sheet for the Python
// package (src/kg/console/static/), and list the licence of every npm package the bundle holds:
// the build fails on any licence that is not permissive. The HTML views (`kg view`) inline
// vis-network's own standalone build (its licence in its header), copied to src/kg/views/static/
// from the same npm package the console bundles. Usage:
//   node build.mjs                 write console.js, console.css and licences.txt into the package
//   node build.mjs --check         build into a temporary folder and fail unless the committed
//                                  bundle is that build, byte for byte (and every licence permits it)
import * as esbuild from "esbuild";
import { readFileSync, writeFileSync, mkdtempSync, existsSync, readdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "src", "kg", "console", "static");
const views = join(here, "..", "src", "kg", "views", "static");
const VIS = join(here, "node_modules", "vis-network", "standalone", "umd", "vis-network.min.js");
const PERMISSIVE = new Set(["MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "0BSD"]);
const check = process.argv.includes("--check");
const out = check ? mkdtempSync(join(tmpdir(), "kg-console-")) : target;

const result = await esbuild.build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none", // the licences go whole into licences.txt instead
  outfile: join(out, "console.js"),
  metafile: true,
  logLevel: "warning",
});

// An SPDX expression is permissive when every AND-part is and one OR-alternative is.
function permissive(expression) {
  const text = String(expression || "").replace(/[()]/g, " ").trim();
  if (!text) return false;
  return text.split(/\s+OR\s+/).some((alt) => alt.split(/\s+AND\s+/).every((id) => PERMISSIVE.has(id.trim())));
}

function bundledPackages(metafile) {
  const names = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const found = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (found) names.add(found[1]);
  }
  return [...names].sort();
}

function licenceText(folder) {
  const file = readdirSync(folder).find((f) => /^(licen[cs]e|copying|notice)/i.test(f) && !f.endsWith(".js"));
  return file ? readFileSync(join(folder, file), "utf8").trim() : "(the package ships no licence file)";
}

const rows = bundledPackages(result.metafile).map((name) => {
  const folder = join(here, "node_modules", name);
  const meta = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const licence = meta.license || (meta.licenses || []).map((l) => l.type).join(" OR ");
  return { name, version: meta.version, licence, ok: permissive(licence), text: licenceText(folder) };
});
for (const row of rows) console.log(`${row.ok ? "ok " : "BAD"} ${row.name}@${row.version}  ${row.licence}`);
copyFileSync(VIS, join(check ? out : views, "vis-network.min.js"));
const notices = "Third-party packages bundled in console.js and console.css (kg serve), with their licences.\n\n" +
  rows.map((r) => `== ${r.name} ${r.version} (${r.licence})\n\n${r.text}\n`).join("\n");
writeFileSync(join(out, "licences.txt"), notices);

const bad = rows.filter((r) => !r.ok);
if (bad.length) {
  console.error(`not permissive (${[...PERMISSIVE].join(", ")}): ${bad.map((r) => `${r.name} (${r.licence})`).join(", ")}`);
  process.exit(1);
}
if (check) {
  const committed = { "console.js": target, "console.css": target, "licences.txt": target,
                      "vis-network.min.js": views };
  const stale = Object.entries(committed).filter(([name, dir]) =>
    !existsSync(join(dir, name)) || !readFileSync(join(dir, name)).equals(readFileSync(join(out, name))))
    .map(([name]) => name);
  if (stale.length) {
    console.error(`the committed bundle is not a build of web/ as it stands: ${stale.join(", ")} differ ` +
      "(run `make console-bundle` and commit)");
    process.exit(1);
  }
}
console.log(`${rows.length} bundled packages, every licence permissive${check ? "; the committed bundle is current" : ""}`);
