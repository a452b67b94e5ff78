import { CLIENT_NODE, type MapNode, type ServiceMap } from '../../core/tracing/serviceMap';
import { formatMs } from './formatMs';

const COLUMN_PX = 190;
const ROW_PX = 76;
const NODE_W = 150;
const NODE_H = 44;

const KIND_TEXT = { client: 'Client', function: 'Lambda function', service: 'AWS service' } as const;

/** Columns by distance from the client (breadth first), so requests flow left to right. */
function layout(map: ServiceMap): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>();
  const starts = map.nodes.filter((n) => n.kind === 'client' || !map.edges.some((e) => e.to === n.id));
  const queue = starts.map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const e of map.edges) {
      if (e.from !== id || depth.has(e.to)) continue;
      depth.set(e.to, depth.get(id)! + 1);
      queue.push(e.to);
    }
  }
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const n of map.nodes) {
    const d = depth.get(n.id) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    out.set(n.id, { x: 10 + d * COLUMN_PX, y: 10 + row * ROW_PX });
  }
  return out;
}

const nodeName = (n: MapNode): string =>
  `${n.id === CLIENT_NODE ? 'Client' : `${KIND_TEXT[n.kind]} ${n.label}`}: ${n.requests} ${n.requests === 1 ? 'request' : 'requests'}${n.id === CLIENT_NODE ? '' : `, ${formatMs(n.averageMs)} average`}${n.errors > 0 ? `, ${n.errors} failed` : ''}`;

/** X-Ray's service map of a trace: the client, the functions and the services' resources, and the requests between them. */
export function ServiceMapDiagram({ map }: { map: ServiceMap }) {
  const at = layout(map);
  const width = Math.max(...[...at.values()].map((p) => p.x)) + NODE_W + 20;
  const height = Math.max(...[...at.values()].map((p) => p.y)) + NODE_H + 20;
  const labelOf = (id: string): string => map.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <section className="service-map" aria-label="Service map">
      <h3>Service map</h3>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="service-map-svg">
        {map.edges.map((e) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          const x1 = a.x + NODE_W;
          const y1 = a.y + NODE_H / 2;
          const x2 = b.x;
          const y2 = b.y + NODE_H / 2;
          return (
            <g key={`${e.from}→${e.to}`} className={e.errors > 0 ? 'map-edge failed' : 'map-edge'} aria-hidden="true">
              <line x1={x1} y1={y1} x2={x2} y2={y2} />
              <text x={(x1 + x2) / 2} y={(y1 + y2) / 2 - 4} textAnchor="middle">{`${e.requests} · ${formatMs(e.averageMs)}`}</text>
            </g>
          );
        })}
        {map.nodes.map((n) => {
          const p = at.get(n.id)!;
          return (
            <g key={n.id} role="img" aria-label={nodeName(n)} className={`map-node kind-${n.kind}${n.errors > 0 ? ' failed' : ''}`} transform={`translate(${p.x} ${p.y})`}>
              <rect width={NODE_W} height={NODE_H} rx={n.kind === 'service' ? 4 : 22} />
              <text x={NODE_W / 2} y={18} textAnchor="middle" className="map-node-name">{n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label}</text>
              <text x={NODE_W / 2} y={34} textAnchor="middle" className="map-node-kind">{KIND_TEXT[n.kind]}</text>
            </g>
          );
        })}
      </svg>
      <ul className="map-edges" aria-label="Requests between nodes">
        {map.edges.map((e) => (
          <li key={`${e.from}→${e.to}`}>
            {labelOf(e.from)} → {labelOf(e.to)}: {e.requests} {e.requests === 1 ? 'request' : 'requests'}, {formatMs(e.averageMs)} average{e.errors > 0 ? `, ${e.errors} failed` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
