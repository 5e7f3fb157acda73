// name: claims-conflicts
// title: Which figures conflict? Claims on the same subject and metric with different values
// params: id = '', skip = 0, limit = 100
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: claims, quality
// Leave id empty for every subject (every claim is read: slow on a big graph), or give one (e.g.
// --param id=deepseek-v3: its claims are found through the indexed subject). A page at a time:
// `skip` claims skipped, at most `limit` shown; only the page's claims are joined to documents.
OPTIONAL MATCH (one:Claim {subject: $id})
WITH collect(one) AS of_subject
OPTIONAL MATCH (any:Claim)
WHERE $id = ''
WITH of_subject, collect(any) AS every
UNWIND of_subject + every AS c
WITH c WHERE c.value IS NOT NULL
WITH c.subject AS subject, c.metric AS metric, coalesce(c.object, '') AS object,
     collect(DISTINCT c.value) AS values, collect(c) AS claims
WHERE size(values) > 1
UNWIND claims AS c
WITH subject, metric, object, c
ORDER BY subject, metric, object, c.value, c.id
SKIP $skip LIMIT $limit
MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
RETURN subject, metric, object, c.value AS value, c.unit AS unit, c.qualifier AS qualifier,
       c.quote AS quote, d.title AS document, c.id AS claim
ORDER BY subject, metric, object, value, claim
