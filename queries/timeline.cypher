// name: timeline
// title: What happened when: dated events, regulations and claims, by entity and date range
// params: id = '', start = '1990-01-01', end = '2060-12-31', limit = 500
// types: id = entity, start = date, end = date, limit = integer 1..10000
// tags: events, claims, regulations
// Leave id empty for everything, or give an entity id (e.g. --param id=deepseek).
// (FalkorDB 4.x compares dates outside about 1970-2069 wrongly, hence the defaults.)
OPTIONAL MATCH (e:Event)-[:INVOLVES]->(x)
WHERE e.date >= date($start) AND e.date <= date($end) AND ($id = '' OR x.id = $id)
WITH DISTINCT e
WITH collect({date: e.date, precision: e.date_precision, kind: 'event', what: e.description,
              source: e.sources[0]}) AS events
OPTIONAL MATCH (r:Regulation)-[:CONTROLS|TARGETS]->(y)
WHERE r.effective >= date($start) AND r.effective <= date($end) AND ($id = '' OR r.id = $id OR y.id = $id)
WITH events, r
WITH DISTINCT events, r
WITH events, collect({date: r.effective, precision: 'day', kind: 'regulation', what: r.name,
                      source: r.citation}) AS regulations
OPTIONAL MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
WHERE c.as_of IS NOT NULL AND c.as_of >= date($start) AND c.as_of <= date($end)
  AND ($id = '' OR c.subject = $id OR c.object = $id)
WITH events, regulations, collect({date: c.as_of, precision: c.as_of_precision, kind: 'claim',
                                  what: c.quote, source: d.title}) AS claims
UNWIND events + regulations + claims AS item
WITH item WHERE item.date IS NOT NULL
RETURN item.date AS date, item.precision AS precision, item.kind AS kind, item.what AS what,
       item.source AS source
ORDER BY date, kind
LIMIT $limit
