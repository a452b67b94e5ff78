import { validation } from './dynamoDbError';

/**
 * DynamoDB numbers are decimals of up to 38 significant digits, magnitude
 * 1E-130 to 9.9999999999999999999999999999999999999E+125, stored and
 * returned normalised ("1.50" comes back as "1.5", "1e2" as "100").
 * Arithmetic is exact, as DynamoDB's is: BigInt mantissa and a base-10 exponent.
 */
interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function parseDecimal(text: string): Decimal | null {
  const trimmed = text.trim();
  if (!NUMBER_PATTERN.test(trimmed)) return null;
  const [base = '', exp = '0'] = trimmed.split(/[eE]/);
  const negative = base.startsWith('-');
  const unsigned = base.replace(/^[+-]/, '');
  const [whole = '', fraction = ''] = unsigned.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+/, '') || '0';
  let mantissa = BigInt(digits);
  let exponent = Number(exp) - fraction.length;
  if (mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa: negative ? -mantissa : mantissa, exponent };
}

function digitCount(mantissa: bigint): number {
  return (mantissa < 0n ? -mantissa : mantissa).toString().length;
}

function check(d: Decimal): Decimal {
  if (d.mantissa === 0n) return d;
  const digits = digitCount(d.mantissa);
  if (digits > 38) throw validation('Attempting to store more than 38 significant digits in a Number');
  const magnitude = d.exponent + digits - 1;
  if (magnitude > 125) throw validation('Number overflow. Attempting to store a number with magnitude larger than supported range');
  if (magnitude < -130) throw validation('Number underflow. Attempting to store a number with magnitude smaller than supported range');
  return d;
}

function render(d: Decimal): string {
  if (d.mantissa === 0n) return '0';
  const sign = d.mantissa < 0n ? '-' : '';
  const digits = (d.mantissa < 0n ? -d.mantissa : d.mantissa).toString();
  if (d.exponent >= 0) return sign + digits + '0'.repeat(d.exponent);
  const point = digits.length + d.exponent;
  if (point > 0) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${sign}0.${'0'.repeat(-point)}${digits}`;
}

function strip(mantissa: bigint, exponent: number): Decimal {
  if (mantissa === 0n) return { mantissa: 0n, exponent: 0 };
  let m = mantissa;
  let e = exponent;
  while (m % 10n === 0n) {
    m /= 10n;
    e += 1;
  }
  return { mantissa: m, exponent: e };
}

function decimalOf(text: string): Decimal {
  const d = parseDecimal(text);
  if (!d) throw validation('A value provided cannot be converted into a number');
  return check(d);
}

/** The stored form of a number, or a ValidationException for text that is not one DynamoDB can hold. */
export function normalizeNumber(text: string): string {
  return render(decimalOf(text));
}

/** Significant digits of a normalised number (item size counts them). */
export function significantDigits(text: string): number {
  const d = parseDecimal(text);
  return d && d.mantissa !== 0n ? digitCount(d.mantissa) : 1;
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.mantissa * 10n ** BigInt(a.exponent - exponent), b.mantissa * 10n ** BigInt(b.exponent - exponent), exponent];
}

/** a + b (or a − b), exactly; a result past DynamoDB's range is refused. */
export function addNumbers(a: string, b: string, subtract = false): string {
  const [x, y, exponent] = aligned(decimalOf(a), decimalOf(b));
  return render(check(strip(subtract ? x - y : x + y, exponent)));
}

export function compareNumbers(a: string, b: string): number {
  const [x, y] = aligned(decimalOf(a), decimalOf(b));
  return x < y ? -1 : x > y ? 1 : 0;
}
