/*
 * Stands in for botframework-directlinejs' DirectLineStreaming (the App Service extension's
 * transport, 200 KB with its streaming library): Direct Line's main file re-exports it, and this
 * page never uses it (it polls, or uses Azure's WebSocket).
 */
export class DirectLineStreaming {
  constructor() {
    throw new Error('Direct Line streaming (App Service extension) is not in this Web Chat bundle');
  }
}
