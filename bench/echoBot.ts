import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

// The yardstick: the smallest botbuilder bot on the same HTTP stack (restify 12 + CloudAdapter),
// so the benchmark's ratio shows what our dialogs and understanding cost on top of the SDK.
export function createEchoServer(): restify.Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  server.post('/api/messages', restify.plugins.bodyParser({ mapParams: false }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}
