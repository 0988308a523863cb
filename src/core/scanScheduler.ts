/**
 * When a view that shows the result of a long scan (Hosts in This File) scans: debounced after changes, only while
 * someone sees the view (a change while it is hidden makes it stale, and it scans when shown), the newest scan wins
 * (an older one stops at its next yield), and a caller can wait until the scans have settled. Pure (no vscode): the
 * scan itself is a parameter, so the timing rules have unit tests in plain Node.
 */
export class ScanScheduler {
  /** Each scan's number: a scan that is no longer the latest stops at its next yield. */
  private generation = 0;
  /** The newest scan started; settling waits for it, and for any that replaced it meanwhile. */
  private latest: Promise<void> = Promise.resolve();
  /** The debounce timer of the scan waiting to start, if any. */
  private timer: NodeJS.Timeout | undefined;
  /** Whether anyone sees the result: while hidden, changes only mark it stale (scanning would only cost CPU). */
  private visible = false;
  /** Something changed while hidden, or nothing was scanned yet: scan when shown. */
  private stale = true;

  /**
   * @param scan does one scan; once it really starts (it may find nothing to scan) it calls `begin()` and stops at its
   *   next yield when the test that returns says it was superseded. `force` is the caller's (scan beyond the limits).
   * @param onError hears a scan that threw: a scanner bug must not leave a rejected promise behind a timer.
   */
  constructor(
    private readonly scan: (force: boolean) => Promise<void>,
    private readonly onError: (err: unknown) => void
  ) {}

  /**
   * Called by the scan when it starts for real: the result is no longer stale, every older scan is superseded, and
   * the returned test tells this one when a newer scan (or `supersede()`) took over.
   */
  begin(): () => boolean {
    this.stale = false;
    const generation = ++this.generation;
    return () => generation !== this.generation;
  }

  /** Stops the running scan at its next yield (its document closed) without starting another. */
  supersede(): void {
    this.generation++;
  }

  /** Starts a scan now (no debounce, visible or not). */
  rescan(force = false): Promise<void> {
    return (this.latest = this.scan(force).catch(this.onError));
  }

  /** Starts a scan now and waits until the newest scan (perhaps a later one) has finished. */
  async rescanAndSettle(force: boolean): Promise<void> {
    void this.rescan(force);
    let current: Promise<void>;
    do {
      current = this.latest;
      await current;
    } while (current !== this.latest);
  }

  /** Something changed: rescan after `delayMs()` of quiet, or, while hidden, once the view is shown. */
  schedule(delayMs: () => number): void {
    clearTimeout(this.timer);
    if (!this.visible) {
      this.stale = true;
      return;
    }
    this.timer = setTimeout(() => void this.rescan(), delayMs());
  }

  /** The view appeared (at activation): visible, it scans after the debounce, as after a change; hidden, once shown. */
  opened(visible: boolean, delayMs: () => number): void {
    this.visible = visible;
    this.schedule(delayMs);
  }

  /** The view was shown or hidden: shown with a stale result, it scans at once. */
  visibilityChanged(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale) void this.rescan();
  }

  /** No scan waits to start, and the running one stops at its next yield. */
  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
  }
}
