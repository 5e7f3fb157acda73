// name: firm-holdings
// title: Which chips is a firm said to hold or to have bought, how many, when, according to whom?
// params: id = 'deepseek'
// types: id = entity
// tags: firms, chips, claims
MATCH (f:Firm {id: $id})-[h:HOLDS|ACQUIRED]->(c:Chip)
UNWIND coalesce(h.claims, [null]) AS claim_id
OPTIONAL MATCH (claim:Claim {id: claim_id})
OPTIONAL MATCH (claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (claim)-[:ATTRIBUTED_TO]->(source)
RETURN f.id AS firm, type(h) AS relation, c.id AS chip, claim.value AS quantity, claim.qualifier AS qualifier,
       coalesce(claim.date, claim.as_of) AS date, coalesce(claim.date_precision, claim.as_of_precision) AS precision,
       source.name AS according_to, claim.quote AS quote, d.title AS document, claim.id AS claim
ORDER BY chip, relation, quantity, date, claim
