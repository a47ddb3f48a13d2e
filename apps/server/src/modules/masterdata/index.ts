export { masterdataPermissions } from './masterdata.permissions.js';
export { masterdataRoutes } from './masterdata.routes.js';
export { divisionChainValid, divisionRoutes, divisionTree } from './divisions.routes.js';
export * as masterdataSchema from './masterdata.schema.js';
