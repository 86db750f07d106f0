/** Where one of my cases sits among my cases that overlap the same other cases. */
export interface CaseCluster {
  /** The smallest of my case ids in the cluster: stable, and never the other side's. */
  key: string;
  /** 1, 2, … over the clusters of two or more of my cases (ordered by key); null when alone. */
  number: number | null;
  /** How many of my cases the cluster holds. */
  size: number;
}

/**
 * Connected components of my cases, linked when they overlap the same case
 * of another organisation: two of my cases matching one other case are
 * probably one person registered twice. The other side's case ids only link
 * here and never leave this function. (The union-find idea of the
 * coordinators' clusters, over cases of one organisation instead of
 * organisations.)
 */
export function clusterMyCases(
  links: ReadonlyArray<{ myCase: string; otherCase: string }>,
): Map<string, CaseCluster> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    // Path compression keeps large graphs near-linear.
    for (let n = x; n !== root;) {
      const next = parent.get(n) ?? root;
      parent.set(n, root);
      n = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  for (const { myCase, otherCase } of links) {
    const mine = `m:${myCase}`;
    const other = `o:${otherCase}`;
    add(mine);
    add(other);
    const [a, b] = [find(mine), find(other)];
    if (a !== b) parent.set(a, b);
  }

  const members = new Map<string, string[]>();
  for (const node of parent.keys()) {
    if (!node.startsWith('m:')) continue;
    const root = find(node);
    const list = members.get(root);
    if (list) list.push(node.slice(2));
    else members.set(root, [node.slice(2)]);
  }
  const components = [...members.values()].map((cases) => ({
    cases,
    key: cases.reduce((min, c) => (c < min ? c : min)),
  }));
  components.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const out = new Map<string, CaseCluster>();
  let next = 1;
  for (const { cases, key } of components) {
    const number = cases.length > 1 ? next++ : null;
    for (const c of cases) out.set(c, { key, number, size: cases.length });
  }
  return out;
}
