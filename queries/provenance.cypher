// name: provenance
// title: Where does a fact come from? A claim (or an entity's claims) back to edge, passage and document
// params: id = 'deepseek', skip = 0, limit = 100
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: provenance
// Give a claim id, or an entity id to trace every claim about it, a page at a time in document
// order (`skip` claims skipped, at most `limit` shown). The edges a claim states are looked up
// between the entities it is about, for the page's claims only. `page` is the PDF page the
// passage is on (empty for other documents); `url` the page a web document was fetched from.
OPTIONAL MATCH (one:Claim {id: $id})
WITH collect(one) AS by_id
OPTIONAL MATCH (s:Claim {subject: $id})
WITH by_id, collect(s) AS by_subject
OPTIONAL MATCH (o:Claim {object: $id})
WITH by_id, by_subject, collect(o) AS by_object
UNWIND by_id + by_subject + by_object AS c
WITH DISTINCT c
MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH c, p, d
ORDER BY d.id, p.start, c.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (c)-[:ABOUT]->(a)
OPTIONAL MATCH (c)-[:ABOUT]->(b)
OPTIONAL MATCH (a)-[r]->(b)
WHERE c.id IN r.claims
WITH c, p, d, a, r, b
WITH c, p, d, collect(CASE WHEN r IS NOT NULL THEN {from: a.id, type: type(r), to: b.id} END) AS edges
UNWIND CASE WHEN size(edges) = 0 THEN [null] ELSE edges END AS edge
RETURN c.id AS claim, c.name AS states, edge.from AS edge_from, edge.type AS edge, edge.to AS edge_to,
       c.quote AS quote, p.id AS passage, p.page AS page, p.start AS start, p.end AS end, d.id AS document,
       d.title AS title, d.url AS url
ORDER BY document, start, claim, edge, edge_to
