import { useServiceBill } from '../../state/serviceBillStore';
import type { BilledService } from '../../core/services/servicePricing';
import type { ServiceBillLine } from '../../core/services/serviceBill';
import { formatMoney, formatPicos, formatSmallMoney } from './money';

const SERVICE_NAMES: Record<BilledService, string> = { dynamodb: 'DynamoDB', s3: 'S3', sqs: 'SQS', sns: 'SNS', eventbridge: 'EventBridge' };

/** A unit price as the price pages write it: per million, or per 1,000 for S3. */
function priceText(l: ServiceBillLine): string {
  return l.service === 's3' ? `$${+(l.unitPriceUsd * 1_000).toPrecision(6)} / 1,000` : `$${+(l.unitPriceUsd * 1_000_000).toPrecision(6)} / million`;
}

/** The services' charges of the session: what the handlers' SDK calls were billed as, shown once any was. */
export function ServiceCharges() {
  const bill = useServiceBill((s) => s.bill);
  if (bill.lines.length === 0) return null;
  return (
    <section className="panel run-panel billing-panel" aria-labelledby="service-charges-heading">
      <h2 id="service-charges-heading">Services</h2>
      <p className="hint">
        Every function’s SDK calls, at AWS’s us-east-1 list prices (the README cites each), without free tiers; data transfer and storage are not counted. Reset run clears them.
      </p>
      <table className="bill-lines" aria-label="Service charges">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Counted</th>
            <th scope="col">Count</th>
            <th scope="col">Price</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {bill.lines.map((l) => (
            <tr key={`${l.service} ${l.action} ${l.counted}`}>
              <th scope="row">
                {SERVICE_NAMES[l.service]} {l.action}
              </th>
              <td>{l.counted}</td>
              <td className="num">{l.count.toLocaleString('en-US')}</td>
              <td className="num">{priceText(l)}</td>
              <td className="num" title={formatPicos(l.picos)}>
                {formatSmallMoney(l.picos / 1e12)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Services total
            </th>
            <td className="num" title={formatPicos(bill.totalPicos)}>
              {formatMoney(bill.totalPicos / 1e12)}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
