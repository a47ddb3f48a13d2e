DROP INDEX "customer_phone_trgm_idx";--> statement-breakpoint
CREATE INDEX "customer_phone_tail_idx" ON "customer" USING btree (reverse(phone) text_pattern_ops);