import idCommon from "@/messages/id/common.json";
import idAuth from "@/messages/id/auth.json";
import idAgency from "@/messages/id/agency.json";
import idAdminOrg from "@/messages/id/admin-org.json";
import idAdminEmployees from "@/messages/id/admin-employees.json";
import idSigning from "@/messages/id/signing.json";
import idTte from "@/messages/id/tte.json";
import idDocuments from "@/messages/id/documents.json";
import idNaskah from "@/messages/id/naskah.json";
import idNaskahCompose from "@/messages/id/naskah-compose.json";
import idNotifications from "@/messages/id/notifications.json";
import idIncoming from "@/messages/id/incoming.json";
import idIncomingFiles from "@/messages/id/incoming-files.json";
import enCommon from "@/messages/en/common.json";
import enAuth from "@/messages/en/auth.json";
import enSigning from "@/messages/en/signing.json";
import enDocuments from "@/messages/en/documents.json";
import enNaskah from "@/messages/en/naskah.json";
import enNaskahCompose from "@/messages/en/naskah-compose.json";
import enNotifications from "@/messages/en/notifications.json";
import enIncoming from "@/messages/en/incoming.json";
import enIncomingFiles from "@/messages/en/incoming-files.json";
import enTte from "@/messages/en/tte.json";
import enAgency from "@/messages/en/agency.json";
import enAdminOrg from "@/messages/en/admin-org.json";
import enAdminEmployees from "@/messages/en/admin-employees.json";
import idAttendance from "@/messages/id/attendance.json";
import enAttendance from "@/messages/en/attendance.json";
import idAttendanceAdmin from "@/messages/id/attendance-admin.json";
import enAttendanceAdmin from "@/messages/en/attendance-admin.json";
import idAttendanceRequests from "@/messages/id/attendance-requests.json";
import enAttendanceRequests from "@/messages/en/attendance-requests.json";
import idAttendanceRecap from "@/messages/id/attendance-recap.json";
import enAttendanceRecap from "@/messages/en/attendance-recap.json";
import idSearch from "@/messages/id/search.json";
import enSearch from "@/messages/en/search.json";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];

type Tree = { [key: string]: string | Tree };

// One file per area keeps catalogs small to review; the file's top-level keys are its namespaces.
const catalogs: Record<Locale, Tree> = {
  id: { ...idNaskah, ...idNaskahCompose, ...idDocuments, ...idSigning, ...idTte, ...idCommon, ...idAuth, ...idAgency, ...idAdminOrg, ...idAdminEmployees, ...idNotifications, ...idIncoming, ...idIncomingFiles, ...idAttendance, ...idAttendanceAdmin, ...idAttendanceRequests, ...idAttendanceRecap, ...idSearch },
  en: { ...enNaskah, ...enNaskahCompose, ...enDocuments, ...enSigning, ...enTte, ...enCommon, ...enAuth, ...enAgency, ...enAdminOrg, ...enAdminEmployees, ...enNotifications, ...enIncoming, ...enIncomingFiles, ...enAttendance, ...enAttendanceAdmin, ...enAttendanceRequests, ...enAttendanceRecap, ...enSearch },
};

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Indonesian is the primary catalog; English falls back to it for any missing key. */
export function translator(locale: Locale): Translate {
  return (key, params) => {
    const text = lookup(catalogs[locale], key) ?? lookup(catalogs.id, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

export function hasMessage(key: string): boolean {
  return lookup(catalogs.id, key) !== undefined;
}

/** The subset of a catalog under the given namespaces, to hand to client components. */
export function clientMessages(locale: Locale, namespaces: string[]): Tree {
  const out: Tree = {};
  for (const ns of namespaces) {
    const own = catalogs[locale][ns];
    const fallback = catalogs.id[ns];
    if (typeof fallback === "object") out[ns] = { ...fallback, ...(typeof own === "object" ? own : {}) };
  }
  return out;
}
