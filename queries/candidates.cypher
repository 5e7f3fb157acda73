// name: candidates
// title: Names found in text that the ontology does not know yet, for curation, with the passages that name them
// params: skip = 0, limit = 20, passages = 10
// types: skip = integer 0..1000000000, limit = integer 0..1000000, passages = integer 0..1000000
// tags: curation
// A candidate is named by the claims about it and by any passage that MENTIONS it. Candidates
// are found through the `status` index of each entity label; a page at a time, most claimed
// first (`skip` candidates skipped, at most `limit` shown). Each shows how many passages name it
// (`passage_count`) and the first `passages` of them by id, with their documents: only those are
// traced to documents (a candidate of a big corpus is named in hundreds of passages).
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
WITH e, count(DISTINCT c) AS claims, min(c.quote) AS example
ORDER BY claims DESC, e.name, e.id
SKIP $skip LIMIT $limit
// The passages that name it: those that MENTION it and those its claims come from, as pattern
// comprehensions (a list carried across a MATCH is copied into every row by FalkorDB).
WITH e, claims, example, [(e)<-[:MENTIONS]-(p) | p.id] + [(e)<-[:ABOUT]-(c)-[:SOURCED_FROM]->(p) | p.id] AS found
UNWIND CASE WHEN size(found) = 0 THEN [null] ELSE found END AS passage
WITH e, claims, example, passage
ORDER BY passage
WITH e, claims, example, collect(DISTINCT passage) AS named
WITH e, claims, example, size(named) AS passage_count, named[..$passages] AS passages
UNWIND CASE WHEN size(passages) = 0 THEN [null] ELSE passages END AS passage
OPTIONAL MATCH (d:Document)-[:HAS_PASSAGE]->(:Passage {id: passage})
WITH e, claims, example, passage_count, passages, passage, d.id AS document
ORDER BY passage
RETURN labels(e)[0] AS label, e.id AS id, e.name AS name, claims, passage_count, passages,
       collect(DISTINCT document) AS documents, example
ORDER BY claims DESC, name, id
