import type { CliCommand } from '../command';
import { backendCommand } from './backend';
import { getaddrinfoCommand } from './getaddrinfo';
import { gethostnameCommand } from './gethostname';

/** Every `netlens` function, in the order `netlens --help` lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [gethostnameCommand, getaddrinfoCommand, backendCommand];
