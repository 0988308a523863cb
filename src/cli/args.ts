import { UsageError, type ParsedCommandArgs } from './command';

/** A small, strict parser: positionals, `--name value`, `--name=value` and switches; `-` is a positional. */
export function parseArgs(argv: readonly string[], valueOptions: readonly string[], switchOptions: readonly string[]): ParsedCommandArgs {
  const parsed: ParsedCommandArgs = { positionals: [], options: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (switchOptions.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.switches.add(name);
    } else if (valueOptions.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      parsed.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}

/** Checks the number of positionals against the command's usage. */
export function expectPositionals(args: ParsedCommandArgs, min: number, max: number): string[] {
  if (args.positionals.length < min || args.positionals.length > max) throw new UsageError(`expected ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${args.positionals.length}`);
  return args.positionals;
}
