/**
 * Constrained greedy union-find (design §5.7). Nodes are accounts (0..n-1). Edges are applied
 * strongest first — the owner's must-links, then deterministic links, then automatic ones by
 * weight — and an edge joins two clusters only when:
 *
 * - no cannot-link stands between any members of the two;
 * - neither is locked (the owner fixed it; only a must-link changes it);
 * - the two do not each have whole mobiles of their own with none in common ("never join two
 *   different full phone numbers", also through a chain a–x–b);
 * - together they stay within the size cap;
 * - two accounts of one platform keyed by a buyer meet a higher weight (a second Tmall account is
 *   rare; 拼多多/抖店 receiver accounts of one person are not).
 *
 * A blocked edge comes back with its reason, for the review queue.
 */

export interface ClusterNode {
  platform: string;
  /** Keyed by a buyer identity (not a 拼多多/抖店 receiver fingerprint). */
  buyerKeyed: boolean;
  /** Whole mobiles of its own (account phone, primary receivers). */
  phones: readonly string[];
}

export type EdgeKind = 'must' | 'deterministic' | 'auto';

export interface ClusterEdge {
  a: number;
  b: number;
  weight: number;
  kind: EdgeKind;
}

export type BlockReason = 'cannot_link' | 'locked' | 'size_cap' | 'phone_conflict' | 'same_platform';

export interface ClusterOptions {
  maxClusterSize: number;
  samePlatformThreshold: number;
  /** Groups that start joined (locked customers; in an incremental run every current customer). */
  groups?: readonly (readonly number[])[];
  /** Which of `groups` are locked. */
  lockedGroups?: ReadonlySet<number>;
  cannot?: readonly (readonly [number, number])[];
}

export interface ClusterResult {
  /** A representative node per node: equal for nodes of one cluster. */
  root: Int32Array;
  /** Per edge (in the order given): null when joined (or already together), else why not. */
  blocked: (BlockReason | null)[];
}

interface RootInfo {
  phones: Set<string>;
  /** Buyer-keyed accounts per platform. */
  platforms: Map<string, number>;
  cannot: Set<number>;
  locked: boolean;
}

const KIND_ORDER: Record<EdgeKind, number> = { must: 0, deterministic: 1, auto: 2 };

export function cluster(
  nodes: readonly ClusterNode[],
  edges: readonly ClusterEdge[],
  options: ClusterOptions,
): ClusterResult {
  const n = nodes.length;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  const info: (RootInfo | undefined)[] = new Array<RootInfo | undefined>(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const infoOf = (r: number): RootInfo => {
    let i = info[r];
    if (!i) {
      const node = nodes[r]!;
      i = {
        phones: new Set(node.phones),
        platforms: new Map(node.buyerKeyed ? [[node.platform, 1]] : []),
        cannot: new Set(),
        locked: false,
      };
      info[r] = i;
    }
    return i;
  };
  const join = (ra: number, rb: number): number => {
    const [big, small] = size[ra]! >= size[rb]! ? [ra, rb] : [rb, ra];
    const bi = infoOf(big);
    const si = infoOf(small);
    parent[small] = big;
    size[big] = size[big]! + size[small]!;
    for (const p of si.phones) bi.phones.add(p);
    for (const [p, c] of si.platforms) bi.platforms.set(p, (bi.platforms.get(p) ?? 0) + c);
    for (const c of si.cannot) bi.cannot.add(c);
    bi.locked ||= si.locked;
    info[small] = undefined;
    return big;
  };
  const cannotBetween = (ra: number, rb: number): boolean => {
    const ia = infoOf(ra);
    const ib = infoOf(rb);
    const [few, other] = ia.cannot.size <= ib.cannot.size ? [ia, rb] : [ib, ra];
    for (const x of few.cannot) if (find(x) === other) return true;
    return false;
  };

  for (const a of options.cannot ?? []) {
    infoOf(a[0]).cannot.add(a[1]);
    infoOf(a[1]).cannot.add(a[0]);
  }
  (options.groups ?? []).forEach((group, g) => {
    let r = -1;
    for (const x of group) r = r < 0 ? find(x) : join(r, find(x));
    if (r >= 0 && options.lockedGroups?.has(g)) infoOf(r).locked = true;
  });

  const order = edges.map((_, i) => i);
  order.sort((x, y) => {
    const ex = edges[x]!;
    const ey = edges[y]!;
    return KIND_ORDER[ex.kind] - KIND_ORDER[ey.kind] || ey.weight - ex.weight || x - y;
  });
  const blocked: (BlockReason | null)[] = new Array<BlockReason | null>(edges.length).fill(null);
  for (const i of order) {
    const e = edges[i]!;
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) continue;
    const reason = blockReason(ra, rb, e);
    if (reason) blocked[i] = reason;
    else join(ra, rb);
  }

  function blockReason(ra: number, rb: number, e: ClusterEdge): BlockReason | null {
    if (cannotBetween(ra, rb)) return 'cannot_link';
    if (e.kind === 'must') return null;
    const ia = infoOf(ra);
    const ib = infoOf(rb);
    if (ia.locked || ib.locked) return 'locked';
    if (size[ra]! + size[rb]! > options.maxClusterSize) return 'size_cap';
    if (ia.phones.size > 0 && ib.phones.size > 0) {
      let common = false;
      for (const p of ia.phones) if (ib.phones.has(p)) common = true;
      if (!common) return 'phone_conflict';
    }
    if (e.weight < options.samePlatformThreshold)
      for (const p of ia.platforms.keys()) if (ib.platforms.has(p)) return 'same_platform';
    return null;
  }

  const root = new Int32Array(n);
  for (let i = 0; i < n; i++) root[i] = find(i);
  return { root, blocked };
}
