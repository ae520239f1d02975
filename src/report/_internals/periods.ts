// Periods as readers name them: `Sep 2024` (or `Q3 2024`, `2025`) when the start of the
// horizon is known, else `month 1` to `month 24`. The engine counts periods from 0; the
// reports never show that count.
import { InputError } from "../../errors.js";

/** What names a period: its kind, the horizon, and the calendar month the first period starts in, if known. */
export interface Calendar {
  /** `month`, `quarter` or `year` (any other word counts periods). */
  readonly period: string;
  readonly horizon: number;
  /** `YYYY-MM` (or `YYYY-MM-DD`, `YYYY`): the first period's start. */
  readonly start?: string | undefined;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** The year and month (0 to 11) of a start date, checked. */
export function parseStart(start: string, path = "options.start"): { year: number; month: number } {
  const match = typeof start === "string" ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(start) : null;
  const month = match?.[2] === undefined ? 1 : Number(match[2]);
  if (match === null || month < 1 || month > 12) {
    throw new InputError(path, `expected a date as YYYY-MM (e.g. "2024-09"), got ${JSON.stringify(start)}`);
  }
  return { year: Number(match[1]), month: month - 1 };
}

const monthsPer = (period: string) => (period === "month" ? 1 : period === "quarter" ? 3 : period === "year" ? 12 : 0);

/** The calendar name of period `t` (from 0), or `undefined` without a start date (or for a period that is not a month, quarter or year). */
function calendarName(t: number, calendar: Calendar): string | undefined {
  const step = monthsPer(calendar.period);
  if (calendar.start === undefined || step === 0) return undefined;
  const { year, month } = parseStart(calendar.start);
  const at = year * 12 + month + t * step;
  const y = Math.floor(at / 12);
  const m = at - y * 12;
  if (calendar.period === "year") return String(y);
  if (calendar.period === "quarter") return `Q${Math.floor(m / 3) + 1} ${y}`;
  return `${MONTHS[m]} ${y}`;
}

/** Period `t` (from 0) in words: `Sep 2024`, or `month 1`. */
export function periodLabel(t: number, calendar: Calendar): string {
  return calendarName(t, calendar) ?? `${calendar.period} ${t + 1}`;
}

/** Period `t` (from 0) as a tick label: `Sep 2024`, or `1`. */
export function periodTick(t: number, calendar: Calendar): string {
  return calendarName(t, calendar) ?? String(t + 1);
}

/** The title of a time axis: `month (Sep 2024 to Aug 2026)`, or `month of the horizon (1 to 24)`. */
export function periodAxisTitle(calendar: Calendar): string {
  const last = Math.max(0, calendar.horizon - 1);
  const named = calendarName(0, calendar);
  return named === undefined ? `${calendar.period} of the horizon (1 to ${calendar.horizon})` : `${calendar.period} (${named} to ${calendarName(last, calendar)})`;
}

/**
 * The period and horizon of an outcome that is the period of a first event, from its unit
 * as results write it (`month (0-based; 24 = not within the horizon)`); else undefined.
 */
export function timingUnit(unit: string): { period: string; horizon: number } | undefined {
  const match = /^(\w+) \(0-based; (\d+) = not within the horizon\)$/.exec(unit);
  return match === null ? undefined : { period: match[1]!, horizon: Number(match[2]) };
}

/** A value of such an outcome for a table: `4` (from 1, or `Dec 2024` by the calendar), `none` at the horizon. */
export function timingText(value: number, calendar: Calendar): string {
  return value >= calendar.horizon - 1e-9 ? "none" : periodTick(Math.round(value), calendar);
}
