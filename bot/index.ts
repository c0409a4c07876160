import './quietDeprecations';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { withEnvFile } from './envFile';
import { shutdown } from './lifecycle';

// The only file that reads the real environment and listens.
function main(): void {
  let config;
  try {
    config = loadConfig(withEnvFile(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp(config);
  app.server.listen(config.port, () => {
    console.log(`ALL symptom check bot listening on http://localhost:${config.port}/`);
  });
  // Orchestrators send SIGTERM before replacing an instance: finish the turns in flight, then go.
  const stop = (signal: NodeJS.Signals) => {
    app.logger.info({ event: 'signal', signal }, 'shutting down');
    shutdown(app).then(
      () => process.exit(0),
      (error: unknown) => {
        app.logger.error({ event: 'shutdown_failed', err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
