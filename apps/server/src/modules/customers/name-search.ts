import { and, ilike, sql, type SQL } from 'drizzle-orm';
import { likePattern } from '../../kernel/list.js';
import { customer } from './customers.schema.js';

/**
 * Any part of a customer's name, from two characters: the index finds names holding every character pair of the
 * text (`search_bigrams`, migration 0005), the ILIKE keeps those that hold the text itself.
 */
export function nameContains(text: string): SQL {
  if ([...text].length < 2) return ilike(customer.name, likePattern(text));
  return and(sql`search_bigrams(${customer.name}) @> search_bigrams(${text})`, ilike(customer.name, likePattern(text)))!;
}
