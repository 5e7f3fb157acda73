// name: firm-holdings
// title: Which chips is a firm said to hold or to have bought, how many, when, according to whom?
// params: id = 'deepseek', skip = 0, limit = 100
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: firms, chips, claims
// One row per claim behind the firm's HOLDS and ACQUIRED edges, a page at a time (`skip` claims
// skipped, at most `limit` shown); only the page's claims are joined to their documents.
MATCH (f:Firm {id: $id})-[h:HOLDS|ACQUIRED]->(c:Chip)
UNWIND coalesce(h.claims, [null]) AS claim_id
OPTIONAL MATCH (claim:Claim {id: claim_id})
WITH f, h, c, claim
ORDER BY c.id, type(h), claim.value, coalesce(claim.date, claim.as_of), claim.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (claim)-[:ATTRIBUTED_TO]->(source)
RETURN f.id AS firm, type(h) AS relation, c.id AS chip, claim.value AS quantity, claim.qualifier AS qualifier,
       coalesce(claim.date, claim.as_of) AS date, coalesce(claim.date_precision, claim.as_of_precision) AS precision,
       source.name AS according_to, claim.quote AS quote, d.title AS document, claim.id AS claim
ORDER BY chip, relation, quantity, date, claim, according_to
