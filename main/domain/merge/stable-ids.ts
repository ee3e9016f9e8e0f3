/**
 * Stable customer ids (design §5.8): each new cluster keeps the existing customer id it shares the
 * most accounts with; ties go to the oldest (smallest) id; an id goes to one cluster only. A cluster
 * that gets none needs a new customer (null).
 */
export function assignCustomerIds(
  clusters: readonly (readonly number[])[],
  customerOf: (account: number) => number | null,
): (number | null)[] {
  const candidates: { cluster: number; customer: number; overlap: number }[] = [];
  clusters.forEach((members, cluster) => {
    const overlap = new Map<number, number>();
    for (const a of members) {
      const c = customerOf(a);
      if (c !== null) overlap.set(c, (overlap.get(c) ?? 0) + 1);
    }
    for (const [customer, n] of overlap) candidates.push({ cluster, customer, overlap: n });
  });
  candidates.sort((x, y) => y.overlap - x.overlap || x.customer - y.customer || x.cluster - y.cluster);
  const result: (number | null)[] = clusters.map(() => null);
  const used = new Set<number>();
  for (const c of candidates) {
    if (result[c.cluster] !== null || used.has(c.customer)) continue;
    result[c.cluster] = c.customer;
    used.add(c.customer);
  }
  return result;
}
