// name: spec-conflicts
// title: Which chip specs stated in texts disagree with the reference data? (memory, bandwidth, interconnect, TPP)
// params: id = '', skip = 0, limit = 100
// types: id = entity, skip = integer 0..1000000000, limit = integer 0..1000000
// tags: chips, claims, quality
// Leave id empty for every chip, or give one (e.g. --param id=h20). A text's figure counts as
// agreeing within 2% of the reference value (memory GB, memory bandwidth GB/s, NVLink GB/s, TPP).
// Claims are found by their kind (indexed); a page at a time: `skip` rows skipped, at most `limit` shown.
MATCH (c:Claim {kind: 'chip_spec'})-[:ABOUT]->(chip:Chip)
WHERE c.subject = chip.id AND ($id = '' OR chip.id = $id)
  AND c.metric IN ['chip_memory', 'chip_memory_bandwidth', 'chip_interconnect', 'chip_tpp']
WITH c, chip,
     CASE c.metric
       WHEN 'chip_memory' THEN chip.memory_gb
       WHEN 'chip_memory_bandwidth' THEN chip.memory_bw_tbps * 1000
       WHEN 'chip_interconnect' THEN chip.interconnect_gbps
       ELSE chip.tpp
     END AS reference
WHERE reference IS NOT NULL AND abs(c.value - reference) > 0.02 * reference
MATCH (c)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document)
RETURN chip.id AS chip, c.metric AS metric, c.value AS stated, c.unit AS unit, reference,
       c.quote AS quote, d.title AS document, c.id AS claim
ORDER BY chip, metric, stated, claim
SKIP $skip LIMIT $limit
