import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type Params = Record<string, unknown>;
export type WorkerEventHandler = (sessionId: string, method: string, params: Params) => void;

interface Reply {
  id?: number;
  method?: string;
  params?: Params;
  result?: unknown;
  error?: { message: string };
}

/**
 * A DevTools session on a page and on the dedicated workers it starts (DuckDB runs in one).
 * Playwright opens CDP sessions on pages only, so workers are reached through the page session's
 * auto-attach, message by message. Each worker is held at start until its Network domain is on,
 * so none of its requests is missed; that costs one round trip to the worker's start.
 */
export class DevtoolsTargets {
  readonly workers = new Map<string, { url: string }>();
  readonly #replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #handlers: WorkerEventHandler[] = [];
  #nextId = 1;

  private constructor(readonly page: CDPSession) {}

  static async open(context: BrowserContext, page: Page): Promise<DevtoolsTargets> {
    const session = await context.newCDPSession(page);
    const targets = new DevtoolsTargets(session);
    session.on('Target.attachedToTarget', (event) => {
      const { sessionId, targetInfo } = event;
      if (targetInfo.type === 'worker') targets.workers.set(sessionId, { url: targetInfo.url });
      // Sent back to back, in order: the worker runs as soon as its network is watched.
      if (targetInfo.type === 'worker') void targets.sendToWorker(sessionId, 'Network.enable').catch(() => {});
      void targets.sendToWorker(sessionId, 'Runtime.runIfWaitingForDebugger').catch(() => {});
    });
    session.on('Target.detachedFromTarget', (event) => targets.workers.delete(event.sessionId));
    session.on('Target.receivedMessageFromTarget', (event) => targets.#receive(event.sessionId, event.message));
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
    return targets;
  }

  onWorkerEvent(handler: WorkerEventHandler): void {
    this.#handlers.push(handler);
  }

  sendToWorker(sessionId: string, method: string, params: Params = {}): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#replies.set(id, { resolve, reject });
      this.page
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((error: Error) => {
          this.#replies.delete(id);
          reject(error);
        });
    });
  }

  #receive(sessionId: string, text: string): void {
    const message = JSON.parse(text) as Reply;
    if (message.id !== undefined) {
      const waiting = this.#replies.get(message.id);
      this.#replies.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.method) for (const handler of this.#handlers) handler(sessionId, message.method, message.params ?? {});
  }
}
