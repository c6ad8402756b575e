import { redisBusDriver } from 'bentocache/drivers/redis';
import type { BusDriver, CreateBusDriverResult } from 'bentocache/types';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

const resubscribeDelayMs = 1_000;

export interface TrackedRedisBus {
  bus: CreateBusDriverResult;
  // Resolves once the invalidation channel is subscribed; stays pending while Redis is down.
  subscribed: Promise<void>;
}

// bentocache subscribes to its invalidation channel without awaiting the SUBSCRIBE. A write by
// another instance in that window is never heard, and this instance keeps serving the old value
// from L1 until its TTL (measured: reproducible when the first read races a remote write).
// This bus driver delegates to bentocache's own and exposes the subscription, so the cache can
// wait for it before its first read.
export function createTrackedRedisBus(connection: Redis): TrackedRedisBus {
  const inner = redisBusDriver({ connection });
  let disconnected = false;
  let markSubscribed: () => void = () => {};
  const subscribed = new Promise<void>((resolve) => {
    markSubscribed = resolve;
  });

  const bus: CreateBusDriverResult = {
    options: inner.options,
    factory: (config: unknown) => {
      const transport = inner.factory(config);
      const tracked: BusDriver = {
        setId: (id) => {
          transport.setId(id);
          return tracked;
        },
        onReconnect: (callback) => transport.onReconnect(callback),
        publish: (channel, message) => transport.publish(channel, message),
        // A SUBSCRIBE that fails (Redis down at start-up) is never retried by ioredis, which only
        // resubscribes channels it had joined: keep trying, or this instance stays deaf for good.
        subscribe: async (channel, handler) => {
          while (!disconnected) {
            try {
              await transport.subscribe(channel, handler);
              markSubscribed();
              return;
            } catch {
              await sleep(resubscribeDelayMs, undefined, { ref: false });
            }
          }
        },
        unsubscribe: (channel) => transport.unsubscribe(channel),
        disconnect: () => {
          disconnected = true;
          return transport.disconnect();
        },
      };
      return tracked;
    },
  };
  return { bus, subscribed };
}
