CREATE TABLE "customer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"gender" text,
	"birthday" date,
	"phone" text NOT NULL,
	"province_code" text DEFAULT '' NOT NULL,
	"city_code" text DEFAULT '' NOT NULL,
	"district_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"marketing_consent" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_channel" text,
	"notes" text DEFAULT '' NOT NULL,
	"id_number_enc" text,
	"id_number_hash" text,
	"credit_code" text,
	"contact_name" text,
	"advisor_id" uuid,
	"consultant_id" uuid,
	"anonymised_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_phone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"vin" text NOT NULL,
	"plate" text,
	"plate_verified" boolean DEFAULT true NOT NULL,
	"engine_no" text DEFAULT '' NOT NULL,
	"brand_id" uuid,
	"series_id" uuid,
	"model_id" uuid,
	"configuration_id" uuid,
	"colour" text DEFAULT '' NOT NULL,
	"model_year" smallint,
	"sale_date" date,
	"selling_store_id" uuid,
	"first_registration" date,
	"warranty_start" date,
	"warranty_end" date,
	"insurance_expiry" date,
	"owner_id" uuid NOT NULL,
	"user_id" uuid,
	"mileage_km" integer DEFAULT 0 NOT NULL,
	"mileage_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vehicle_vin_unique" UNIQUE("vin")
);
--> statement-breakpoint
CREATE TABLE "vehicle_mileage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"km" integer NOT NULL,
	"source" text DEFAULT 'service' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicle_ownership" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_advisor_id_app_user_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_consultant_id_app_user_id_fk" FOREIGN KEY ("consultant_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer" ADD CONSTRAINT "customer_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_phone" ADD CONSTRAINT "customer_phone_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_series_id_vehicle_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."vehicle_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_model_id_vehicle_model_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."vehicle_model"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_configuration_id_vehicle_configuration_id_fk" FOREIGN KEY ("configuration_id") REFERENCES "public"."vehicle_configuration"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_selling_store_id_store_id_fk" FOREIGN KEY ("selling_store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_owner_id_customer_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_user_id_customer_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle" ADD CONSTRAINT "vehicle_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_mileage" ADD CONSTRAINT "vehicle_mileage_vehicle_id_vehicle_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicle"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_mileage" ADD CONSTRAINT "vehicle_mileage_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_mileage" ADD CONSTRAINT "vehicle_mileage_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_ownership" ADD CONSTRAINT "vehicle_ownership_vehicle_id_vehicle_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicle"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vehicle_ownership" ADD CONSTRAINT "vehicle_ownership_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_store_idx" ON "customer" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_phone_idx" ON "customer" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "customer_phone_trgm_idx" ON "customer" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_name_trgm_idx" ON "customer" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_initials_idx" ON "customer" USING btree (name_initials text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customer_pinyin_idx" ON "customer" USING btree (name_pinyin text_pattern_ops);--> statement-breakpoint
CREATE INDEX "customer_id_hash_idx" ON "customer" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "customer_advisor_idx" ON "customer" USING btree ("advisor_id");--> statement-breakpoint
CREATE INDEX "customer_phone_customer_idx" ON "customer_phone" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_phone_phone_idx" ON "customer_phone" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "vehicle_store_idx" ON "vehicle" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "vehicle_owner_idx" ON "vehicle" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "vehicle_user_idx" ON "vehicle" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "vehicle_vin_trgm_idx" ON "vehicle" USING gin ("vin" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicle_plate_trgm_idx" ON "vehicle" USING gin ("plate" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicle_mileage_vehicle_idx" ON "vehicle_mileage" USING btree ("vehicle_id","at");--> statement-breakpoint
CREATE INDEX "vehicle_ownership_vehicle_idx" ON "vehicle_ownership" USING btree ("vehicle_id");--> statement-breakpoint
CREATE INDEX "vehicle_ownership_customer_idx" ON "vehicle_ownership" USING btree ("customer_id");