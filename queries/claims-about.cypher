// name: claims-about
// title: Everything the documents claim about an entity, with quotes and sources
// params: id = 'deepseek'
// types: id = entity
// tags: claims, provenance
// The claims whose subject or object is the entity (both indexed).
OPTIONAL MATCH (s:Claim {subject: $id})
WITH collect(s) AS as_subject
OPTIONAL MATCH (o:Claim {object: $id})
WITH as_subject, collect(o) AS as_object
UNWIND as_subject + as_object AS c
MATCH (c)-[:SOURCED_FROM]->(p:Passage)<-[:HAS_PASSAGE]-(d:Document)
OPTIONAL MATCH (c)-[:ATTRIBUTED_TO]->(source)
RETURN c.kind AS kind, c.metric AS metric, c.subject AS subject, c.object AS object, c.value AS value,
       c.unit AS unit, c.qualifier AS qualifier, coalesce(c.date, c.as_of) AS date, source.name AS according_to,
       c.quote AS quote, d.title AS document, p.id AS passage
ORDER BY kind, metric, value, passage, quote
