// name: search
// title: Which passages contain these words? Full-text search, best first, with document and entities
// params: words = 'H100', limit = 10
// types: words = text, limit = integer 1..1000
// tags: search, provenance
// FalkorDB's full-text index over passage text (English stemming: `smuggled` finds `smuggling`)
// and `terms`, the Korean words without their particles and endings. Every word must occur; in
// RediSearch syntax (`H100 | H800` for either). Write a Korean word without its particle
// (`밀반입`, not `밀반입을`): `kg search` cuts particles off for you. On Neo4j use `kg search`.
CALL db.idx.fulltext.queryNodes('Passage', $words) YIELD node, score
WITH node AS p, score
ORDER BY score DESC, p.id
LIMIT $limit
MATCH (d:Document)-[:HAS_PASSAGE]->(p)
OPTIONAL MATCH (p)-[:MENTIONS]->(e)
WITH p, score, d, e
ORDER BY e.id
RETURN p.id AS passage, score, d.title AS document, d.published AS date, collect(DISTINCT e.id) AS mentions,
       p.text AS text
ORDER BY score DESC, passage
