import type { TraceSpan } from './traceSpan';

export type MapNodeKind = 'client' | 'function' | 'service';

/** A node of the service map: the client, a function, or a service's resource (`DynamoDB orders`). */
export interface MapNode {
  id: string;
  kind: MapNodeKind;
  label: string;
  requests: number;
  errors: number;
  averageMs: number;
}

/** Requests from one node to another: how many, their average latency as the callee saw it, how many failed. */
export interface MapEdge {
  from: string;
  to: string;
  requests: number;
  errors: number;
  averageMs: number;
}

export interface ServiceMap {
  nodes: MapNode[];
  edges: MapEdge[];
}

export const CLIENT_NODE = 'client';

const functionNode = (name: string): string => `function:${name}`;

/** The node an SDK call reaches: a Lambda Invoke reaches the function it names; the others, the service's resource. */
function serviceNode(span: TraceSpan): { id: string; kind: MapNodeKind; label: string } {
  if (span.name === 'Lambda' && span.resource) return { id: functionNode(span.resource), kind: 'function', label: span.resource };
  const label = span.resource ? `${span.name} ${span.resource}` : span.name;
  return { id: `service:${label}`, kind: 'service', label };
}

interface Tally {
  requests: number;
  errors: number;
  totalMs: number;
}

const add = (t: Tally, span: TraceSpan): void => {
  t.requests += 1;
  if (span.status !== 'ok') t.errors += 1;
  t.totalMs += span.endMs - span.startMs;
};

/**
 * The service map of a set of spans (one trace, or many): the client, each
 * function and each service resource as nodes; an edge for each caller and
 * callee, with the count of requests, their average duration and errors.
 * A function is reached from the client, from the queue, topic or bus that
 * delivered to it, or from the function that invoked it.
 */
export function serviceMap(spans: readonly TraceSpan[]): ServiceMap {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const nodes = new Map<string, MapNode & Tally>();
  const edges = new Map<string, MapEdge & Tally>();
  const node = (id: string, kind: MapNodeKind, label: string): MapNode & Tally => {
    let n = nodes.get(id);
    if (!n) {
      n = { id, kind, label, requests: 0, errors: 0, averageMs: 0, totalMs: 0 };
      nodes.set(id, n);
    }
    return n;
  };
  const edge = (from: string, to: string, span: TraceSpan): void => {
    if (from === to) return;
    const key = `${from}→${to}`;
    let e = edges.get(key);
    if (!e) {
      e = { from, to, requests: 0, errors: 0, averageMs: 0, totalMs: 0 };
      edges.set(key, e);
    }
    add(e, span);
  };
  /** The function whose segment (or one of its subsegments) holds this span. */
  const callerFunction = (span: TraceSpan): TraceSpan | null => {
    let p = span.parentId === null ? undefined : byId.get(span.parentId);
    for (let hops = 0; p && hops < 64; hops++) {
      if (p.kind === 'function') return p;
      p = p.parentId === null ? undefined : byId.get(p.parentId);
    }
    return null;
  };
  for (const s of spans) {
    if (s.kind === 'lambda') {
      const target = node(functionNode(s.name), 'function', s.name);
      add(target, s);
      const parent = s.parentId === null ? undefined : byId.get(s.parentId);
      if (parent?.kind === 'aws') {
        const from = serviceNode(parent);
        node(from.id, from.kind, from.label);
        edge(from.id, target.id, s);
      } else {
        add(node(CLIENT_NODE, 'client', 'Client'), s);
        edge(CLIENT_NODE, target.id, s);
      }
    } else if (s.kind === 'aws') {
      const to = serviceNode(s);
      const target = node(to.id, to.kind, to.label);
      if (to.kind === 'service') add(target, s);
      const caller = callerFunction(s);
      if (caller) edge(node(functionNode(caller.name), 'function', caller.name).id, to.id, s);
    }
  }
  const finish = <T extends Tally & { averageMs: number }>({ totalMs, ...rest }: T): Omit<T, 'totalMs'> => ({ ...rest, averageMs: rest.requests > 0 ? totalMs / rest.requests : 0 });
  return { nodes: [...nodes.values()].map(finish), edges: [...edges.values()].map(finish) };
}
