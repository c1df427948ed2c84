// An Express app behind `@codegenie/serverless-express`.
import { configure } from '@codegenie/serverless-express';
import { describe } from 'vitest';
import { adapterScenarios } from '../support/adapter-scenarios.js';
import { ordersExpressApp } from '../support/express-app.js';

describe('@codegenie/serverless-express wrapped by instrumentHandler', () => {
  adapterScenarios(() => configure({ app: ordersExpressApp() }));
});
