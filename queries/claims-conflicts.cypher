// name: claims-conflicts
// title: Which figures conflict? Claims on the same subject and metric with different values
// params: id = '', skip = 0, limit = 100, include_rejected = 0
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000, include_rejected = integer 0..1
// tags: claims, quality
// Leave id empty for every subject, or give one (e.g. --param id=deepseek-v3). The store keeps,
// on one claim of each group (subject, metric, object) whose values disagree, the group's key
// (`conflict`, indexed): the pack reads those marks, not every claim. A page at a time: `skip`
// claims skipped, at most `limit` shown. A group has at least two claims, so the page's rows lie
// in the first (skip + limit + 1) / 2 groups; only their claims are read and joined to documents.
// Claims an analyst rejected are left out unless include_rejected = 1.
OPTIONAL MATCH (one:Claim {subject: $id})
WHERE one.conflict IS NOT NULL
WITH collect(one) AS of_subject
OPTIONAL MATCH (any:Claim)
WHERE $id = '' AND any.conflict >= ''
WITH of_subject, collect(any) AS every
UNWIND of_subject + every AS mark
WITH mark
ORDER BY mark.subject, mark.metric, coalesce(mark.object, '')
WITH collect(mark.conflict)[..($skip + $limit + 1) / 2] AS groups
UNWIND groups AS key
MATCH (c:Claim {group: key})
WHERE c.value IS NOT NULL AND ($include_rejected = 1 OR coalesce(c.review, '') <> 'rejected')
WITH c.subject AS subject, c.metric AS metric, coalesce(c.object, '') AS object, c
ORDER BY subject, metric, object, c.value, c.id
SKIP $skip LIMIT $limit
MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
RETURN subject, metric, object, c.value AS value, c.unit AS unit, c.qualifier AS qualifier,
       c.quote AS quote, d.title AS document, c.id AS claim
ORDER BY subject, metric, object, value, claim
