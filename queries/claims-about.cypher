// name: claims-about
// title: Everything the documents claim about an entity, with quotes and sources
// params: id = 'deepseek', skip = 0, limit = 100, include_rejected = 0
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000, include_rejected = integer 0..1
// tags: claims, provenance
// The claims whose subject or object is the entity (both indexed), a page at a time: ordered by
// kind, metric, value and claim id, then `skip` claims skipped and at most `limit` shown. Only the
// page's claims are joined to their passages and documents. Claims of one fact told by
// near-duplicate passages of several documents (sharing `story`) are one row, shown by the lowest
// claim id, with the number of documents and their titles. Rejected claims are left out unless
// include_rejected = 1; `review` shows an analyst's decision.
OPTIONAL MATCH (s:Claim {subject: $id})
WITH collect(s) AS as_subject
OPTIONAL MATCH (o:Claim {object: $id})
WITH as_subject, collect(o) AS as_object
UNWIND as_subject + as_object AS c
WITH DISTINCT c
WHERE $include_rejected = 1 OR coalesce(c.review, '') <> 'rejected'
WITH c, coalesce(c.story, c.id) AS fact
ORDER BY c.id
WITH fact, collect(c) AS told
WITH told, head(told) AS c
ORDER BY c.kind, c.metric, c.value, c.id
SKIP $skip LIMIT $limit
UNWIND told AS one
MATCH (one)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH c, d
ORDER BY coalesce(d.title, d.id)
WITH c, collect(DISTINCT coalesce(d.title, d.id)) AS titles, count(DISTINCT d) AS documents
MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(own:Document)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(source)
RETURN c.kind AS kind, c.metric AS metric, c.subject AS subject, c.object AS object, c.value AS value,
       c.unit AS unit, c.qualifier AS qualifier, coalesce(c.date, c.as_of) AS date, source.name AS according_to,
       c.quote AS quote, own.title AS document, documents, titles, p.id AS passage, c.review AS review,
       c.id AS claim
ORDER BY kind, metric, value, claim, according_to
