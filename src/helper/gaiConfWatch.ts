/**
 * glibc reads /etc/gai.conf once per process (getaddrinfo.c: `__libc_once (once, gaiconf_init)` at the first
 * answer with two or more addresses) and again only if the file itself says `reload yes`. The helper lives as long
 * as the editor, so without help it would keep sorting with the table it read first while every newly started
 * program uses the new one. The helper therefore notes the file's identity before its first getaddrinfo and, when
 * it has changed at a later one, retires (exits with HELPER_EXIT_RESTART) before answering: the client starts a
 * fresh helper, whose glibc reads the file again, and sends it the same requests.
 */
import * as fs from 'fs';
import { GAI_CONF_PATH } from '../core/gaiConf';

/** Device, inode, size and change times: an edit in place or a rename over the file both change it. */
function identity(path: string): string {
  try {
    const s = fs.statSync(path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (err) {
    return `absent:${(err as NodeJS.ErrnoException).code ?? 'EIO'}`;
  }
}

export class GaiConfWatch {
  private baseline: string | undefined;

  constructor(private readonly path: string = GAI_CONF_PATH) {}

  /**
   * Called before each getaddrinfo: true when the file is no longer the one this process's glibc may have read.
   * The first call records the file (glibc reads it during that call or a later one, never before).
   */
  changed(): boolean {
    const now = identity(this.path);
    if (this.baseline === undefined) this.baseline = now;
    return now !== this.baseline;
  }
}
