#!/usr/bin/env node
/**
 * `npm run test:stress`: the end-to-end suite while busy processes keep every
 * core loaded, as on a newcomer's laptop or a shared CI box. The burners are
 * started here and stopped by their PIDs when the suite ends (whatever its
 * outcome). Extra arguments go to Playwright; STRESS_RUNS=3 repeats the suite
 * (stopping at the first failure).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const cores = availableParallelism();
const runs = Math.max(1, Number(process.env.STRESS_RUNS ?? 1));
const burners = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', 'for (;;) { Math.sqrt(Math.random()); }'], { stdio: 'ignore' }),
);
const pids = burners.map((b) => b.pid);
console.log(`test:stress: ${burners.length} busy processes (PIDs ${pids.join(', ')}) keep ${cores} cores loaded`);

function stopBurners() {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.on('exit', stopBurners);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

let code = 0;
for (let run = 1; run <= runs && code === 0; run += 1) {
  if (runs > 1) console.log(`test:stress: run ${run} of ${runs}`);
  code = await new Promise((resolve) => {
    const pw = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
    pw.on('exit', (c) => resolve(c ?? 1));
  });
}
stopBurners();
console.log(`test:stress: burners stopped; ${code === 0 ? 'passed' : 'FAILED'}`);
process.exit(code);
