import { and, ilike, sql, type SQL } from 'drizzle-orm';
import { likePattern } from '../../kernel/list.js';
import { customer } from './customers.schema.js';

/**
 * Any part of a customer's name, from one character: the index (migration 0007) holds each name's single characters
 * and character pairs (`search_grams`); a text of one character is one of them, a longer text has all its pairs
 * (`search_bigrams`) among them. The ILIKE keeps the names that hold the text itself.
 */
export function nameContains(text: string): SQL {
  const grams = [...text].length < 2 ? sql`ARRAY[lower(${text})]` : sql`search_bigrams(${text})`;
  return and(sql`search_grams(${customer.name}) @> ${grams}`, ilike(customer.name, likePattern(text)))!;
}
