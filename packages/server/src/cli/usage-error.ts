import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake on the command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, with its errors turned into UsageErrors that name the option. */
export function parseOptions<T extends Options>(args: readonly string[], options: T): ReturnType<typeof parseArgs<{ options: T; args: string[]; strict: true; allowPositionals: false }>>['values'] {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** An integer option, or a UsageError naming the option. */
export function integerOption(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

/** A rate in [0, 1], or a UsageError naming the option. */
export function rateOption(name: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--${name} must be a number from 0 to 1, got "${value}"`);
  }
  return number;
}
