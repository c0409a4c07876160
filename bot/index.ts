import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

// The only file that reads the real environment and listens.
function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
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
}

main();
