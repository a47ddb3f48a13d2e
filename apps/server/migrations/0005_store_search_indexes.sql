-- Search as you type inside a store: indexes lead with the store (btree_gin for the GIN ones), and any part of a
-- name from two characters through its character pairs (trigrams need three characters; most names have two or three).
CREATE OR REPLACE FUNCTION search_bigrams(text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(DISTINCT substr(lower($1), i, 2)), '{}') FROM generate_series(1, char_length($1) - 1) AS i $$;--> statement-breakpoint
DROP INDEX "customer_name_trgm_idx";--> statement-breakpoint
DROP INDEX "customer_phone_tail_idx";--> statement-breakpoint
DROP INDEX "customer_initials_idx";--> statement-breakpoint
DROP INDEX "customer_pinyin_idx";--> statement-breakpoint
DROP INDEX "vehicle_vin_trgm_idx";--> statement-breakpoint
DROP INDEX "vehicle_plate_trgm_idx";--> statement-breakpoint
CREATE INDEX "customer_name_bigram_idx" ON "customer" USING gin ("store_id",search_bigrams(name));--> statement-breakpoint
CREATE INDEX "customer_phone_tail_idx" ON "customer" USING btree ("store_id",reverse(phone) text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customer_initials_idx" ON "customer" USING btree ("store_id",name_initials text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customer_pinyin_idx" ON "customer" USING btree ("store_id",name_pinyin text_pattern_ops);--> statement-breakpoint
CREATE INDEX "vehicle_vin_trgm_idx" ON "vehicle" USING gin ("store_id","vin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicle_plate_trgm_idx" ON "vehicle" USING gin ("store_id","plate" gin_trgm_ops);