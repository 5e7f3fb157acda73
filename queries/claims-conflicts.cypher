// name: claims-conflicts
// title: Which figures conflict? Claims on the same subject and metric with different values
// params: id = ''
// types: id = entity
// tags: claims, quality
// Leave id empty for every subject, or give one (e.g. --param id=deepseek-v3).
MATCH (c:Claim)
WHERE c.value IS NOT NULL AND ($id = '' OR c.subject = $id)
WITH c.subject AS subject, c.metric AS metric, coalesce(c.object, '') AS object,
     collect(DISTINCT c.value) AS values, collect(c) AS claims
WHERE size(values) > 1
UNWIND claims AS c
MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
RETURN subject, metric, object, c.value AS value, c.unit AS unit, c.qualifier AS qualifier,
       c.quote AS quote, d.title AS document
ORDER BY subject, metric, object, value
