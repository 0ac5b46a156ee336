// Credit check's own figures for a counterparty, made up from its id: a
// score, a rating, and a credit limit in cents.
import { hashOf } from '../shared/hash.js';

const RATINGS: [number, string][] = [
  [750, 'Excellent'],
  [680, 'Good'],
  [600, 'Fair'],
  [0, 'Poor'],
];

export function scoreOf(id: string): { score: number; rating: string; limit: number } {
  const score = 450 + (hashOf(id) % 400);
  return {
    score,
    rating: RATINGS.find(([floor]) => score >= floor)?.[1] ?? 'Poor',
    limit: Math.round((score - 400) * 125) * 100,
  };
}

export const euros = (locale: string, cents: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
