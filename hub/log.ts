import type { FastifyRequest } from 'fastify';

/**
 * Structured logs (JSON lines) that never carry a secret: the Authorization header is redacted, and so are
 * feed tokens in URLs and any `token=` in a query.
 */
export const redactUrl = (url: string): string =>
  url.replace(/\/feed\/[^/?#]+/, '/feed/[redacted]').replace(/([?&](?:token|code)=)[^&#]*/gi, '$1[redacted]');

export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: redactUrl(request.url), remoteAddress: request.ip }),
    },
  };
}
