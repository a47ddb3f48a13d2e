import type { FastifyInstance } from 'fastify';
import { customerRoutes } from './customers.routes.js';
import { vehicleRoutes } from './vehicles.routes.js';
import { searchRoutes } from './search.routes.js';
import { customerAdminRoutes } from './customer-admin.routes.js';
import { customerImportRoutes } from './customer-import.routes.js';
import { followUpRoutes } from './follow-ups.routes.js';
import { complaintRoutes } from './complaints.routes.js';

export { customersPermissions } from './customers.permissions.js';
export * as customersSchema from './customers.schema.js';
export { notMerged, registerCustomerMergeStep, type CustomerMergeStep } from './customer-admin.routes.js';
export { escalateOverdueComplaints } from './complaints.routes.js';

/**
 * Customers and vehicles (客户管理 / 用户档案): customer files, vehicles, search as you type, follow-up records and
 * the customer-care inbox, complaints with the 24-hour clock.
 */
export async function customersRoutes(app: FastifyInstance): Promise<void> {
  await app.register(customerRoutes);
  await app.register(vehicleRoutes);
  await app.register(searchRoutes);
  await app.register(customerAdminRoutes);
  await app.register(customerImportRoutes);
  await app.register(followUpRoutes);
  await app.register(complaintRoutes);
}
