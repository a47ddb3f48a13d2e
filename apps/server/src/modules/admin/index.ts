import type { FastifyInstance } from 'fastify';
import { organisationRoutes } from './organisation.routes.js';
import { userRoutes } from './users.routes.js';
import { roleRoutes } from './roles.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { auditRoutes } from './audit.routes.js';

export { adminPermissions } from './admin.permissions.js';
export { serviceBay, team } from './admin.schema.js';

/** System administration (系统管理): group and stores, organisation, users, roles, settings, audit log. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(settingsRoutes);
  await app.register(auditRoutes);
}
