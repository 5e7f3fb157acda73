// name: chip-lineage
// title: Which chips are variants of which, and what differs?
// params: id = ''
// types: id = entity
// tags: chips
// Give a chip id (e.g. --param id=h100) to see its family only; empty shows every variant.
// `differences` is the reference data's; `differences_in_text` what the claims stating the edge say.
MATCH (v:Chip)-[r:VARIANT_OF]->(b:Chip)
WHERE $id = '' OR v.id = $id OR b.id = $id
UNWIND coalesce(r.claims, [null]) AS claim_id
OPTIONAL MATCH (claim:Claim {id: claim_id})
WITH v, r, b, claim
ORDER BY claim.differences
WITH v, r, b, collect(DISTINCT claim.differences) AS stated
RETURN b.id AS base, v.id AS variant, v.market AS market, v.released AS released,
       r.differences AS differences, stated AS differences_in_text, b.tpp AS base_tpp, v.tpp AS tpp,
       b.interconnect_gbps AS base_interconnect_gbps, v.interconnect_gbps AS interconnect_gbps,
       coalesce(r.claim_count, 0) AS claims_in_text
ORDER BY base, released, variant
