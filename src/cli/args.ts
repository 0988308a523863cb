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

/**
 * An argument as Python's int() reads the text (`80`, `-1`, ` 70000 `, `1_000`: decimal, optional sign, single
 * underscores between digits, surrounding whitespace), at arbitrary precision; null when int() would refuse it.
 * The one grammar for every integer the CLI takes (ports, protocol numbers, flowinfo, scope ids).
 */
export function pythonInt(text: string): bigint | null {
  return /^\s*[+-]?[0-9]+(?:_[0-9]+)*\s*$/.test(text) ? BigInt(text.trim().replace(/_/g, '')) : null;
}

/** pythonInt, or a usage error that names the argument. */
export function parseIntArg(text: string, what: string): bigint {
  const n = pythonInt(text);
  if (n === null) throw new UsageError(`${what} must be an integer, not ${JSON.stringify(text)}`);
  return n;
}
