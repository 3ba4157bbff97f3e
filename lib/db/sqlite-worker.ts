// The thread that holds the dashboard's SQLite connections. libSQL's calls into SQLite are synchronous:
// here they block this thread alone, never the one serving requests and collections. It runs Prisma's
// libSQL adapter as sqlite-adapter.ts configures it (write lock first, commits without fsync, waits while
// another process holds the lock) and answers the calls worker-sqlite-adapter.ts forwards, in order.
import { parentPort, workerData } from "node:worker_threads";
import { sqliteAdapter } from "./sqlite-adapter";
import { toWireError, type AdapterCall, type AdapterReply } from "./sqlite-worker-wire";

type Adapter = Awaited<ReturnType<ReturnType<typeof sqliteAdapter>["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type SavepointOp = "createSavepoint" | "rollbackToSavepoint" | "releaseSavepoint";

const port = parentPort!;
const adapter: Adapter = await sqliteAdapter((workerData as { file: string }).file).connect();
const transactions = new Map<number, Transaction>();
let lastTransaction = 0;

function transactionOf(call: AdapterCall): Transaction {
  const transaction = call.tx === undefined ? undefined : transactions.get(call.tx);
  if (!transaction) throw new Error(`no open transaction ${call.tx ?? "(none)"}`);
  return transaction;
}

async function ended(call: AdapterCall, end: "commit" | "rollback"): Promise<void> {
  const transaction = transactionOf(call);
  try {
    await transaction[end]();
  } finally {
    transactions.delete(call.tx!);
  }
}

async function perform(call: AdapterCall): Promise<unknown> {
  const on = call.tx === undefined ? adapter : transactionOf(call);
  const query = call.arg as Parameters<Adapter["queryRaw"]>[0];
  switch (call.op) {
    case "queryRaw":
      return on.queryRaw(query);
    case "executeRaw":
      return on.executeRaw(query);
    case "executeScript":
      return adapter.executeScript(call.arg as string);
    case "startTransaction": {
      const transaction = await adapter.startTransaction(call.arg as Parameters<Adapter["startTransaction"]>[0]);
      transactions.set(++lastTransaction, transaction);
      return { tx: lastTransaction, options: transaction.options };
    }
    case "commit":
    case "rollback":
      return ended(call, call.op);
    case "dispose":
      return adapter.dispose();
    default: {
      const savepoint = transactionOf(call)[call.op as SavepointOp];
      if (!savepoint) throw new Error(`${call.op} is not supported by this driver`);
      return savepoint.call(transactionOf(call), call.arg as string);
    }
  }
}

port.on("message", (call: AdapterCall) => {
  const reply = (answer: AdapterReply) => port.postMessage(answer);
  perform(call).then(
    (value) => reply({ id: call.id, ok: true, value }),
    (error: unknown) => reply({ id: call.id, ok: false, error: toWireError(error) }),
  );
});
port.postMessage({ ready: true, connectionInfo: adapter.getConnectionInfo?.() ?? null });
