export interface HealthCheck {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  version: string;
  uptimeSeconds: number;
  checks: Record<string, HealthCheck>;
}

export type Probe = () => Promise<void>;

// Each dependency gets a probe with a deadline; one slow dependency cannot hang the health check.
export class HealthService {
  private readonly startedAt = performance.now();

  constructor(
    private readonly probes: Record<string, Probe>,
    private readonly version: string,
    private readonly timeoutMs = 2000,
  ) {}

  async check(): Promise<HealthReport> {
    const entries = await Promise.all(Object.entries(this.probes).map(async ([name, probe]) => [name, await this.run(probe)] as const));
    const checks = Object.fromEntries(entries);
    const allUp = entries.every(([, check]) => check.status === 'up');
    return { status: allUp ? 'ok' : 'unavailable', version: this.version, uptimeSeconds: Math.round((performance.now() - this.startedAt) / 1000), checks };
  }

  private async run(probe: Probe): Promise<HealthCheck> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
