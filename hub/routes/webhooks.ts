import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import type { HubContext } from '../context';
import { HttpError, adminOf, noContent, parse } from '../http';
import { WebhookIdSchema, WebhookSchema, deleteWebhook, listDeliveries, listWebhooks, publicWebhook, putWebhook } from '../webhooks/webhooks';

const WebhookParams = z.object({ id: WebhookIdSchema });

/** Admins set the collective's chat webhooks and read their delivery log. */
export async function webhookRoutes(app: FastifyInstance, { db }: HubContext) {
  app.get('/api/webhooks', async (request) => {
    adminOf(request);
    return { webhooks: (await listWebhooks(db)).map(publicWebhook) };
  });

  app.put('/api/webhooks/:id', async (request) => {
    adminOf(request);
    const { id } = parse(WebhookParams, request.params, 'webhook id');
    return publicWebhook(await putWebhook(db, id, parse(WebhookSchema, request.body)));
  });

  app.delete('/api/webhooks/:id', async (request, reply) => {
    adminOf(request);
    const { id } = parse(WebhookParams, request.params, 'webhook id');
    if (!(await deleteWebhook(db, id))) throw new HttpError(404, 'not-found', 'No webhook has this id.');
    return noContent(reply);
  });

  app.get('/api/deliveries', async (request) => {
    adminOf(request);
    return { deliveries: await listDeliveries(db) };
  });
}
