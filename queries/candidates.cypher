// name: candidates
// title: Names found in text that the ontology does not know yet, for curation
// params:
// tags: curation
MATCH (e)
WHERE e.status = 'candidate'
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
OPTIONAL MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
RETURN labels(e)[0] AS label, e.id AS id, e.name AS name, count(DISTINCT c) AS claims,
       collect(DISTINCT d.id) AS documents, collect(DISTINCT c.quote)[0] AS example
ORDER BY claims DESC, name
