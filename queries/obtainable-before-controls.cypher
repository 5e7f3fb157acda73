// name: obtainable-before-controls
// title: Which GPUs could a buyer in a country obtain before each control date, and which did each rule newly catch?
// params: country = 'cn'
// types: country = country
// tags: controls, chips
// For each regulation aimed at the country, in date order: the chips released before its
// effective date that no rule controlled for that country just before it, and the chips it
// caught on that date that no earlier rule controlled (chips released later are caught when they appear).
MATCH (r:Regulation)-[:TARGETS]->(:Country {id: $country})
OPTIONAL MATCH (c:Chip)
WHERE c.released IS NOT NULL AND c.released < r.effective
OPTIONAL MATCH (other:Regulation)-[k:CONTROLS]->(c)
WHERE other <> r AND (other)-[:TARGETS]->(:Country {id: $country})
  AND k.from < r.effective AND (k.until IS NULL OR k.until >= r.effective)
WITH r, c, count(k) AS controls_in_force
WITH r, collect(CASE WHEN c IS NOT NULL AND controls_in_force = 0 THEN c.name END) AS obtainable
OPTIONAL MATCH (r)-[n:CONTROLS]->(caught:Chip)
WHERE n.from = r.effective
OPTIONAL MATCH (earlier:Regulation)-[e:CONTROLS]->(caught)
WHERE earlier <> r AND (earlier)-[:TARGETS]->(:Country {id: $country})
  AND e.from < n.from AND (e.until IS NULL OR e.until >= n.from)
WITH r, obtainable, caught, count(e) AS already_controlled
RETURN r.id AS regulation, r.effective AS effective, r.name AS name, obtainable AS obtainable_before,
       collect(CASE WHEN caught IS NOT NULL AND already_controlled = 0 THEN caught.name END) AS newly_caught
ORDER BY effective, regulation
