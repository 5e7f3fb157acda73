// name: controls-by-rule
// title: What did each rule catch for a country, and why (clause, spec values against thresholds)?
// params: country = 'cn'
// types: country = country
// tags: controls, chips
MATCH (r:Regulation)-[k:CONTROLS]->(c:Chip)
WHERE (r)-[:TARGETS]->(:Country {id: $country})
RETURN r.id AS regulation, r.effective AS effective, c.id AS chip, k.status AS status,
       k.from AS controlled_from, k.until AS controlled_until, k.basis AS basis
ORDER BY effective, regulation, chip
