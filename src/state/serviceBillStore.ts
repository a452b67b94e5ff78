import { create } from 'zustand';
import type { BilledRequests } from '../core/services/serviceTypes';
import { addBilled, EMPTY_SERVICE_BILL, type ServiceBill } from '../core/services/serviceBill';

interface ServiceBillState {
  /** What the workspace's services billed this session, since the last Reset run. */
  bill: ServiceBill;
  add(b: BilledRequests): void;
  reset(): void;
}

/** The services' side of the bill: what the handlers' SDK calls were billed as (the hub reports each request through its ports). */
export const useServiceBill = create<ServiceBillState>((set) => ({
  bill: EMPTY_SERVICE_BILL,
  add(b) {
    set((s) => {
      const bill = addBilled(s.bill, b);
      return bill === s.bill ? s : { bill };
    });
  },
  reset() {
    set({ bill: EMPTY_SERVICE_BILL });
  },
}));
