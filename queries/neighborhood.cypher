// name: neighborhood
// title: An entity and what it is connected to, to a given depth (1-3), with the documents that say so
// params: id = 'deepseek', depth = 2, limit = 300
// types: id = entity, depth = integer 1..3, limit = integer 1..10000
// tags: graph, views
// At most `limit` paths of each kind (a view of a few hundred nodes stays readable).
MATCH (e {id: $id})
MATCH p = (e)-[:HOLDS|ACQUIRED|TRAINED_ON|SPUN_OFF_FROM|FUNDED_BY|DEVELOPED|VARIANT_OF|MADE_BY|BASED_IN|CONTROLS|TARGETS|INVOLVES*1..3]-(n)
WHERE length(p) <= $depth
RETURN p AS path
LIMIT $limit
UNION
MATCH p = (e {id: $id})<-[:ABOUT]-(:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(:Document)
RETURN p AS path
LIMIT $limit
