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
  const clustersOf = new Map<number, number>();
  const candidatesOf = new Int32Array(clusters.length);
  clusters.forEach((members, cluster) => {
    const overlap = new Map<number, number>();
    for (const a of members) {
      const c = customerOf(a);
      if (c !== null) overlap.set(c, (overlap.get(c) ?? 0) + 1);
    }
    for (const [customer, n] of overlap) {
      candidates.push({ cluster, customer, overlap: n });
      clustersOf.set(customer, (clustersOf.get(customer) ?? 0) + 1);
      candidatesOf[cluster]!++;
    }
  });
  const result: (number | null)[] = clusters.map(() => null);
  const used = new Set<number>();
  // A cluster with one customer that no other cluster has gets it, whatever the order below (most
  // clusters of a run: sorting only the contested candidates gives the same ids, faster).
  const contested = candidates.filter((c) => {
    if (candidatesOf[c.cluster] !== 1 || clustersOf.get(c.customer) !== 1) return true;
    result[c.cluster] = c.customer;
    used.add(c.customer);
    return false;
  });
  contested.sort((x, y) => y.overlap - x.overlap || x.customer - y.customer || x.cluster - y.cluster);
  for (const c of contested) {
    if (result[c.cluster] !== null || used.has(c.customer)) continue;
    result[c.cluster] = c.customer;
    used.add(c.customer);
  }
  return result;
}
