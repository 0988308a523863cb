import type { CliCommand } from '../command';
import { backendCommand } from './backend';
import { connectCommand } from './connect';
import { dnsCommand } from './dns';
import { explainCommand } from './explain';
import { getaddrinfoCommand } from './getaddrinfo';
import { getfqdnCommand } from './getfqdn';
import { gethostbyaddrCommand } from './gethostbyaddr';
import { gethostbynameCommand } from './gethostbyname';
import { gethostbynameExCommand } from './gethostbynameEx';
import { gethostnameCommand } from './gethostname';
import { getnameinfoCommand } from './getnameinfo';
import { getservbynameCommand } from './getservbyname';
import { getservbyportCommand } from './getservbyport';
import { getprotobynameCommand } from './getprotobyname';
import { inetAtonCommand } from './inetAton';
import { inetNtoaCommand } from './inetNtoa';
import { inetPtonCommand } from './inetPton';
import { inetNtopCommand } from './inetNtop';
import { constantsCommand } from './constants';
import { addressinfoCommand } from './addressinfo';
import { urlportCommand } from './urlport';
import { scanCommand } from './scan';
import { orderCommand } from './order';

/** Every `netlens` function, in the order `netlens --help` lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [
  gethostnameCommand,
  getfqdnCommand,
  gethostbynameCommand,
  gethostbynameExCommand,
  gethostbyaddrCommand,
  getaddrinfoCommand,
  getnameinfoCommand,
  dnsCommand,
  explainCommand,
  connectCommand,
  orderCommand,
  backendCommand,
  getservbynameCommand,
  getservbyportCommand,
  getprotobynameCommand,
  inetAtonCommand,
  inetNtoaCommand,
  inetPtonCommand,
  inetNtopCommand,
  constantsCommand,
  addressinfoCommand,
  urlportCommand,
  scanCommand,
];
