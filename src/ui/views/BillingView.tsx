import { useRun } from '../../state/runStore';
import { BillingPanel } from '../BillingPanel';
import { ServiceCharges } from '../billing/ServiceCharges';
import { ContentionNote } from '../run/ContentionNote';
import { ScopeSelect } from '../run/ScopeSelect';
import { useRunResults } from '../run/useRunResults';

/** The detailed bill of the run: its breakdown, the prices and every invocation behind the total. */
export default function BillingView() {
  const results = useRunResults({ withBill: true });
  const billOptions = useRun((s) => s.billOptions);
  const setBillOptions = useRun((s) => s.setBillOptions);
  return (
    <div className="view-stack">
      <div className="view-toolbar">
        <ScopeSelect id="billing-scope" />
      </div>
      <ContentionNote records={results.records} billed />
      {results.bill && <BillingPanel bill={results.bill} options={billOptions} onOptionsChange={setBillOptions} />}
      <ServiceCharges />
    </div>
  );
}
