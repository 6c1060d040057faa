# The engines benchmark's program in jq 1.7: the same output as orders.mdsl.
# jq 1.7 has no trim builtin (1.7.1 added it): sub() with anchored regexes is how it trims.
{
  order_id: .id,
  customer: (.customer.name | sub("^\\s+"; "") | sub("\\s+$"; "") | ascii_upcase),
  country: ({"FR": "France", "DE": "Germany", "IT": "Italy", "ES": "Spain", "US": "United States"}[.customer.country] // "Unknown"),
  total: ((.amount * (1 + 0.2) * 100 | round) / 100),
  shipping: {street: .customer.address.line1, city: .customer.address.city},
  lines: [.items[] | select(.qty > 0) | {sku: .sku, total: ((.qty * .price * 100 | round) / 100)}],
  tags: (.tags | unique | join(","))
}
