import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { httpStatusOf, pickLocale, type ApiErrorBody, type ErrorKind, type Locale } from '@sifang/shared/errors';
import { isMessageCode, translate, type MessageCode } from '@sifang/shared/i18n/messages';
import { AppError } from './errors.js';
import { pgCode } from './db.js';

export type ZodIssueLike = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

/** A zod issue as a message a clerk understands, in the caller's language. */
export function issueMessage(locale: Locale, issue: ZodIssueLike): string {
  if (issue.message && isMessageCode(issue.message)) return translate(locale, issue.message, issue.params);
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      // zod reports a missing field as "received undefined" (it does not keep the input by default)
      return translate(locale, /received undefined/.test(issue.message ?? '') ? 'validation.required' : 'validation.type');
    case 'too_small':
      if (p.origin === 'string')
        return translate(locale, Number(p.minimum) <= 1 ? 'validation.required' : 'validation.too_short', { min: p.minimum });
      if (p.origin === 'array') return translate(locale, 'validation.required');
      return translate(locale, 'validation.too_small', { min: p.minimum });
    case 'too_big':
      if (p.origin === 'string') return translate(locale, 'validation.too_long', { max: p.maximum });
      return translate(locale, 'validation.too_big', { max: p.maximum });
    case 'invalid_value':
      return translate(locale, 'validation.enum');
    case 'unrecognized_keys':
      return translate(locale, 'validation.unknown_key');
    case 'invalid_format':
      return translate(locale, p.format === 'uuid' ? 'validation.uuid' : p.format === 'regex' ? 'validation.format' : 'validation.format');
    default:
      return translate(locale, 'validation.format');
  }
}

function issueFields(locale: Locale, issues: readonly ZodIssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const k of issue.params.keys as string[]) fields[base ? `${base}.${k}` : k] ??= issueMessage(locale, issue);
      continue;
    }
    fields[base || '_'] ??= issueMessage(locale, issue);
  }
  return fields;
}

export function sendError(
  reply: FastifyReply,
  locale: Locale,
  kind: ErrorKind,
  code: MessageCode,
  params: Record<string, unknown> = {},
  fields?: Record<string, string>,
): FastifyReply {
  const statusCode = httpStatusOf[kind];
  const body: ApiErrorBody = { statusCode, kind, code, message: translate(locale, code, params) };
  if (fields && Object.keys(fields).length) body.fields = fields;
  return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
}

/** Maps every error to one JSON shape; 5xx details stay in the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const locale = req.locale ?? pickLocale(req.headers['accept-language']);
    if (error instanceof AppError) {
      const fields: Record<string, string> = {};
      for (const [k, code] of Object.entries(error.fields)) fields[k] = translate(locale, code, error.params);
      return sendError(reply, locale, error.kind, error.code, error.params, fields);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext;
      if (context === 'params') return sendError(reply, locale, 'not_found', 'record.not_found');
      return sendError(reply, locale, 'invalid', 'request.invalid', {}, issueFields(locale, error.validation as ZodIssueLike[]));
    }
    const code = pgCode(error);
    if (code === '23505') return sendError(reply, locale, 'conflict', 'record.duplicate');
    if (code === '23503') {
      return req.method === 'DELETE'
        ? sendError(reply, locale, 'conflict', 'record.in_use')
        : sendError(reply, locale, 'unprocessable', 'record.reference_invalid');
    }
    // too long, out of range, bad text representation, bad dates, NUL or unconvertible characters
    if (
      code === '22001' ||
      code === '22003' ||
      code === '22P02' ||
      code === '22007' ||
      code === '22008' ||
      code === '22P05' ||
      code === '22021'
    ) {
      return sendError(reply, locale, 'invalid', 'request.invalid');
    }
    if (code === '57014' || code === '55P03' || code === '53300') {
      req.log.warn({ err: error }, 'database busy');
      return sendError(reply, locale, 'unavailable', 'server.unavailable');
    }
    if (/timeout exceeded when trying to connect|Connection terminated|ECONNREFUSED/.test(error.message)) {
      req.log.warn({ err: error }, 'database unavailable');
      return sendError(reply, locale, 'unavailable', 'server.unavailable');
    }
    const status = (error as FastifyError).statusCode;
    if (!isResponseSerializationError(error) && typeof status === 'number' && status >= 400 && status < 500) {
      if (status === 413) return sendError(reply, locale, 'invalid', 'request.too_large');
      if (status === 415) return sendError(reply, locale, 'invalid', 'request.unsupported_media_type');
      if (status === 429) return sendError(reply, locale, 'rate_limited', 'request.rate_limited');
      return sendError(reply, locale, 'invalid', 'request.malformed');
    }
    req.log.error({ err: error }, 'request failed');
    return sendError(reply, locale, 'internal', 'server.internal');
  });
}
