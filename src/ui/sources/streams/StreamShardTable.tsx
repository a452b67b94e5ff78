import type { StreamBatchView, StreamShardView } from '../../../core/sources/streamMappingView';
import '../sources.css';

const count = (n: number): string => n.toLocaleString('en-US');

/** A sequence number is up to 56 digits: show its ends, the whole in the title. */
function Seq({ value }: { value: string }) {
  const short = value.length > 14 ? `${value.slice(0, 4)}…${value.slice(-8)}` : value;
  return (
    <code className="stream-seq" title={value}>
      {short}
    </code>
  );
}

function BatchCell({ batch, slots }: { batch: StreamBatchView; slots: number }) {
  return (
    <span className="stream-batch">
      {slots > 1 && <span className="stream-slot">slot {batch.slot}: </span>}
      {count(batch.size)} {batch.size === 1 ? 'record' : 'records'} (<Seq value={batch.firstSequenceNumber} />
      {batch.size > 1 && (
        <>
          {' – '}
          <Seq value={batch.lastSequenceNumber} />
        </>
      )}
      ){batch.invocations > 1 && `, attempt ${count(batch.invocations)}`}
    </span>
  );
}

/** Per shard: what is left to read, the checkpoint, the batch out, and whether a failed batch holds it. */
export function StreamShardTable({ shards, caption }: { shards: readonly StreamShardView[]; caption: string }) {
  return (
    <div className="stream-table-wrap">
      <table className="stream-shards">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Shard</th>
            <th scope="col">Pending</th>
            <th scope="col">Checkpoint</th>
            <th scope="col">In flight</th>
            <th scope="col">Retries</th>
            <th scope="col">Blocked</th>
          </tr>
        </thead>
        <tbody>
          {shards.map((shard) => (
            <tr key={shard.shardId} className={shard.blocked ? 'stream-blocked' : undefined}>
              <th scope="row">
                <span className="stream-shard-index">{shard.index}</span> <code className="stream-shard-id">{shard.shardId}</code>
              </th>
              <td className="stream-num">{count(shard.pending)}</td>
              <td>{shard.checkpoint === null ? <span className="hint">none yet</span> : <Seq value={shard.checkpoint} />}</td>
              <td>
                {shard.inFlight.length === 0 ? (
                  <span className="hint">—</span>
                ) : (
                  shard.inFlight.map((b) => <BatchCell key={b.slot} batch={b} slots={shard.slots.length} />)
                )}
              </td>
              <td className="stream-num">{count(shard.retries)}</td>
              <td>{shard.blocked ? <strong className="stream-blocked-flag">Yes</strong> : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
