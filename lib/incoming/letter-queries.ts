import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { dispositions, employees, incomingLetterAddressees, incomingLetters, letterEvents, positions, units } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { displayName } from "@/lib/org/display-name";
import { localDate } from "@/lib/time";
import { clerkRegisterUnitIds, seesWholeTree, visibleLetter, visibleLetterCondition, visibleNodes, type Disposition } from "./access";
import { activeInstructions } from "./instructions";

// Lists of the Surat Masuk menu and the letter's page with its disposition tree. Inbox lists follow the post
// the actor acts under (like the paper tray of that desk); the register list is the clerk's book.

export const LETTER_LISTS = ["masuk", "disposisi", "terkirim", "register"] as const;
export type LetterList = (typeof LETTER_LISTS)[number];
export const PAGE_SIZE = 20;

export type LetterListRow = {
  letterId: number;
  agendaNumber: string;
  subject: string;
  senderAgency: string;
  letterNumber: string;
  securityClass: string;
  urgency: string;
  at: Date;
  /** masuk: the addressee's state; disposisi/terkirim: the disposition's. */
  state: string;
  unread: boolean;
  deadline: string | null;
  overdue: boolean;
  /** terkirim: to whom. */
  toLabel: string | null;
};

const OPEN_STATES = ["unread", "read", "in_progress"] as const;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function searchCondition(q: string | undefined): SQL | undefined {
  const text = q?.trim().slice(0, 100);
  if (!text) return undefined;
  const like = `%${escapeLike(text)}%`;
  return or(
    sql`${incomingLetters.subject} like ${like} escape '\\'`,
    sql`${incomingLetters.letterNumber} like ${like} escape '\\'`,
    sql`${incomingLetters.senderAgency} like ${like} escape '\\'`,
    sql`${incomingLetters.agendaNumber} = ${text}`,
  ) as SQL;
}

const letterColumns = {
  letterId: incomingLetters.id,
  agendaNumber: incomingLetters.agendaNumber,
  subject: incomingLetters.subject,
  senderAgency: incomingLetters.senderAgency,
  letterNumber: incomingLetters.letterNumber,
  securityClass: incomingLetters.securityClass,
  urgency: incomingLetters.urgency,
};

export function listLetters(ctx: Ctx, list: LetterList, filter: { q?: string; page?: number; onlyOpen?: boolean }, timeZone: string): { rows: LetterListRow[]; hasMore: boolean; page: number } {
  const page = Math.max(1, Math.min(filter.page ?? 1, 10_000));
  const post = ctx.actor.acting?.positionId ?? -1;
  const today = localDate(ctx.now, timeZone);
  const overdue = (deadline: string | null, state: string) => !!deadline && deadline < today && (OPEN_STATES as readonly string[]).includes(state);
  const limit = PAGE_SIZE + 1;
  const offset = (page - 1) * PAGE_SIZE;
  let rows: LetterListRow[];
  if (list === "masuk") {
    rows = ctx.db
      .select({ ...letterColumns, at: incomingLetterAddressees.createdAt, state: incomingLetterAddressees.state, readAt: incomingLetterAddressees.readAt })
      .from(incomingLetterAddressees)
      .innerJoin(incomingLetters, eq(incomingLetters.id, incomingLetterAddressees.letterId))
      .where(and(eq(incomingLetterAddressees.positionId, post), filter.onlyOpen ? eq(incomingLetterAddressees.state, "pending") : undefined, searchCondition(filter.q)))
      .orderBy(desc(incomingLetterAddressees.createdAt), desc(incomingLetterAddressees.id))
      .limit(limit)
      .offset(offset)
      .all()
      .map(({ readAt, ...r }) => ({ ...r, unread: readAt === null, deadline: null, overdue: false, toLabel: null }));
  } else if (list === "disposisi" || list === "terkirim") {
    const mineCondition = list === "disposisi" ? eq(dispositions.toPositionId, post) : eq(dispositions.fromPositionId, post);
    rows = ctx.db
      .select({ ...letterColumns, at: dispositions.createdAt, state: dispositions.state, deadline: dispositions.deadline, toLabel: positions.name })
      .from(dispositions)
      .innerJoin(incomingLetters, eq(incomingLetters.id, dispositions.letterId))
      .innerJoin(positions, eq(positions.id, dispositions.toPositionId))
      .where(and(mineCondition, filter.onlyOpen ? inArray(dispositions.state, [...OPEN_STATES]) : undefined, searchCondition(filter.q)))
      .orderBy(desc(dispositions.createdAt), desc(dispositions.id))
      .limit(limit)
      .offset(offset)
      .all()
      .map((r) => ({ ...r, unread: list === "disposisi" && r.state === "unread", overdue: overdue(r.deadline, r.state), toLabel: list === "terkirim" ? r.toLabel : null }));
  } else {
    const registers = clerkRegisterUnitIds(ctx.db, ctx.actor);
    rows = registers.length
      ? ctx.db
          .select({ ...letterColumns, at: incomingLetters.createdAt })
          .from(incomingLetters)
          .where(and(inArray(incomingLetters.registerUnitId, registers), visibleLetterCondition(ctx.db, ctx.actor), searchCondition(filter.q)))
          .orderBy(desc(incomingLetters.createdAt), desc(incomingLetters.id))
          .limit(limit)
          .offset(offset)
          .all()
          .map((r) => ({ ...r, state: "registered", unread: false, deadline: null, overdue: false, toLabel: null }))
      : [];
  }
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, page };
}

export type LetterCounts = { unreadLetters: number; lettersWithoutAction: number; unreadDispositions: number; openDispositions: number; overdueDispositions: number };

/** The Surat Masuk counters of the home screen, for the post the actor acts under. */
export function letterCounts(ctx: Ctx, timeZone: string): LetterCounts {
  const post = ctx.actor.acting?.positionId ?? -1;
  const today = localDate(ctx.now, timeZone);
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    unreadLetters: n(ctx.db.select({ n: count() }).from(incomingLetterAddressees).where(and(eq(incomingLetterAddressees.positionId, post), isNull(incomingLetterAddressees.readAt))).get()),
    lettersWithoutAction: n(ctx.db.select({ n: count() }).from(incomingLetterAddressees).where(and(eq(incomingLetterAddressees.positionId, post), eq(incomingLetterAddressees.state, "pending"))).get()),
    unreadDispositions: n(ctx.db.select({ n: count() }).from(dispositions).where(and(eq(dispositions.toPositionId, post), eq(dispositions.state, "unread"))).get()),
    openDispositions: n(ctx.db.select({ n: count() }).from(dispositions).where(and(eq(dispositions.toPositionId, post), eq(dispositions.kind, "to"), inArray(dispositions.state, [...OPEN_STATES]))).get()),
    overdueDispositions: n(
      ctx.db
        .select({ n: count() })
        .from(dispositions)
        .where(and(eq(dispositions.toPositionId, post), eq(dispositions.kind, "to"), inArray(dispositions.state, [...OPEN_STATES]), lt(dispositions.deadline, today)))
        .get(),
    ),
  };
}

export type TreeNode = Disposition & { toName: string; readerName: string | null; actorName: string | null; overdue: boolean; children: TreeNode[]; instructionList: string[] };

/** A letter with the part of its tree the actor may see, its addressees, timeline, and what the actor may do. */
export function letterDetail(ctx: Ctx, letterId: number, timeZone: string) {
  const letter = visibleLetter(ctx, letterId);
  const today = localDate(ctx.now, timeZone);
  const addressees = ctx.db
    .select({ addressee: incomingLetterAddressees, positionName: positions.name })
    .from(incomingLetterAddressees)
    .innerJoin(positions, eq(positions.id, incomingLetterAddressees.positionId))
    .where(eq(incomingLetterAddressees.letterId, letter.id))
    .orderBy(asc(incomingLetterAddressees.id))
    .all();
  const all = ctx.db.select().from(dispositions).where(eq(dispositions.letterId, letter.id)).orderBy(asc(dispositions.id)).all();
  const whole = seesWholeTree(ctx.db, ctx.actor, letter);
  const nodes = visibleNodes(all, ctx.actor, { wholeTree: whole, addressedPositionIds: addressees.map((a) => a.addressee.positionId) });
  const names = new Map(
    (nodes.length ? ctx.db.select({ id: positions.id, name: positions.name }).from(positions).where(inArray(positions.id, [...new Set(nodes.map((n) => n.toPositionId))])).all() : []).map((p) => [p.id, p.name]),
  );
  const peopleIds = [...new Set(nodes.flatMap((n) => [n.readByEmployeeId, n.actedByEmployeeId]).filter((id): id is number => id !== null))];
  const people = new Map((peopleIds.length ? ctx.db.select().from(employees).where(inArray(employees.id, peopleIds)).all() : []).map((e) => [e.id, displayName(e)]));
  const byParent = new Map<number | null, TreeNode[]>();
  const visibleIds = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    const node: TreeNode = {
      ...n,
      toName: names.get(n.toPositionId) ?? "",
      readerName: n.readByEmployeeId ? (people.get(n.readByEmployeeId) ?? null) : null,
      actorName: n.actedByEmployeeId ? (people.get(n.actedByEmployeeId) ?? null) : null,
      overdue: !!n.deadline && n.deadline < today && (OPEN_STATES as readonly string[]).includes(n.state),
      children: [],
      instructionList: JSON.parse(n.instructions) as string[],
    };
    // A node whose parent is hidden hangs from the root of what the actor sees.
    const parent = n.parentId !== null && visibleIds.has(n.parentId) ? n.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  }
  const attach = (list: TreeNode[]): TreeNode[] => list.map((n) => ({ ...n, children: attach(byParent.get(n.id) ?? []) }));
  const tree = attach(byParent.get(null) ?? []);
  const post = ctx.actor.acting?.positionId ?? -1;
  const myAddressee = addressees.find((a) => a.addressee.positionId === post)?.addressee ?? null;
  const received = nodes.filter((n) => n.toPositionId === post && n.kind === "to" && (OPEN_STATES as readonly string[]).includes(n.state));
  const register = ctx.db.select({ name: units.name }).from(units).where(eq(units.id, letter.registerUnitId)).get();
  const events = ctx.db.select().from(letterEvents).where(eq(letterEvents.letterId, letter.id)).orderBy(asc(letterEvents.id)).all();
  const visibleEventIds = new Set(nodes.map((n) => n.id));
  return {
    letter,
    registerName: register?.name ?? "",
    addressees: addressees.map((a) => ({ ...a.addressee, positionName: a.positionName })),
    tree,
    // Events about branches the actor may not see stay hidden with them.
    events: events.filter((e) => e.dispositionId === null || visibleEventIds.has(e.dispositionId) || whole),
    instructions: activeInstructions(ctx.db, ctx.actor.agencyId),
    can: {
      disposeAsAddressee: myAddressee?.state === "pending" || myAddressee?.state === "dispositioned",
      closeWithoutDisposition: myAddressee?.state === "pending",
      received: received.map((n) => ({ id: n.id, state: n.state })),
      withdraw: nodes.filter((n) => n.fromPositionId === post && n.state === "unread").map((n) => n.id),
    },
  };
}
