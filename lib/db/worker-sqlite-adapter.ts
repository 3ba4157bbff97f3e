import { Worker } from "node:worker_threads";
import { sqliteAdapter } from "./sqlite-adapter";
import { fromWireError, type AdapterCall, type AdapterOp, type AdapterReply } from "./sqlite-worker-wire";

type Adapter = Awaited<ReturnType<ReturnType<typeof sqliteAdapter>["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type Ready = { ready: true; connectionInfo: ReturnType<NonNullable<Adapter["getConnectionInfo"]>> | null };
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** Starts the SQLite thread on `file` and resolves once its adapter is connected. */
async function startWorker(file: string) {
  const worker = new Worker(new URL("./sqlite-worker.ts", import.meta.url), { workerData: { file } });
  const pending = new Map<number, Pending>();
  let lastId = 0;
  let stopped: Error | null = null;
  const ready = new Promise<Ready>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", (message: Ready) => resolve(message));
  });
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
    stopped = new Error(`the SQLite thread stopped (exit code ${code})`);
    for (const call of pending.values()) call.reject(stopped);
    pending.clear();
  });
  const send = <T>(op: AdapterOp, arg?: unknown, tx?: number): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const call: AdapterCall = { id: ++lastId, op, arg, ...(tx === undefined ? {} : { tx }) };
    if (pending.size === 0) worker.ref();
    return new Promise<T>((resolve, reject) => {
      pending.set(call.id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage(call);
    });
  };
  const { connectionInfo } = await ready;
  worker.unref();
  return { send, connectionInfo, terminate: () => worker.terminate() };
}

/**
 * Prisma's libSQL adapter run on a thread of its own (sqlite-worker.ts): the dashboard's thread only posts
 * each query and awaits its rows, so SQLite's synchronous work (preparing, stepping, committing) never holds
 * the event loop that serves pages, API calls and collections. Same behaviour as `sqliteAdapter(file)`.
 */
export function workerSqliteAdapter(file: string) {
  const inProcess = sqliteAdapter(file);
  return {
    provider: inProcess.provider,
    adapterName: inProcess.adapterName,
    connect: async (): Promise<Adapter> => {
      const { send, connectionInfo, terminate } = await startWorker(file);
      const transaction = (tx: number, options: Transaction["options"]): Transaction => ({
        provider: inProcess.provider,
        adapterName: inProcess.adapterName,
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
        provider: inProcess.provider,
        adapterName: inProcess.adapterName,
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
          await terminate();
        },
      };
    },
  };
}
