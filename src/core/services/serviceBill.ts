import type { BilledRequests } from './serviceTypes';
import { unitPrice, type BilledService } from './servicePricing';

/** One line of the services' bill: a service's action and the unit it is billed in. */
export interface ServiceBillLine {
  service: BilledService;
  action: string;
  /** What was counted ("read request units", "requests (64 KiB chunks)"). */
  counted: string;
  count: number;
  unitPriceUsd: number;
  /** Cost in picodollars: each request's cost is rounded to the picodollar before it is added, as the Lambda bill does. */
  picos: number;
}

/** The services' charges of a session, by line, in the order they first appeared. Immutable: `addBilled` returns a new bill. */
export interface ServiceBill {
  lines: readonly ServiceBillLine[];
  totalPicos: number;
}

export const EMPTY_SERVICE_BILL: ServiceBill = { lines: [], totalPicos: 0 };

const PICOS_PER_USD = 1e12;

/** `bill` with what one request was billed as added; a request that counts nothing leaves it unchanged. */
export function addBilled(bill: ServiceBill, b: BilledRequests): ServiceBill {
  if (!(b.count > 0)) return bill;
  const { usd, counted } = unitPrice(b);
  const picos = Math.round(b.count * usd * PICOS_PER_USD);
  const i = bill.lines.findIndex((l) => l.service === b.service && l.action === b.action && l.counted === counted);
  const lines = [...bill.lines];
  if (i < 0) lines.push({ service: b.service, action: b.action, counted, count: b.count, unitPriceUsd: usd, picos });
  else {
    const l = lines[i]!;
    lines[i] = { ...l, count: l.count + b.count, picos: l.picos + picos };
  }
  return { lines, totalPicos: bill.totalPicos + picos };
}

/** Totals per service, in picodollars. */
export function totalsByService(bill: ServiceBill): Partial<Record<BilledService, number>> {
  const out: Partial<Record<BilledService, number>> = {};
  for (const l of bill.lines) out[l.service] = (out[l.service] ?? 0) + l.picos;
  return out;
}

/** The bill's total in USD. */
export function serviceBillUsd(bill: ServiceBill): number {
  return bill.totalPicos / PICOS_PER_USD;
}
