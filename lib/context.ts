import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";

export type RequestInfo = { ip: string; userAgent: string };

/** Everything a lib function needs besides its input; `now` is injected so time rules are testable. */
export type Ctx = { db: Db; actor: Actor; now: Date; request: RequestInfo };

/** Context for work done before anyone is signed in (sign-in itself). */
export type AnonymousCtx = { db: Db; now: Date; request: RequestInfo };

/** A drizzle transaction handle or the database itself: both run queries synchronously. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Either: for reads and helpers that run inside or outside a transaction. */
export type DbOrTx = Db | Tx;
