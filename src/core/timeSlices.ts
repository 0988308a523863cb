/**
 * Long work on the extension host (scanning a 200k-line file, hints for a whole file) done in slices: every
 * extension shares this thread, so after `sliceMs` the work yields to the event loop and hovers, commands and
 * typing get their turn. The caller checks after each yield whether its work is still wanted.
 */
export class TimeSlices {
  private sliceStart = performance.now();
  private longest = 0;

  constructor(private readonly sliceMs: number) {}

  /** Yields once the current slice has run longer than `sliceMs`; true if it did. */
  async yieldIfDue(): Promise<boolean> {
    const ran = performance.now() - this.sliceStart;
    if (ran <= this.sliceMs) return false;
    this.longest = Math.max(this.longest, ran);
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
    return true;
  }

  /** The longest time the work held the thread without yielding, the current slice included. */
  longestSliceMs(): number {
    return Math.max(this.longest, performance.now() - this.sliceStart);
  }
}
