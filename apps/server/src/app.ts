import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './kernel/db.js';
import type { Clock, RouteEntry } from './kernel/context.js';
import { createStoreRecordRegistry } from './kernel/store-records.js';
import { createFieldCipher, loadDataKey } from './kernel/field-cipher.js';
import { customersPermissions, customersRoutes } from './modules/customers/index.js';
import { installErrorHandler, sendError } from './kernel/http.js';
import { authRoutes, installAuthHooks, installSessionCacheInvalidation } from './kernel/auth.js';
import { createSessionCache } from './kernel/session.js';
import { createPermissionRegistry, type PermissionRegistry } from './kernel/permissions.js';
import { healthRoutes } from './kernel/health.js';
import { XLSX_MIME } from './kernel/excel.js';
import { adminPermissions, adminRoutes } from './modules/admin/index.js';
import { divisionRoutes, masterdataPermissions, masterdataRoutes } from './modules/masterdata/index.js';

export type AppOptions = {
  config: Config;
  database: Database;
  clock?: Clock;
  logger?: boolean | object;
};

/** Every permission the application knows, module by module. */
export function buildPermissionRegistry(): PermissionRegistry {
  return createPermissionRegistry(adminPermissions, masterdataPermissions, customersPermissions);
}

/** One log line per request, written when it is answered, with the request in it (Fastify also logs its arrival). */
class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(req)) return;
    if (error) reply.log.error({ req, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Fastify asks its factories only for a schema no zod compiler handles: there is none. */
function zodCompilers(): never {
  throw new Error('Every route schema is compiled by the zod compilers');
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    routerOptions: { maxParamLength: 200 },
    logController: new RequestLog(),
    // Every schema is zod, compiled by the two compilers set below. Without factories of its own Fastify would load
    // its default ones (ajv, fast-json-stringify) at start for nothing: a tenth of an embedded restart.
    schemaController: { compilersFactory: { buildValidator: zodCompilers, buildSerializer: zodCompilers } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  app.decorate('config', config);
  app.decorate('clock', opts.clock ?? (() => new Date()));
  app.decorate('permissionRegistry', buildPermissionRegistry());
  app.decorate('storeRecords', createStoreRecordRegistry());
  app.decorate('routeTable', [] as RouteEntry[]);
  app.decorate('fieldCipher', createFieldCipher(loadDataKey(config)));
  app.decorate('sessionCache', createSessionCache(config.sessionCacheMs));

  // Default deny: a route under /api without a declared, known permission stops the server from starting.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api')) return;
    if (url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), permission: 'public' };
      return;
    }
    const p = route.config?.permission;
    if (!p) throw new Error(`Route ${route.method} ${url} declares no permission`);
    if (p !== 'public' && p !== 'authenticated' && !app.permissionRegistry.has(p)) {
      throw new Error(`Route ${route.method} ${url} needs unknown permission ${p}`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeTable.push({
        method,
        url,
        permission: p,
        storeRecord: route.config?.storeRecord,
        recordTable: route.config?.recordTable,
        body: (route.schema as { body?: unknown } | undefined)?.body,
      });
    }
  });

  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  await app.register(fastifyCookie);
  // Security headers (helmet), the middleware built once: @fastify/helmet builds it again on every request, which
  // cost a tenth of the server's time on a light route.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.production ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Sifang DMS API', version: '0.1.0', description: '四方 经销商管理系统 API' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sifang_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installErrorHandler(app);
  installAuthHooks(app);
  installSessionCacheInvalidation(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  // Modules, in rank order (a lower module never depends on a higher one).
  await app.register(adminRoutes);
  await app.register(masterdataRoutes);
  await app.register(divisionRoutes);
  await app.register(customersRoutes);

  const webDist = config.webDist;
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      index: false,
      // the web build writes .br/.gz siblings (apps/web/scripts/compress.mjs): sent when Accept-Encoding allows
      preCompressed: true,
      cacheControl: false,
      // hashed build assets never change; everything else is revalidated
      setHeaders: (res, filePath) => {
        res.setHeader(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
        // the body depends on Accept-Encoding (@fastify/static 8 does not say so itself)
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  if (hasWeb) app.get('/', { schema: { hide: true } }, (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return sendError(reply, req.locale, 'not_found', 'request.not_found');
    }
    // The web app routes on the client: every other page is index.html.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
