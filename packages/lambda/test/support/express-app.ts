import express, { type Express } from 'express';
import { loadOrder } from './adapter-scenarios.js';

/**
 * The adapter scenarios' app in Express 5. Unknown paths get an explicit 404 handler: with
 * `@codegenie/serverless-express` 4, Express 5's default final handler fails on the adapter's
 * response object (`ee.on is not a function`) and the request ends as a 500.
 */
export function ordersExpressApp(): Express {
  const app = express();
  app.get('/orders/:id', async (req, res) => {
    res.json(await loadOrder(req.params.id));
  });
  app.get('/broken', (_req, res) => {
    res.status(503).send('database unavailable');
  });
  app.use((_req, res) => {
    res.status(404).send('not found');
  });
  return app;
}
