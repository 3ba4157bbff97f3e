import { Worker } from "node:worker_threads";
import { sqliteAdapter } from "./sqlite-adapter";
import { fromWireError, type AdapterCall, type AdapterOp, type AdapterReply } from "./sqlite-worker-wire";

type Adapter = Awaited<ReturnType<ReturnType<typeof sqliteAdapter>["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type ConnectionInfo = ReturnType<NonNullable<Adapter["getConnectionInfo"]>>;
type Ready = { ready: true; connectionInfo: ConnectionInfo | null };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Thread = { worker: Worker; ready: Promise<Ready>; stopped: Error | null };

/**
 * The SQLite thread (sqlite-worker.ts) and the calls waiting for it. Should it ever stop, the calls it held
 * fail (their transactions with them) and the next call starts a new one.
 */
function sqliteThread(file: string) {
  const pending = new Map<number, Pending>();
  let lastId = 0;
  let thread: Thread | null = null;

  const start = (): Thread => {
    const worker = new Worker(new URL("./sqlite-worker.ts", import.meta.url), { workerData: { file } });
    const started: Thread = { worker, ready: Promise.resolve({ ready: true, connectionInfo: null }), stopped: null };
    started.ready = new Promise<Ready>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("message", (message: Ready) => resolve(message));
    });
    started.ready.catch(() => {}); // the exit below fails the calls that waited for it
    worker.on("message", (reply: AdapterReply | Ready) => {
      if ("ready" in reply) return;
      const call = pending.get(reply.id);
      pending.delete(reply.id);
      // The thread keeps the process alive only while a call waits for it.
      if (pending.size === 0) worker.unref();
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(fromWireError(reply.error));
    });
    worker.on("exit", (code) => {
      started.stopped = new Error(`the SQLite thread stopped (exit code ${code})`);
      for (const call of pending.values()) call.reject(started.stopped);
      pending.clear();
    });
    return started;
  };
  const current = (): Thread => (thread && !thread.stopped ? thread : (thread = start()));

  return {
    /** The adapter's connection facts, once the thread has connected. */
    connectionInfo: async () => (await current().ready).connectionInfo,
    send<T>(op: AdapterOp, arg?: unknown, tx?: number): Promise<T> {
      const { worker } = current();
      const call: AdapterCall = { id: ++lastId, op, arg, ...(tx === undefined ? {} : { tx }) };
      if (pending.size === 0) worker.ref();
      return new Promise<T>((resolve, reject) => {
        pending.set(call.id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage(call);
      });
    },
    stop: async () => {
      await thread?.worker.terminate();
    },
  };
}

/**
 * Prisma's libSQL adapter run on a thread of its own (sqlite-worker.ts): the dashboard's thread only posts
 * each query and awaits its rows, so SQLite's synchronous work (preparing, stepping, committing) never holds
 * the event loop that serves pages, API calls and collections. Same behaviour as `sqliteAdapter(file)`.
 */
export function workerSqliteAdapter(file: string) {
  const { provider, adapterName } = sqliteAdapter(file);
  const info = { provider, adapterName };
  return {
    ...info,
    connect: async (): Promise<Adapter> => {
      const thread = sqliteThread(file);
      const connectionInfo = await thread.connectionInfo();
      const send = thread.send;
      const transaction = (tx: number, options: Transaction["options"]): Transaction => ({
        ...info,
        options,
        queryRaw: (query: Query) => send("queryRaw", query, tx),
        executeRaw: (query: Query) => send("executeRaw", query, tx),
        commit: () => send("commit", undefined, tx),
        rollback: () => send("rollback", undefined, tx),
        createSavepoint: (name: string) => send("createSavepoint", name, tx),
        rollbackToSavepoint: (name: string) => send("rollbackToSavepoint", name, tx),
        releaseSavepoint: (name: string) => send("releaseSavepoint", name, tx),
      });
      return {
        ...info,
        queryRaw: (query) => send("queryRaw", query),
        executeRaw: (query) => send("executeRaw", query),
        executeScript: (script) => send("executeScript", script),
        startTransaction: async (isolationLevel) => {
          const started = await send<{ tx: number; options: Transaction["options"] }>(
            "startTransaction",
            isolationLevel,
          );
          return transaction(started.tx, started.options);
        },
        ...(connectionInfo ? { getConnectionInfo: () => connectionInfo } : {}),
        dispose: async () => {
          await send("dispose");
          await thread.stop();
        },
      };
    },
  };
}
