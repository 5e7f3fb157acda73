// name: claims-about
// title: Everything the documents claim about an entity, with quotes and sources
// params: id = 'deepseek', skip = 0, limit = 100
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: claims, provenance
// The claims whose subject or object is the entity (both indexed), a page at a time: ordered by
// kind, metric, value and claim id, then `skip` claims skipped and at most `limit` shown. Only the
// page's claims are joined to their passages and documents.
OPTIONAL MATCH (s:Claim {subject: $id})
WITH collect(s) AS as_subject
OPTIONAL MATCH (o:Claim {object: $id})
WITH as_subject, collect(o) AS as_object
UNWIND as_subject + as_object AS c
WITH DISTINCT c
ORDER BY c.kind, c.metric, c.value, c.id
SKIP $skip LIMIT $limit
MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(source)
RETURN c.kind AS kind, c.metric AS metric, c.subject AS subject, c.object AS object, c.value AS value,
       c.unit AS unit, c.qualifier AS qualifier, coalesce(c.date, c.as_of) AS date, source.name AS according_to,
       c.quote AS quote, d.title AS document, p.id AS passage, c.id AS claim
ORDER BY kind, metric, value, claim, according_to
