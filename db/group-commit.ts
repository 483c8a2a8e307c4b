import type { Db } from "./index";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Job = { work: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

// Group commit for bursts of small writes (the 07.30 check-in rush). With synchronous=FULL every commit waits for
// an fsync (2.7 ms on this machine's disk), which caps one connection at a few hundred commits a second no matter
// how fast the work is. Requests that arrive together are run one after another inside one transaction, each in
// its own savepoint (a failing one rolls back alone), and committed with a single fsync; each caller's promise
// settles only after that commit, so nothing is acknowledged before it is durable.

const queues = new WeakMap<Db, Job[]>();

export function groupCommit<T>(db: Db, work: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) queues.set(db, (queue = []));
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    // The first job of a batch schedules the flush after the I/O phase, so requests already received join it.
    if (queue.length === 1) setImmediate(() => flush(db));
  });
}

function flush(db: Db): void {
  const jobs = queues.get(db)!.splice(0);
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    db.transaction(
      (tx) => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: tx.transaction((savepoint) => job.work(savepoint)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
