/**
 * Customers plug-in: the store's customer files (≈0.84 per vehicle), their extra phones, vehicles (≈ vehiclesPerYear
 * per year of history, sold here or first serviced here), mileage readings every 4–8 months, owner/user history,
 * the 3-day follow-up calls after ≈25 % of workshop visits plus ≈40 planned calls in the care inbox, and complaints
 * at ≈0.4 per 100 visits with their `TS<day>-<n>` numbers and doc_sequence rows.
 *
 * Generation is the demo's (demo/data/customers.ts, demo/seed.ts) with the store's city: districts from the
 * division table, plates of its province, arrivals and sales following the calendar's seasonality, workshop visits
 * moved off the days the workshop is closed, cars that stop coming (churn), and identity slots that keep phones and
 * VINs unique in the group.
 */
import { docSequence } from '../../kernel/kernel.schema.js';
import {
  complaint,
  customer,
  customerPhone,
  followUp,
  vehicle,
  vehicleMileage,
  vehicleOwnership,
} from '../../modules/customers/customers.schema.js';
import { namePinyin } from '../../modules/customers/pinyin.js';
import { demoCustomersAndVehicles, type DemoCustomer } from '../../demo/data/customers.js';
import { careRows, customerRows } from '../../demo/seed.js';
import { hash32 } from '../ids.js';
import type { ScalePlugin, StoreContext } from '../plugin.js';
import { MAX_SCALE_STORES } from '../stores.js';

/** Identity slots for phones and VINs: one per possible store, fixed forever (changing it changes every VIN). */
export const IDENTITY_SLOTS = MAX_SCALE_STORES + 1;
/** Plate slots per plate province. */
export const PLATE_SLOTS = 64;
/** Customer files per vehicle: fleets and families own several cars. */
export const CUSTOMERS_PER_VEHICLE = 0.84;
/** Chance that a car is not seen again after a visit due (two a year: ≈13 % churn a year). */
export const CHURN_PER_VISIT = 0.07;

const pinyinCache = new Map<string, { full: string; initials: string }>();
const cachedPinyin = (name: string) => {
  let p = pinyinCache.get(name);
  if (!p) {
    if (pinyinCache.size > 200_000) pinyinCache.clear();
    pinyinCache.set(name, (p = namePinyin(name)));
  }
  return p;
};

export const customersPlugin: ScalePlugin = {
  name: 'customers',
  tables: [customer, customerPhone, vehicle, vehicleMileage, vehicleOwnership, followUp, complaint, docSequence],
  generate(ctx: StoreContext) {
    const { calendar, store, users, staff } = ctx;
    const def = store.def;
    const vehicleCount = Math.max(1, Math.round(ctx.scale.vehiclesPerYear * ctx.years));
    const customerCount = Math.max(1, Math.round(vehicleCount * CUSTOMERS_PER_VEHICLE));
    const data = demoCustomersAndVehicles(
      ctx.rng,
      def,
      ctx.today,
      { customers: customerCount, vehicles: vehicleCount },
      {
        arrivalDay: (rng) => calendar.sampleDay(rng, 'sales'),
        dayBetween: (rng, from, to) => calendar.sampleDay(rng, 'sales', from, Math.min(to, calendar.lastDay)),
        // most buyers decide within three weeks of their first visit, on a day the showroom is busy (not over the holiday)
        purchaseDay: (rng, created) => calendar.sampleDay(rng, 'sales', created, Math.min(created + 21, calendar.lastDay)),
        // a visit due on a quiet day (the Spring Festival week) happens on one of the next days; after any visit
        // the car may never come back (moved away, sold, a cheaper workshop): ≈13 % of the cars a year
        visitDay: (rng, day) => {
          if (rng.chance(CHURN_PER_VISIT)) return Number.POSITIVE_INFINITY;
          let d = day;
          while (d < calendar.todayDay && rng.next() * 1.6 > calendar.weight(d, 'service')) d++;
          return d;
        },
        districts: def.districts,
        otherPlateLetters: def.otherPlateLetters,
        identity: { slot: def.index, slots: IDENTITY_SLOTS, plateSlot: def.provinceOrdinal % PLATE_SLOTS, plateSlots: PLATE_SLOTS },
      },
    );

    // 专属服务顾问: one of the store's advisors, VIP files the service manager; sales consultant: one of the
    // consultants (the person who sold them a car), fleet accounts the sales manager, none for customers who only
    // come for service. Who gets a customer follows from the customer alone (not from the random stream).
    const boughtHere = new Set(data.vehicles.filter((v) => v.soldHere).map((v) => v.ownerKey));
    const oneOf = (team: readonly { id: string }[], key: string) => team[hash32(key) % team.length]!.id;
    const staffOf = (c: DemoCustomer) => ({
      advisorId: c.tags.includes('VIP') ? users.service_manager.id : oneOf(staff.service_advisor, `advisor:${c.key}`),
      consultantId:
        c.kind === 'company' ? users.sales_manager.id : boughtHere.has(c.key) ? oneOf(staff.sales_consultant, `consultant:${c.key}`) : null,
    });
    const rows = customerRows(data, {
      storeId: store.id,
      today: ctx.today,
      cipher: ctx.cipher,
      catalogue: new Map(ctx.group.catalogue.map((c) => [c.configurationCode, c])),
      staffOf,
      customerId: () => ctx.id('customer'),
      vehicleId: () => ctx.id('vehicle'),
      rowId: ctx.id,
      pinyin: cachedPinyin,
    });
    ctx.insert(customer, rows.customers);
    ctx.insert(customerPhone, rows.customerPhones);
    ctx.insert(vehicle, rows.vehicles);
    ctx.insert(vehicleMileage, rows.mileage);
    ctx.insert(vehicleOwnership, rows.ownership);

    const visits = data.vehicles.map((v) => v.mileage.filter((m) => m.source === 'service').map((m) => Date.parse(m.at)));
    const care = careRows(ctx.rng, { storeId: store.id, today: ctx.today, advisorId: users.service_advisor.id }, rows.vehicles, {
      visits,
      followUpRate: 0.25,
      complaintsPer100Visits: 0.4,
      plannedFollowUps: 40,
      careId: users.customer_care.id,
      managerId: users.service_manager.id,
      rowId: ctx.id,
    });
    ctx.insert(followUp, care.followUps);
    ctx.insert(complaint, care.complaints);
    ctx.insert(docSequence, care.docSequences);

    // for the plug-ins after this one (work orders, deliveries …)
    ctx.state.customers = rows.customers.map((c) => ({
      id: c.id!,
      kind: c.kind as 'person' | 'company',
      phone: c.phone,
      createdAt: c.createdAt!,
      advisorId: c.advisorId ?? null,
      consultantId: c.consultantId ?? null,
    }));
    ctx.state.vehicles = data.vehicles.map((v, i) => ({
      id: rows.vehicles[i]!.id,
      vin: v.vin,
      plate: v.plate,
      ownerId: rows.vehicles[i]!.ownerId,
      userId: rows.vehicles[i]!.userId ?? null,
      configurationCode: v.configurationCode,
      modelYear: v.modelYear,
      saleDate: v.saleDate,
      soldHere: v.soldHere,
      readings: v.mileage,
    }));
  },
};
