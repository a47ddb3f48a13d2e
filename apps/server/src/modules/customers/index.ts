import type { FastifyInstance } from 'fastify';
import { customerRoutes } from './customers.routes.js';
import { vehicleRoutes } from './vehicles.routes.js';
import { searchRoutes } from './search.routes.js';

export { customersPermissions } from './customers.permissions.js';
export * as customersSchema from './customers.schema.js';

/** Customers and vehicles (客户管理 / 用户档案): customer files, vehicles, search as you type. */
export async function customersRoutes(app: FastifyInstance): Promise<void> {
  await app.register(customerRoutes);
  await app.register(vehicleRoutes);
  await app.register(searchRoutes);
}
