import { FallbackBackend } from './fallbackBackend';
import { loadNativeResolver, NativeBackend, nativeAddonPath } from './nativeBackend';
import type { ResolverBackend } from './resolverBackend';

/** The native addon where it exists for this platform, else the dns.lookup fallback, with the reason. */
export function selectBackend(helperDir: string): { backend: ResolverBackend; note: string | null } {
  if (process.env.NETLENS_FORCE_FALLBACK === '1') return { backend: new FallbackBackend(), note: 'NETLENS_FORCE_FALLBACK=1 is set' };
  const addonPath = nativeAddonPath(helperDir);
  try {
    return { backend: new NativeBackend(loadNativeResolver(addonPath)), note: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { backend: new FallbackBackend(), note: `native addon not loaded (${reason})` };
  }
}
