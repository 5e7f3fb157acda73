// name: firm-holdings
// title: Which chips is a firm said to hold or to have bought, how many, when, according to whom?
// params: id = 'deepseek', skip = 0, limit = 100, include_rejected = 0
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000, include_rejected = integer 0..1
// tags: firms, chips, claims
// One row per fact behind the firm's HOLDS and ACQUIRED edges, a page at a time (`skip` facts
// skipped, at most `limit` shown); only the page's claims are joined to their documents. A fact
// told by near-duplicate passages of several documents (a reprinted story: claims sharing `story`)
// is one row, shown by its lowest claim id, with the number of documents and their titles.
// Claims an analyst rejected count in no edge (see `states_edge`): include_rejected = 1 adds them
// back to their edge's rows; `review` shows the decision.
MATCH (f:Firm {id: $id})
OPTIONAL MATCH (f)-[h:HOLDS|ACQUIRED]->(c:Chip)
WITH f, [x IN collect({relation: type(h), chip: c, claims: coalesce(h.claims, [null])}) WHERE x.chip IS NOT NULL] AS stated
OPTIONAL MATCH (gone:Claim {review: CASE WHEN $include_rejected = 1 THEN 'rejected' END})
WHERE gone.subject = $id AND gone.states_edge IN ['HOLDS', 'ACQUIRED']
OPTIONAL MATCH (gone)-[:ABOUT]->(chip:Chip)
WHERE chip.id = gone.object
WITH f, stated, collect(CASE WHEN chip IS NULL THEN null ELSE {relation: gone.states_edge, chip: chip, claims: [gone.id]} END) AS rejected
UNWIND stated + rejected AS edge
WITH f, edge.relation AS relation, edge.chip AS c, collect(edge.claims) AS lists
UNWIND reduce(ids = [], list IN lists | ids + list) AS claim_id
OPTIONAL MATCH (claim:Claim {id: claim_id})
WITH f, relation, c, claim
WHERE claim IS NULL OR $include_rejected = 1 OR coalesce(claim.review, '') <> 'rejected'
WITH f, relation, c, claim, coalesce(claim.story, claim.id) AS fact
ORDER BY claim.id
WITH f, relation, c, fact, collect(claim) AS told
WITH f, relation, c, told, head(told) AS claim
ORDER BY c.id, relation, claim.value, coalesce(claim.date, claim.as_of), claim.id
SKIP $skip LIMIT $limit
UNWIND CASE WHEN size(told) = 0 THEN [null] ELSE told END AS one
OPTIONAL MATCH (one)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH f, relation, c, claim, d
ORDER BY coalesce(d.title, d.id)
WITH f, relation, c, claim, collect(DISTINCT coalesce(d.title, d.id)) AS titles, count(DISTINCT d) AS documents
OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(own:Document)
OPTIONAL MATCH (claim)-[:ATTRIBUTED_TO]->(source)
RETURN f.id AS firm, relation, c.id AS chip, claim.value AS quantity, claim.qualifier AS qualifier,
       coalesce(claim.date, claim.as_of) AS date, coalesce(claim.date_precision, claim.as_of_precision) AS precision,
       source.name AS according_to, claim.quote AS quote, own.title AS document, documents, titles,
       claim.review AS review, claim.id AS claim
ORDER BY chip, relation, quantity, date, claim, according_to
