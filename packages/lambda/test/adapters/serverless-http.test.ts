// An Express app behind `serverless-http`.
import serverless from 'serverless-http';
import { describe } from 'vitest';
import { adapterScenarios } from '../support/adapter-scenarios.js';
import { ordersExpressApp } from '../support/express-app.js';

describe('serverless-http wrapped by instrumentHandler', () => {
  adapterScenarios(() => serverless(ordersExpressApp()));
});
