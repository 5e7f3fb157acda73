// name: candidates
// title: Names found in text that the ontology does not know yet, for curation, with the passages that name them
// params:
// tags: curation
// A candidate is named by the claims about it and by any passage that MENTIONS it.
MATCH (e)
WHERE e.status = 'candidate'
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
OPTIONAL MATCH (c)-[:SOURCED_FROM]->(cp:Passage)
WITH e, count(DISTINCT c) AS claims, collect(DISTINCT cp.id) AS from_claims, collect(DISTINCT c.quote)[0] AS example
OPTIONAL MATCH (mp:Passage)-[:MENTIONS]->(e)
WITH e, claims, example, from_claims, collect(DISTINCT mp.id) AS from_mentions
OPTIONAL MATCH (d:Document)-[:HAS_PASSAGE]->(p:Passage)
WHERE p.id IN (from_claims + from_mentions)  // FalkorDB 4.x reads `x IN a + b` as `(x IN a) + b`
RETURN labels(e)[0] AS label, e.id AS id, e.name AS name, claims, collect(DISTINCT p.id) AS passages,
       collect(DISTINCT d.id) AS documents, example
ORDER BY claims DESC, name
