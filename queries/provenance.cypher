// name: provenance
// title: Where does a fact come from? A claim (or an entity's claims) back to edge, passage and document
// params: id = 'deepseek'
// types: id = entity
// tags: provenance
// Give a claim id, or an entity id to trace every claim about it.
OPTIONAL MATCH (one:Claim {id: $id})
WITH collect(one) AS by_id
OPTIONAL MATCH (s:Claim {subject: $id})
WITH by_id, collect(s) AS by_subject
OPTIONAL MATCH (o:Claim {object: $id})
WITH by_id, by_subject, collect(o) AS by_object
UNWIND by_id + by_subject + by_object AS c
WITH DISTINCT c
MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (c)-[:ABOUT]->(a)-[r]->(b)<-[:ABOUT]-(c)
WHERE c.id IN r.claims
RETURN c.id AS claim, c.name AS states, a.id AS edge_from, type(r) AS edge, b.id AS edge_to,
       c.quote AS quote, p.id AS passage, p.start AS start, p.end AS end, d.id AS document,
       d.title AS title, d.url AS url
ORDER BY document, start, claim
