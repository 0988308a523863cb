import { platformDescription, type PlatformId } from '../core/platform';
import { FallbackBackend } from './fallbackBackend';
import { loadNativeResolver, NativeBackend, nativeAddonPath } from './nativeBackend';
import type { ResolverBackend } from './resolverBackend';

/**
 * The native addon built for this platform (core/platform.ts picks its folder), else the dns.lookup fallback with
 * the reason in `note`: the helper logs it once when it starts, and `ping` and the fallback's answers carry it.
 */
export function selectBackend(helperDir: string, platform: PlatformId, env: NodeJS.ProcessEnv = process.env): { backend: ResolverBackend; note: string | null } {
  if (env.NETLENS_FORCE_FALLBACK === '1') return { backend: new FallbackBackend(platform), note: 'NETLENS_FORCE_FALLBACK=1 is set' };
  const addon = nativeAddonPath(helperDir, platform);
  if (addon === null) return { backend: new FallbackBackend(platform), note: `no native addon is built for ${platformDescription(platform)}` };
  try {
    return { backend: new NativeBackend(loadNativeResolver(addon), platform), note: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { backend: new FallbackBackend(platform), note: `native addon for ${addon.target} not loaded: ${reason}` };
  }
}
