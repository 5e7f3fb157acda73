// name: chip-lineage
// title: Which chips are variants of which, and what differs?
// params: id = ''
// tags: chips
// Give a chip id (e.g. --param id=h100) to see its family only; empty shows every variant.
MATCH (v:Chip)-[r:VARIANT_OF]->(b:Chip)
WHERE $id = '' OR v.id = $id OR b.id = $id
RETURN b.id AS base, v.id AS variant, v.market AS market, v.released AS released,
       r.differences AS differences, b.tpp AS base_tpp, v.tpp AS tpp,
       b.interconnect_gbps AS base_interconnect_gbps, v.interconnect_gbps AS interconnect_gbps,
       size(coalesce(r.claims, [])) AS claims_in_text
ORDER BY base, released
