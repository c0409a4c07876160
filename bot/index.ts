import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { withEnvFile } from './envFile';
import { listen, shutdown, StartupError, waitForStorage } from './lifecycle';

// The only file that reads the real environment and listens.
async function main(): Promise<void> {
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
  try {
    // Listen only once the state store answers: a turn taken before could not be saved.
    await waitForStorage(app, { timeoutMs: config.startupStorageTimeoutMs });
    await listen(app.server, config.port);
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  console.log(`ALL symptom check bot listening on http://localhost:${config.port}/`);
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

void main();
