import { DEFAULT_HYBRID, type KeepAliveSpec } from '../../core/sim/scenario';
import { SimNumber, SimSelect } from './SimField';

type Choice = 'lambda' | 'azure' | 'custom' | 'hybrid';

const CHOICES: Record<Choice, string> = {
  lambda: 'Fixed: 10 minutes (Lambda, observed)',
  azure: 'Fixed: 20 minutes (Azure Functions)',
  custom: 'Fixed: custom',
  hybrid: 'Hybrid histogram (Serverless in the Wild)',
};

function choiceOf(k: KeepAliveSpec): Choice {
  if (k.policy === 'hybrid') return 'hybrid';
  return k.minutes === 10 ? 'lambda' : k.minutes === 20 ? 'azure' : 'custom';
}

/** The keep-alive policy: fixed (Lambda's, Azure's or any), or the hybrid histogram policy and its parameters. */
export function KeepAliveFields({ keepAlive, onKeepAlive }: { keepAlive: KeepAliveSpec; onKeepAlive(k: KeepAliveSpec): void }) {
  const choose = (c: Choice): void => {
    if (c === 'hybrid') onKeepAlive({ ...DEFAULT_HYBRID, policy: 'hybrid' });
    else onKeepAlive({ policy: 'fixed', minutes: c === 'lambda' ? 10 : c === 'azure' ? 20 : keepAlive.policy === 'fixed' ? keepAlive.minutes : 15 });
  };
  return (
    <>
      <SimSelect label="Keep-alive policy" value={choiceOf(keepAlive)} options={CHOICES} onValue={choose} />
      {keepAlive.policy === 'fixed' && (
        <SimNumber label="Keep-alive (minutes)" value={keepAlive.minutes} hint="idle environments are reclaimed after this" onValue={(minutes) => onKeepAlive({ ...keepAlive, minutes })} />
      )}
      {keepAlive.policy === 'hybrid' && (
        <>
          <SimNumber label="Histogram range (minutes)" value={keepAlive.rangeMinutes} hint="paper: 240" onValue={(rangeMinutes) => onKeepAlive({ ...keepAlive, rangeMinutes })} />
          <SimNumber label="Pre-warm percentile" value={keepAlive.headPercentile} hint="head of idle times, paper: 5" onValue={(headPercentile) => onKeepAlive({ ...keepAlive, headPercentile })} />
          <SimNumber label="Keep-alive percentile" value={keepAlive.tailPercentile} hint="tail of idle times, paper: 99" onValue={(tailPercentile) => onKeepAlive({ ...keepAlive, tailPercentile })} />
          <SimNumber label="Margin (%)" value={keepAlive.marginPercent} hint="paper: 10" onValue={(marginPercent) => onKeepAlive({ ...keepAlive, marginPercent })} />
          <SimNumber label="CV threshold" value={keepAlive.cvThreshold} hint="below it the histogram is not a pattern, paper: 2" onValue={(cvThreshold) => onKeepAlive({ ...keepAlive, cvThreshold })} />
        </>
      )}
    </>
  );
}
