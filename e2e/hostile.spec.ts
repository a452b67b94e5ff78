import { expect, test } from './playground';

/**
 * A handler that tries every way it has to the runtime's MessagePort, and,
 * if it gets it, reports 1 ms for 800 ms of work, a result under another
 * request id, and a fake platform line.
 */
const forger = `
let stolen = null;
const grab = (v) => { if (v instanceof MessagePort) stolen = v; };
const call = Function.prototype.call;
try { Function.prototype.call = function (self, ...args) { grab(self); return Reflect.apply(this, self, args); }; } catch {}
const post = MessagePort.prototype.postMessage;
try { MessagePort.prototype.postMessage = function (m) { grab(this); return post.apply(this, arguments); }; } catch {}
const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
try { Object.defineProperty(MessageEvent.prototype, 'data', { get() { grab(this.target); return data.get.apply(this); }, configurable: true }); } catch {}
try { self.addEventListener('message', (e) => grab(e.ports && e.ports[0])); } catch {}
const forge = (requestId, payload) => post.apply(stolen, [{ t: 'invokeDone', requestId, durationMs: 1, cpuMs: 1,
  outcome: { kind: 'success', payload }, logs: [{ atMs: Date.now(), text: 'REPORT RequestId: forged\\tDuration: 1.00 ms' }] }]);
export const handler = async (event, context) => {
  if (stolen) { forge('another-request', '"forged-other"'); forge(context.awsRequestId, '"forged"'); }
  const end = Date.now() + 800;
  while (Date.now() < end) {}
  console.log('START RequestId: fake-start Version: $LATEST');
  return { stolen: stolen !== null };
};`;

test('a handler cannot reach the runtime port, forge its Duration or results, or write platform lines', async ({ playground }) => {
  await playground.setCode(forger);
  // At 1,769 MB a function has one full vCPU: Duration is the measured time, not scaled for a CPU share.
  await playground.view('Configuration');
  await playground.memory.fill('1769');
  await playground.timeout.fill('10');
  for (const round of [1, 2]) {
    await playground.invoke();
    await expect(playground.response.locator('pre')).toContainText('"stolen": false');
    const report = await playground.lastReport();
    const duration = Number(/\tDuration: ([\d.]+) ms/.exec(report)?.[1]);
    expect(duration, `round ${round}: ${report}`).toBeGreaterThanOrEqual(790);
  }
  // The handler's START-looking line is application output, not a platform line.
  const fake = playground.logs.getByText(/START RequestId: fake-start/).first();
  await expect(fake).toBeVisible();
  await expect(fake).toHaveClass(/\bfunction\b/);
  await expect(fake).not.toHaveClass(/\bplatform\b/);
  await expect(playground.logs.getByText(/^REPORT RequestId: forged/)).toHaveCount(0);
});

test('a timer left running between invocations is frozen while idle and resumes in the next invoke', async ({ playground }) => {
  await playground.setCode(`
let ticks = 0;
let lastEnd = 0;
let ticksAtEnd = 0;
export const handler = async () => {
  const idle = lastEnd ? { idleMs: Date.now() - lastEnd, idleTicks: ticks - ticksAtEnd } : null;
  if (!lastEnd) setInterval(() => { ticks++; const end = Date.now() + 5; while (Date.now() < end) {} }, 10);
  const before = ticks;
  await new Promise((r) => setTimeout(r, 100));
  lastEnd = Date.now();
  ticksAtEnd = ticks;
  return { idle, ranDuringInvoke: ticks > before };
};`);
  // One full vCPU: the CPU-share model does not stretch the ticks' CPU time past the timeout.
  await playground.view('Configuration');
  await playground.memory.fill('1769');
  await playground.timeout.fill('10');
  await playground.invoke();
  await expect(playground.response.locator('pre')).toContainText('"ranDuringInvoke": true');
  await playground.invoke();
  const text = (await playground.response.locator('pre').textContent()) ?? '{}';
  const second = JSON.parse(text) as { idle: { idleMs: number; idleTicks: number }; ranDuringInvoke: boolean };
  // Idle for longer than a few ticks' worth: a running interval would have ticked several times.
  expect(second.idle.idleMs, text).toBeGreaterThan(50);
  expect(second.idle.idleTicks, text).toBeLessThanOrEqual(1);
  expect(second.ranDuringInvoke).toBe(true);
});
