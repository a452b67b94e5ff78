import { useId, useState } from 'react';
import type { Traffic, TrafficKind } from '../../core/sim/scenario';
import { parsePerMinuteCsv, perMinuteToCsv } from '../../core/sim/replayCsv';
import { SimCheckbox, SimNumber, SimSelect } from './SimField';

const KIND_LABELS: Record<TrafficKind, string> = {
  constant: 'Constant rate',
  ramp: 'Linear ramp',
  spike: 'Step / spike',
  poisson: 'Poisson arrivals',
  burst: 'Burst',
  daily: 'Daily cycle',
  replay: 'Replay per-minute counts (CSV)',
};

/** Another kind of traffic, keeping the rate where that makes sense. */
function switchKind(t: Traffic, kind: TrafficKind, seed: number): Traffic {
  const rps = t.kind === 'constant' || t.kind === 'poisson' ? t.rps : t.kind === 'daily' ? t.peakRps : t.kind === 'spike' ? t.baseRps : t.kind === 'ramp' ? t.toRps : 100;
  switch (kind) {
    case 'constant':
      return { kind, rps };
    case 'poisson':
      return { kind, rps, seed };
    case 'ramp':
      return { kind, fromRps: 0, toRps: rps };
    case 'spike':
      return { kind, baseRps: rps, spikeRps: rps * 10, spikeStartS: 600, spikeDurationS: 300 };
    case 'burst':
      return { kind, count: 1000 };
    case 'daily':
      return { kind, minRps: Math.max(1, rps / 20), peakRps: rps, peakHour: 14, poisson: true, seed };
    case 'replay':
      return { kind, perMinute: [60, 120, 600, 120, 60], scale: 1, poisson: false, seed };
  }
}

function ReplayFields({ traffic, onTraffic }: { traffic: Extract<Traffic, { kind: 'replay' }>; onTraffic(t: Traffic): void }) {
  const id = useId();
  const hintId = useId();
  const [text, setText] = useState(() => perMinuteToCsv(traffic.perMinute));
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <>
      <div className="field sim-wide">
        <label htmlFor={id}>Per-minute counts (CSV)</label>
        <textarea
          id={id}
          rows={4}
          value={text}
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={problems.length > 0 || undefined}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parsePerMinuteCsv(e.target.value);
            if ('problems' in parsed) setProblems(parsed.problems);
            else {
              setProblems([]);
              onTraffic({ ...traffic, perMinute: parsed.perMinute });
            }
          }}
        />
        <span id={hintId} className={problems.length > 0 ? 'hint warn' : 'hint'}>
          {problems.length > 0 ? problems.join(' ') : `${traffic.perMinute.length.toLocaleString('en-US')} minutes; one count per line, or "time,count"; repeated when the run is longer`}
        </span>
      </div>
      <SimNumber label="Scale" value={traffic.scale} hint="multiplies every count" onValue={(scale) => onTraffic({ ...traffic, scale })} />
      <SimCheckbox label="Poisson within each minute" checked={traffic.poisson} onChecked={(poisson) => onTraffic({ ...traffic, poisson })} />
    </>
  );
}

/** The traffic shape of a scenario: live mode's load patterns, a daily cycle, or a replay. */
export function TrafficFields({ traffic, seed, onTraffic }: { traffic: Traffic; seed: number; onTraffic(t: Traffic): void }) {
  const rate = 'requests per second, 0–100,000';
  const fields = (() => {
    switch (traffic.kind) {
      case 'constant':
        return <SimNumber label="Rate, req/s" value={traffic.rps} hint={rate} onValue={(rps) => onTraffic({ ...traffic, rps })} />;
      case 'poisson':
        return (
          <>
            <SimNumber label="Rate, req/s" value={traffic.rps} hint="on average" onValue={(rps) => onTraffic({ ...traffic, rps })} />
            <SimNumber label="Arrival seed" value={traffic.seed} step={1} hint="same seed, same arrivals" onValue={(s) => onTraffic({ ...traffic, seed: s })} />
          </>
        );
      case 'ramp':
        return (
          <>
            <SimNumber label="Ramp start, req/s" value={traffic.fromRps} hint={rate} onValue={(fromRps) => onTraffic({ ...traffic, fromRps })} />
            <SimNumber label="Ramp end, req/s" value={traffic.toRps} hint="at the end of the run" onValue={(toRps) => onTraffic({ ...traffic, toRps })} />
          </>
        );
      case 'spike':
        return (
          <>
            <SimNumber label="Base rate, req/s" value={traffic.baseRps} hint={rate} onValue={(baseRps) => onTraffic({ ...traffic, baseRps })} />
            <SimNumber label="Spike rate, req/s" value={traffic.spikeRps} onValue={(spikeRps) => onTraffic({ ...traffic, spikeRps })} />
            <SimNumber label="Spike start, s" value={traffic.spikeStartS} onValue={(spikeStartS) => onTraffic({ ...traffic, spikeStartS })} />
            <SimNumber label="Spike length, s" value={traffic.spikeDurationS} onValue={(spikeDurationS) => onTraffic({ ...traffic, spikeDurationS })} />
          </>
        );
      case 'burst':
        return <SimNumber label="Requests in the burst" value={traffic.count} step={1} hint="all at once, at the start" onValue={(count) => onTraffic({ ...traffic, count })} />;
      case 'daily':
        return (
          <>
            <SimNumber label="Lowest rate, req/s" value={traffic.minRps} hint="twelve hours from the peak" onValue={(minRps) => onTraffic({ ...traffic, minRps })} />
            <SimNumber label="Peak rate, req/s" value={traffic.peakRps} onValue={(peakRps) => onTraffic({ ...traffic, peakRps })} />
            <SimNumber label="Peak hour" value={traffic.peakHour} hint="hours after the start, 0–24" onValue={(peakHour) => onTraffic({ ...traffic, peakHour })} />
            <SimCheckbox label="Poisson arrivals" checked={traffic.poisson} onChecked={(poisson) => onTraffic({ ...traffic, poisson })} />
          </>
        );
      case 'replay':
        return <ReplayFields traffic={traffic} onTraffic={onTraffic} />;
    }
  })();
  return (
    <>
      <SimSelect label="Traffic shape" value={traffic.kind} options={KIND_LABELS} onValue={(kind) => onTraffic(switchKind(traffic, kind, seed))} />
      {fields}
    </>
  );
}
