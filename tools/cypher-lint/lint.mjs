// Lint Cypher with Neo4j's own linter (offline).
// Input (stdin): {"schema": {labels, relationshipTypes, propertyKeys}, "queries": [{name, query, parameters}]}.
// Output (stdout): JSON list of {"name", "errors": [...], "warnings": [...]}.
import { lintCypherQuery } from "@neo4j-cypher/language-support";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { schema, queries } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const describe = (d) => `${d.message} (line ${(d.range?.start?.line ?? 0) + 1})`;
const results = queries.map(({ name, query, parameters }) => {
  const result = lintCypherQuery(query, { ...schema, parameters: parameters ?? {} });
  const diagnostics = Array.isArray(result) ? result : result.diagnostics;
  return {
    name,
    errors: diagnostics.filter((d) => d.severity === 1).map(describe),
    warnings: diagnostics.filter((d) => d.severity !== 1).map(describe),
  };
});
process.stdout.write(JSON.stringify(results));
