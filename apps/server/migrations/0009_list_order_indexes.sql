DROP INDEX "vehicle_store_idx";--> statement-breakpoint
DROP INDEX "customer_store_list_idx";--> statement-breakpoint
CREATE INDEX "vehicle_store_list_idx" ON "vehicle" USING btree ("store_id","created_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "customer_store_list_idx" ON "customer" USING btree ("store_id","created_at" DESC NULLS FIRST,"id") WHERE merged_into_id IS NULL;