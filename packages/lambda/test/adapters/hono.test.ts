// Hono behind `hono/aws-lambda`, the adapter of the seed case.
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { describe } from 'vitest';
import { adapterScenarios, loadOrder } from '../support/adapter-scenarios.js';

function ordersApp(): Hono {
  const app = new Hono();
  app.get('/orders/:id', async (c) => c.json(await loadOrder(c.req.param('id'))));
  app.get('/broken', (c) => c.text('database unavailable', 503));
  return app;
}

describe('Hono handle(app) wrapped by instrumentHandler', () => {
  adapterScenarios(() => handle(ordersApp()));
});
