import { onFirstUse } from './on-first-use';

const dateTime = onFirstUse(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));

/** An ISO timestamp for people; the raw value when it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime().format(date);
}

const calendarDate = onFirstUse(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }));

/**
 * A date for people: a bare YYYY-MM-DD is the calendar day it names (in every time zone), a full
 * timestamp is shown with its time; the raw value when it does not parse.
 */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateTime(value);
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : calendarDate().format(date);
}

/** The YYYY-MM-DD an <input type="date"> takes, from a stored date or timestamp. */
export const dateInputValue = (value: string | null | undefined): string => (value ?? '').slice(0, 10);

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
