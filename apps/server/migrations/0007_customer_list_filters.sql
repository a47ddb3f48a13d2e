-- A name by its single characters and its character pairs: a surname alone (one character) is found through the index
-- as well as any part of two or more (search_bigrams of the text, all of them in the name's grams).
CREATE OR REPLACE FUNCTION search_grams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT substr(lower($1), i, n)), '{}') FROM generate_series(1, 2) AS n, generate_series(1, char_length($1) - n + 1) AS i $$;--> statement-breakpoint
DROP INDEX "customer_name_bigram_idx";--> statement-breakpoint
CREATE INDEX "complaint_status_due_idx" ON "complaint" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "customer_name_gram_idx" ON "customer" USING gin ("store_id",search_grams(name));--> statement-breakpoint
CREATE INDEX "customer_consultant_idx" ON "customer" USING btree ("consultant_id");--> statement-breakpoint
CREATE INDEX "customer_list_name_idx" ON "customer" USING btree ("store_id","name_pinyin","id") WHERE merged_into_id IS NULL;--> statement-breakpoint
CREATE INDEX "customer_list_kind_idx" ON "customer" USING btree ("store_id","kind") WHERE merged_into_id IS NULL;--> statement-breakpoint
CREATE INDEX "customer_list_source_idx" ON "customer" USING btree ("store_id","source") WHERE merged_into_id IS NULL;--> statement-breakpoint
CREATE INDEX "customer_list_tags_idx" ON "customer" USING gin ("store_id","tags") WHERE merged_into_id IS NULL;--> statement-breakpoint
-- A customer's advisor and consultant work in its store: without knowing that, the planner multiplies the two
-- selectivities, expects a few hundred of "my customers" where there are thousands, and sorts them all.
CREATE STATISTICS "customer_store_staff_stat" (mcv, dependencies) ON "store_id", "advisor_id", "consultant_id" FROM "customer";--> statement-breakpoint
ALTER STATISTICS "customer_store_staff_stat" SET STATISTICS 1000;
