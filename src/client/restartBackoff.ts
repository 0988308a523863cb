/**
 * Restart delays for a crashing helper: the first restart is immediate, repeated crashes back off
 * exponentially up to a cap, and a helper that stayed up for a while resets the count.
 */
export class RestartBackoff {
  private recentCrashes = 0;
  private startedAt = 0;

  constructor(
    private readonly baseMs = 250,
    private readonly maxMs = 30_000,
    private readonly healthyAfterMs = 60_000,
    private readonly now: () => number = Date.now
  ) {}

  started(): void {
    this.startedAt = this.now();
  }

  /** Delay before the next start, after an exit. */
  nextDelayMs(): number {
    if (this.now() - this.startedAt >= this.healthyAfterMs) this.recentCrashes = 0;
    this.recentCrashes++;
    if (this.recentCrashes === 1) return 0;
    return Math.min(this.maxMs, this.baseMs * 2 ** (this.recentCrashes - 2));
  }
}
