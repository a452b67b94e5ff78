import type * as ServiceBillModule from './serviceBillStore';

let loaded: Promise<typeof ServiceBillModule> | null = null;

/** The services' bill and its prices load with the first billed request, outside the first load. */
export function loadServiceBill(): Promise<typeof ServiceBillModule> {
  loaded ??= import('./serviceBillStore');
  return loaded;
}

/**
 * Empty the services' bill, after the adds already queued (the import settles
 * in order). Until a request was billed, nothing loaded it and it is empty:
 * nothing to load then.
 */
export function resetServiceBill(): void {
  void loaded?.then((m) => m.useServiceBill.getState().reset());
}
