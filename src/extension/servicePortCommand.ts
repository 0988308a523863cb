import * as vscode from 'vscode';
import { Commands } from './commandIds';
import type { CommandRegistry } from './commands';
import { defaultServicesDatabase, type ServiceEntry } from '../core/servicesDb';
import { withoutLinks } from './untrustedText';
import { lineSource } from '../core/systemFiles';

/** What the command answers: the matching services-database lines, and the database they came from. */
export interface ServicePortAnswer {
  query: string;
  /** The services database consulted, in the user's words (a file, its first 4 MiB, or the bundled table and why). */
  source: string;
  /** The file the entries' line numbers refer to; null for the bundled table. */
  file: string | null;
  entries: ServiceEntry[];
}

/**
 * `NetLens: Look Up Service Port…`: a service name (`imaps`, `postgresql/tcp`) or a port (`143`, `53/udp`) in
 * the services database, as getservbyname/getservbyport read it (first line wins). No network involved.
 */
export function registerServicePortCommand(commands: CommandRegistry): vscode.Disposable {
  return commands.register(Commands.lookUpServicePort, async (queryArg?: unknown): Promise<ServicePortAnswer | undefined> => {
    const query =
      typeof queryArg === 'string' && queryArg.trim()
        ? queryArg.trim()
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('NetLens: Look Up Service Port'),
            prompt: vscode.l10n.t('A service name or a port, optionally with /tcp or /udp'),
            placeHolder: 'imaps   ·   443   ·   53/udp',
            validateInput: (v) => (/^[^\s/]+(\/[A-Za-z0-9-]+)?$/.test(v.trim()) ? undefined : vscode.l10n.t('Type a name such as "https" or a port such as "443/tcp"')),
          });
    if (!query) return undefined;
    const answer = lookUp(query.trim());
    if (answer.entries.length === 0) {
      // The query is what the user typed (or a command argument): no link may come out of it.
      const notFound = /^\d+/.test(query) ? vscode.l10n.t('NetLens: port/proto not found: {0} ({1})', query, answer.source) : vscode.l10n.t('NetLens: service/proto not found: {0} ({1})', query, answer.source);
      void vscode.window.showWarningMessage(withoutLinks(notFound));
      return answer;
    }
    void vscode.window.showQuickPick(
      answer.entries.map((e) => ({
        label: `${e.name}  ${e.port}/${e.proto}`,
        description: e.aliases.length ? vscode.l10n.t('aliases: {0}', e.aliases.join(', ')) : undefined,
        detail: lineSource(answer, e.lineNumber),
      })),
      { title: vscode.l10n.t('{0} in the services database', query), placeHolder: vscode.l10n.t('The first line is what getservbyname/getservbyport return') }
    );
    return answer;
  });
}

/** Every protocol's first match (tcp, udp, …), in file order, so `443` shows https/tcp and https/udp. */
function lookUp(query: string): ServicePortAnswer {
  const db = defaultServicesDatabase();
  const [what, proto = null] = query.split('/', 2);
  const matches = db.all().filter((e) => (proto === null || e.proto === proto) && (/^\d+$/.test(what) ? e.port === Number(what) : e.name === what || e.aliases.includes(what)));
  const firstPerProto = matches.filter((e, i) => matches.findIndex((o) => o.proto === e.proto) === i);
  return { query, source: db.source, file: db.file, entries: firstPerProto };
}
