// name: compliance-flags
// title: Holdings and acquisitions of chips that were controlled for the holder's country, claim by claim
// params: country = 'cn', skip = 0, limit = 100, include_rejected = 0
// types: country = country, skip = integer 0..1000000000, limit = integer 0..1000000, include_rejected = integer 0..1
// tags: controls, firms, compliance, claims
// One row per claim behind a holding or an acquisition of a controlled chip: its own figure,
// qualifier, date, document and quote. A date the claim states before the first control is marked
// as such; no stated date is flagged for review (`document_date` is when its document was
// published). `figures` lists every figure the claims on the same edge state; `disagree` is true
// when they differ. A page at a time: `skip` rows skipped, at most `limit` shown. Claims an
// analyst rejected count in no edge (see `states_edge`): include_rejected = 1 adds them back.
MATCH (f:Firm)-[:BASED_IN]->(:Country {id: $country})
OPTIONAL MATCH (f)-[h:HOLDS|ACQUIRED]->(c:Chip)
WITH f, [x IN collect({relation: type(h), chip: c, claims: coalesce(h.claims, [null])}) WHERE x.chip IS NOT NULL] AS stated
OPTIONAL MATCH (gone:Claim {review: CASE WHEN $include_rejected = 1 THEN 'rejected' END})
WHERE gone.subject = f.id AND gone.states_edge IN ['HOLDS', 'ACQUIRED']
OPTIONAL MATCH (gone)-[:ABOUT]->(chip:Chip)
WHERE chip.id = gone.object
WITH f, stated, collect(CASE WHEN chip IS NULL THEN null ELSE {relation: gone.states_edge, chip: chip, claims: [gone.id]} END) AS rejected
UNWIND stated + rejected AS edge
WITH f, edge.relation AS relation, edge.chip AS c, collect(edge.claims) AS lists
MATCH (r:Regulation)-[k:CONTROLS]->(c)
WHERE (r)-[:TARGETS]->(:Country {id: $country})
WITH f, relation, c, lists, k, r
ORDER BY r.id
WITH f, relation, c, lists, min(k.from) AS first_controlled, collect(DISTINCT r.id) AS rules
UNWIND reduce(ids = [], list IN lists | ids + list) AS claim_id
OPTIONAL MATCH (claim:Claim {id: claim_id})
WITH f, relation, c, first_controlled, rules, claim
WHERE claim IS NULL OR $include_rejected = 1 OR coalesce(claim.review, '') <> 'rejected'
WITH f, relation, c, first_controlled, rules, claim
ORDER BY claim.value
WITH f, relation, c, first_controlled, rules, collect(claim) AS claims, collect(DISTINCT claim.value) AS figures
UNWIND CASE WHEN size(claims) = 0 THEN [null] ELSE claims END AS claim
OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (claim)-[:ATTRIBUTED_TO]->(source)
WITH f, relation, c, first_controlled, rules, figures, claim, d, source, coalesce(claim.date, claim.as_of) AS stated
RETURN f.id AS firm, relation, c.id AS chip, claim.value AS quantity, claim.value_max AS quantity_up_to,
       claim.qualifier AS qualifier, stated AS stated_date,
       coalesce(claim.date_precision, claim.as_of_precision) AS precision, first_controlled,
       CASE WHEN stated IS NULL THEN 'controlled chip; date of acquisition not stated'
            WHEN stated < first_controlled THEN 'acquired before the first control'
            ELSE 'controlled for this country at the stated date' END AS flag,
       figures, size(figures) > 1 AS disagree, rules, source.name AS according_to, claim.quote AS quote,
       d.title AS document, d.id AS document_id, d.published AS document_date, claim.id AS claim
ORDER BY firm, chip, relation, stated_date, quantity, claim, according_to
SKIP $skip LIMIT $limit
