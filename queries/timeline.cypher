// name: timeline
// title: What happened when: dated events, regulations and claims, by entity and date range
// params: id = '', start = '1990-01-01', end = '2060-12-31', skip = 0, limit = 100, include_rejected = 0
// types: id = entity, start = date, end = date, skip = integer 0..1000000000, limit = integer 0..1000000, include_rejected = integer 0..1
// tags: events, claims, regulations
// Leave id empty for everything, or give an entity id (e.g. --param id=deepseek: its claims are
// found through the indexed subject and object). A page at a time in date
// order: `skip` items skipped, at most `limit` shown; only the page's claims are traced to documents.
// (FalkorDB 4.x compares dates outside about 1970-2069 wrongly, hence the defaults.) Claims an
// analyst rejected are left out unless include_rejected = 1.
// Claims first: a list built earlier would be copied into every row of the claims' MATCH. Each
// claim is found once (one about the entity as object and subject counts as subject), through the
// indexes on `subject`, `object` and `as_of` (the date range is an index range scan).
OPTIONAL MATCH (s:Claim {subject: $id})
WHERE s.as_of >= date($start) AND s.as_of <= date($end)
WITH collect(s) AS as_subject
OPTIONAL MATCH (o:Claim {object: $id})
WHERE coalesce(o.subject, '') <> $id AND o.as_of >= date($start) AND o.as_of <= date($end)
WITH as_subject, collect(o) AS as_object
// Every claim (no id): the claims per day are counted first, so that only the claims up to the
// day that completes the page are read and sorted.
OPTIONAL MATCH (a:Claim)
WHERE $id = '' AND a.as_of >= date($start) AND a.as_of <= date($end)
WITH as_subject, as_object, a.as_of AS day, count(a) AS claims
ORDER BY day
WITH as_subject, as_object, collect({day: day, claims: claims}) AS days
WITH as_subject, as_object,
     reduce(cut = {total: 0, day: null}, d IN days |
       CASE WHEN cut.total >= $skip + $limit THEN cut ELSE {total: cut.total + d.claims, day: d.day} END).day AS last
OPTIONAL MATCH (a:Claim)
WHERE $id = '' AND a.as_of >= date($start) AND a.as_of <= last
WITH as_subject, as_object, collect(a) AS every
UNWIND CASE WHEN size(as_subject) + size(as_object) + size(every) = 0 THEN [null]
            ELSE as_subject + as_object + every END AS c
WITH c
WHERE c IS NULL OR $include_rejected = 1 OR coalesce(c.review, '') <> 'rejected'
WITH c
ORDER BY c.as_of, c.id
WITH collect(c)[..$skip + $limit] AS first
UNWIND CASE WHEN size(first) = 0 THEN [null] ELSE first END AS c
OPTIONAL MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
WITH collect({date: c.as_of, precision: c.as_of_precision, kind: 'claim', what: c.quote, source: d.title,
              key: c.id}) AS claims
OPTIONAL MATCH (e:Event)-[:INVOLVES]->(x)
WHERE e.date >= date($start) AND e.date <= date($end) AND ($id = '' OR x.id = $id)
WITH DISTINCT claims, e
WITH claims, collect({date: e.date, precision: e.date_precision, kind: 'event', what: e.description,
              source: e.sources[0], key: e.id}) AS events
OPTIONAL MATCH (r:Regulation)-[:CONTROLS|TARGETS]->(y)
WHERE r.effective >= date($start) AND r.effective <= date($end) AND ($id = '' OR r.id = $id OR y.id = $id)
WITH claims, events, r
WITH DISTINCT claims, events, r
WITH claims, events, collect({date: r.effective, precision: 'day', kind: 'regulation', what: r.name,
                      source: r.citation, key: r.id}) AS regulations
UNWIND events + regulations + claims AS item
WITH item WHERE item.date IS NOT NULL
RETURN item.date AS date, item.precision AS precision, item.kind AS kind, item.what AS what,
       item.source AS source
ORDER BY date, kind, item.key
SKIP $skip LIMIT $limit
