/**
 * Every node test, the slow suites included: the Redis, multi-instance and outage tests (they
 * start their own redis-server and bot processes), the fuzz and load tests and the whole-graph walks.
 * `npm run test:all` runs this, then the browser tests (jest.browser.config.js).
 * @type {import('jest').Config}
 */
module.exports = require('./jest.base.config');
