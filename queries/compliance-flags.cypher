// name: compliance-flags
// title: Holdings and acquisitions of chips that were controlled for the holder's country
// params: country = 'cn'
// tags: controls, firms, compliance
// A stated date before the first control is marked as such; an unknown date is flagged for review.
MATCH (f:Firm)-[:BASED_IN]->(:Country {id: $country})
MATCH (f)-[h:HOLDS|ACQUIRED]->(c:Chip)
MATCH (r:Regulation)-[k:CONTROLS]->(c)
WHERE (r)-[:TARGETS]->(:Country {id: $country})
WITH f, h, c, min(k.from) AS first_controlled, collect(DISTINCT r.id) AS rules,
     coalesce(h.date, h.as_of) AS stated
RETURN f.id AS firm, type(h) AS relation, c.id AS chip, h.quantity AS quantity, h.qualifier AS qualifier,
       stated AS stated_date, first_controlled,
       CASE WHEN stated IS NULL THEN 'controlled chip; date of acquisition not stated'
            WHEN stated < first_controlled THEN 'acquired before the first control'
            ELSE 'controlled for this country at the stated date' END AS flag,
       rules, h.claims AS claims
ORDER BY firm, chip, relation
