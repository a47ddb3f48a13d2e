-- Search as you type by plate, from the first two characters typed: the trigram index could not serve a pair (its
-- planner estimate hid a scan of the whole index: 12-18 ms in a store, seconds group-wide); the plate's character
-- pairs serve a fragment of any length, as for names (migration 0005).
DROP INDEX IF EXISTS "vehicle_plate_trgm_idx";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "vehicle_plate_gram_idx" ON "vehicle" USING gin ("store_id",search_bigrams(plate));