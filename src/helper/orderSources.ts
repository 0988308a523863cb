/**
 * The facts behind `netlens order`, gathered where the lookups run: per destination the source address the kernel
 * picks, found the way getaddrinfo finds it (sysdeps/posix/getaddrinfo.c: a SOCK_DGRAM socket, connect(),
 * getsockname(); connecting a UDP socket only chooses a route and sends nothing), the interface address list glibc
 * reads over netlink (here from /proc/net/if_inet6, which carries the same prefix length, index and IFA_F_* flags,
 * and os.networkInterfaces() for IPv4), the link types rule 7 asks about (/sys/class/net/<if>/type), gai.conf,
 * nsswitch.conf and which platform and C library this process runs on.
 */
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as os from 'os';
import type { InterfaceAddress, InterfaceLink } from '../core/addressOrder';
import { GAI_CONF_PATH } from '../core/gaiConf';
import { formatIPv6Glibc } from '../core/inetPton';
import type { LibcInfo, OrderDestination, OrderFacts } from '../core/orderReport';
import { readSystemFileText } from '../core/systemFiles';
import { detectLibc, hostPlatform } from './libcInfo';

/** Connects a UDP socket to the destination (no packet leaves) and reads the local address the kernel chose. */
function sourceFor(dest: OrderDestination, port: number): Promise<{ source: string | null; error: string | null }> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(dest.family === 'AF_INET6' ? 'udp6' : 'udp4');
    let settled = false;
    const finish = (source: string | null, error: string | null): void => {
      if (settled) return;
      settled = true;
      socket.close();
      resolve({ source, error });
    };
    socket.on('error', (err: NodeJS.ErrnoException) => finish(null, err.code ?? err.message));
    // A link-local destination needs its zone; getaddrinfo returned it as sin6_scope_id (an interface index).
    const zone = dest.family === 'AF_INET6' && dest.scopeId !== 0 ? `%${interfaceName(dest.scopeId) ?? dest.scopeId}` : '';
    try {
      // dgram hands a failed connect (ENETUNREACH: no route) to this callback, with the socket bound to the wildcard.
      socket.connect(port, `${dest.address}${zone}`, (err?: NodeJS.ErrnoException) => {
        if (err) return finish(null, err.code ?? err.message);
        try {
          finish(socket.address().address.replace(/%.*$/, ''), null);
        } catch (err) {
          finish(null, err instanceof Error ? err.message : String(err));
        }
      });
    } catch (err) {
      finish(null, (err as NodeJS.ErrnoException).code ?? String(err));
    }
  });
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Interface name → index and link type, from sysfs (the current network namespace's interfaces). */
function links(): (InterfaceLink & { name: string })[] {
  let names: string[] = [];
  try {
    names = fs.readdirSync('/sys/class/net');
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const index = Number(readText(`/sys/class/net/${name}/ifindex`));
    const type = Number(readText(`/sys/class/net/${name}/type`));
    return Number.isInteger(index) && index > 0 ? [{ name, index, type: Number.isInteger(type) ? type : 0 }] : [];
  });
}

function interfaceName(index: number): string | null {
  return links().find((l) => l.index === index)?.name ?? null;
}

/**
 * /proc/net/if_inet6: `address ifindex prefixlen scope flags name`, all hex; the flags are the address's IFA_F_*
 * bits (deprecated, optimistic, home address…), the ones glibc's rules 3 and 4 look at.
 */
export function parseIfInet6(text: string): InterfaceAddress[] {
  return text.split('\n').flatMap((line) => {
    const f = line.trim().split(/\s+/);
    if (f.length < 6 || !/^[0-9a-f]{32}$/i.test(f[0])) return [];
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => parseInt(f[0].slice(2 * i, 2 * i + 2), 16));
    return [{ address: formatIPv6Glibc(bytes), index: parseInt(f[1], 16), prefixLength: parseInt(f[2], 16), flags: parseInt(f[4], 16) }];
  });
}

/**
 * Addresses of one family with their prefix length and interface index (an alias label such as eth0:1 is eth0's),
 * from libuv's list. libuv lists only interfaces that are up and running, where glibc's netlink dump has every
 * address: an address on a down interface can be no source, but it does count for AI_ADDRCONFIG there and not
 * here. Used for IPv4 everywhere and for IPv6 where /proc/net/if_inet6 does not exist (macOS, Windows: there only
 * AI_ADDRCONFIG's families are drawn from it).
 */
export function interfaceAddresses(
  family: 'IPv4' | 'IPv6',
  byName: ReadonlyMap<string, number>,
  list: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()
): InterfaceAddress[] {
  return Object.entries(list).flatMap(([name, addresses]) =>
    (addresses ?? [])
      .filter((a) => a.family === family)
      .map((a) => ({
        address: a.address,
        prefixLength: Number(a.cidr?.split('/')[1] ?? (family === 'IPv4' ? 32 : 128)),
        index: byName.get(name.split(':')[0]) ?? (a.family === 'IPv6' ? a.scopeid : 0) ?? 0,
        flags: 0,
      }))
  );
}

/** The C library this process runs on, in the order report's terms (detected once, in libcInfo.ts). */
export function libcInfo(): LibcInfo {
  const libc = detectLibc();
  return { name: libc.platform === 'unsupported' ? 'unknown' : libc.platform, version: libc.version };
}

export async function orderSources(destinations: readonly OrderDestination[], port: number): Promise<OrderFacts> {
  const sources = await Promise.all(destinations.map(async (d) => ({ address: d.address, ...(await sourceFor(d, port)) })));
  const linkList = links();
  const byName = new Map(linkList.map((l) => [l.name, l.index]));
  const inet6 = readSystemFileText('/proc/net/if_inet6');
  const gai = readSystemFileText(GAI_CONF_PATH);
  return {
    sources,
    interfaces: [...interfaceAddresses('IPv4', byName), ...(inet6.text ? parseIfInet6(inet6.text) : process.platform === 'linux' ? [] : interfaceAddresses('IPv6', byName))],
    links: linkList.map(({ index, type }) => ({ index, type })),
    gaiConf: { path: GAI_CONF_PATH, text: gai.text, problem: gai.problem },
    libc: libcInfo(),
    platform: hostPlatform(),
    nsswitch: readSystemFileText('/etc/nsswitch.conf').text,
    hostname: os.hostname(),
  };
}
