// name: neighborhood
// title: An entity and what it is connected to, to a given depth (1-3), with the documents that say so
// params: id = 'deepseek', depth = 2, skip = 0, limit = 100
// types: id = entity, depth = integer 1..3, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: graph, views
// At most `limit` paths of each kind, after skipping `skip` of each (a view of a few hundred nodes
// stays readable). The entity is looked up through the id index of each entity label.
OPTIONAL MATCH (firm:Firm {id: $id})
OPTIONAL MATCH (model:AIModel {id: $id})
OPTIONAL MATCH (chip:Chip {id: $id})
OPTIONAL MATCH (person:Person {id: $id})
OPTIONAL MATCH (agency:Agency {id: $id})
OPTIONAL MATCH (country:Country {id: $id})
OPTIONAL MATCH (regulation:Regulation {id: $id})
OPTIONAL MATCH (event:Event {id: $id})
WITH [x IN [firm, model, chip, person, agency, country, regulation, event] WHERE x IS NOT NULL] AS found
UNWIND found AS e
MATCH p = (e)-[:HOLDS|ACQUIRED|TRAINED_ON|SPUN_OFF_FROM|FUNDED_BY|DEVELOPED|VARIANT_OF|MADE_BY|BASED_IN|CONTROLS|TARGETS|INVOLVES*1..3]-(n)
WHERE length(p) <= $depth
RETURN p AS path
SKIP $skip LIMIT $limit
UNION
OPTIONAL MATCH (firm:Firm {id: $id})
OPTIONAL MATCH (model:AIModel {id: $id})
OPTIONAL MATCH (chip:Chip {id: $id})
OPTIONAL MATCH (person:Person {id: $id})
OPTIONAL MATCH (agency:Agency {id: $id})
OPTIONAL MATCH (country:Country {id: $id})
OPTIONAL MATCH (regulation:Regulation {id: $id})
OPTIONAL MATCH (event:Event {id: $id})
WITH [x IN [firm, model, chip, person, agency, country, regulation, event] WHERE x IS NOT NULL] AS found
UNWIND found AS e
MATCH p = (e)<-[:ABOUT]-(:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(:Document)
RETURN p AS path
SKIP $skip LIMIT $limit
