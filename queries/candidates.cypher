// name: candidates
// title: Names found in text that the ontology does not know yet, for curation, with the passages that name them
// params: skip = 0, limit = 20
// types: skip = integer 0..1000000000, limit = integer 0..1000000
// tags: curation
// A candidate is named by the claims about it and by any passage that MENTIONS it. Candidates
// are found through the `status` index of each entity label; a page at a time, most claimed
// first (`skip` candidates skipped, at most `limit` shown); only the page's are traced to passages.
OPTIONAL MATCH (firm:Firm {status: 'candidate'})
WITH collect(firm) AS firms
OPTIONAL MATCH (model:AIModel {status: 'candidate'})
WITH firms, collect(model) AS models
OPTIONAL MATCH (person:Person {status: 'candidate'})
WITH firms, models, collect(person) AS people
OPTIONAL MATCH (chip:Chip {status: 'candidate'})
WITH firms, models, people, collect(chip) AS chips
OPTIONAL MATCH (agency:Agency {status: 'candidate'})
WITH firms, models, people, chips, collect(agency) AS agencies
OPTIONAL MATCH (event:Event {status: 'candidate'})
WITH firms, models, people, chips, agencies, collect(event) AS events
OPTIONAL MATCH (regulation:Regulation {status: 'candidate'})
WITH firms, models, people, chips, agencies, events, collect(regulation) AS regulations
OPTIONAL MATCH (country:Country {status: 'candidate'})
WITH firms, models, people, chips, agencies, events, regulations, collect(country) AS countries
UNWIND firms + models + people + chips + agencies + events + regulations + countries AS e
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
WITH e, count(DISTINCT c) AS claims
ORDER BY claims DESC, e.name, e.id
SKIP $skip LIMIT $limit
// One stream of rows (a passage that mentions it, or a claim about it with its passage), never
// lists carried across a MATCH: FalkorDB copies them into every row.
OPTIONAL MATCH (e)<-[:MENTIONS|ABOUT]-(x)
OPTIONAL MATCH (x)-[:SOURCED_FROM]->(cp:Passage)
WITH e, claims, CASE WHEN cp IS NULL THEN x ELSE cp END AS p, CASE WHEN cp IS NULL THEN null ELSE x.quote END AS quote
WITH e, claims, p, min(quote) AS quote
OPTIONAL MATCH (d:Document)-[:HAS_PASSAGE]->(p)
WITH e, claims, p.id AS passage, d.id AS document, quote
ORDER BY passage
RETURN labels(e)[0] AS label, e.id AS id, e.name AS name, claims, collect(passage) AS passages,
       collect(DISTINCT document) AS documents, min(quote) AS example
ORDER BY claims DESC, name, id
