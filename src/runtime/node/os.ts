/**
 * `os`: the figures of a Lambda execution environment (Amazon Linux 2023,
 * user sbx_user1051, 2 vCPUs on x86_64 or arm64), from the process shim
 * where it has them. Memory reads the function's configured size.
 */
interface ProcessLike {
  arch: string;
  env: Record<string, string | undefined>;
  uptime(): number;
}

const proc = (): ProcessLike => (globalThis as unknown as { process: ProcessLike }).process;
const memoryBytes = (): number => Number(proc().env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? 128) * 1024 * 1024;

const os = {
  EOL: '\n',
  devNull: '/dev/null',
  arch: () => proc().arch,
  platform: () => 'linux',
  type: () => 'Linux',
  release: () => '5.10.240-258.947.amzn2.x86_64',
  version: () => '#1 SMP Tue Jan 1 00:00:00 UTC 2026',
  machine: () => (proc().arch === 'arm64' ? 'aarch64' : 'x86_64'),
  hostname: () => '169.254.100.1',
  homedir: () => '/home/sbx_user1051',
  tmpdir: () => '/tmp',
  endianness: () => 'LE',
  uptime: () => Math.floor(proc().uptime()),
  loadavg: () => [0, 0, 0],
  totalmem: memoryBytes,
  freemem: () => Math.floor(memoryBytes() * 0.9),
  availableParallelism: () => 2,
  cpus: () => Array.from({ length: 2 }, () => ({ model: 'unknown', speed: 2500, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } })),
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: 993, gid: 990, username: 'sbx_user1051', homedir: '/home/sbx_user1051', shell: null }),
  constants: { signals: { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }, errno: {} },
};

export default os;
