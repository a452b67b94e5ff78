import type { Scenario } from '../core/sim/scenario';
import type { SimProgress } from '../core/sim/simulation';
import type { SimReport } from '../core/sim/simReport';

/** To the simulation worker. */
export type SimToWorker = { t: 'run'; scenario: Scenario };

/** From the simulation worker. */
export type SimFromWorker =
  | { t: 'progress'; progress: SimProgress }
  | { t: 'done'; report: SimReport; wallMs: number }
  | { t: 'error'; message: string };
