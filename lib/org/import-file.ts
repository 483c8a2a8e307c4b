import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import { DomainError } from "@/lib/errors";
import { checkZipUnpackedSize } from "@/lib/files/zip-limit";

// Reads the employee list an admin uploads (CSV or XLSX) into plain text rows. Knows nothing of the
// database: the rows are checked by lib/org/employee-import.ts.

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;
/** What an .xlsx may unpack to: 5,000 rows of six columns are a few megabytes of XML; a zip bomb is gigabytes. */
export const IMPORT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

export type ImportColumn = "nip" | "name" | "position" | "unit" | "email" | "phone";

/** One data row, every cell as trimmed text. `rowNumber` is the row as the spreadsheet shows it (header = 1). */
export type ImportRow = { rowNumber: number } & Record<ImportColumn, string> & {
    /** The NIP cell was a number in the spreadsheet: its last digits are already lost. */
    nipWasNumber?: boolean;
  };

/** Accepted header names per column, compared lower-cased with dots, underscores and extra spaces removed. */
const HEADER_NAMES: Record<ImportColumn, string[]> = {
  nip: ["nip", "nip baru", "nomor induk pegawai"],
  name: ["nama", "nama lengkap", "nama pegawai", "name"],
  position: ["jabatan", "nama jabatan", "position"],
  unit: ["unit", "unit kerja", "nama unit", "opd", "satuan kerja", "unit organisasi"],
  email: ["email", "e-mail", "e mail", "surel", "alamat email", "alamat e-mail"],
  phone: ["telepon", "telp", "no telp", "no telepon", "nomor telepon", "hp", "no hp", "nomor hp", "telepon/hp", "no wa", "whatsapp", "phone"],
};
const REQUIRED_COLUMNS: ImportColumn[] = ["nip", "name", "position", "unit"];

function headerKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[._:]/g, " ").replace(/\s+/g, " ").trim();
}

// File-level problems go in the form's main message (field messages cannot carry parameters such as {max}).
const fileError = (messageKey: string, params: Record<string, string | number> = {}) => new DomainError("invalid", messageKey, params);

type Cell = string | { numeric: string };

type Kind = "csv" | "xlsx";

function detectKind(fileName: string, bytes: Uint8Array): Kind {
  const lower = fileName.toLowerCase();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole || lower.endsWith(".xls")) throw fileError("employeeImport.xlsNotSupported");
  if (lower.endsWith(".xlsx")) {
    if (!zip) throw fileError("employeeImport.fileUnreadable");
    return "xlsx";
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    // A spreadsheet renamed to .csv.
    if (zip) return "xlsx";
    return "csv";
  }
  throw fileError("employeeImport.fileType");
}

/** UTF-8 (with or without BOM); files that are not valid UTF-8 come from older Excel in Windows-1252. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Excel in an Indonesian locale writes ';' between fields because ',' is the decimal separator. The header
 * line decides: it has no quoted commas in practice, unlike names ("Budi, S.Kom") and units in the data.
 */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ",";
}

function parseCsv(bytes: Uint8Array): Cell[][] {
  const text = decodeText(bytes);
  const result = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  if (result.errors.some((e) => e.type === "Quotes")) throw fileError("employeeImport.fileUnreadable");
  return result.data;
}

async function parseXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  // Before the reader inflates every entry into memory: refuse an archive that unpacks to far more than a sheet.
  const unpacked = checkZipUnpackedSize(bytes, IMPORT_MAX_UNPACKED_BYTES);
  if (!unpacked.ok) throw fileError(unpacked.reason === "tooLarge" ? "employeeImport.fileUnpacksTooLarge" : "employeeImport.fileUnreadable", { max: "50 MB" });
  try {
    // Numbers come back as their stored text so that a NIP typed as a number is recognised (Excel keeps
    // 15 significant digits, so an 18-digit NIP stored as a number has already lost its last digits).
    const data = await readSheet<{ numeric: string }>(Buffer.from(bytes), { parseNumber: (text) => ({ numeric: text }) });
    return data.map((row) =>
      row.map((cell): Cell => {
        if (cell == null) return "";
        if (typeof cell === "object" && "numeric" in cell) return cell;
        if ((cell as unknown) instanceof Date) return (cell as unknown as Date).toISOString().slice(0, 10);
        return String(cell);
      }),
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw fileError("employeeImport.fileUnreadable");
  }
}

const cellText = (cell: Cell | undefined): string => (cell == null ? "" : typeof cell === "string" ? cell : cell.numeric).replace(/\s+/g, " ").trim();

/** Reads an uploaded CSV or XLSX file into rows. File-level problems throw a DomainError. */
export async function parseEmployeeFile(file: { name: string; bytes: Uint8Array }): Promise<ImportRow[]> {
  if (file.bytes.length === 0) throw fileError("employeeImport.fileEmpty");
  if (file.bytes.length > IMPORT_MAX_BYTES) throw fileError("employeeImport.fileTooLarge", { max: "5 MB" });
  const kind = detectKind(file.name, file.bytes);
  const table = kind === "csv" ? parseCsv(file.bytes) : await parseXlsx(file.bytes);

  const isBlank = (row: Cell[]) => row.every((cell) => cellText(cell) === "");
  const headerIndex = table.findIndex((row) => !isBlank(row));
  if (headerIndex < 0) throw fileError("employeeImport.fileEmpty");

  const headers = table[headerIndex].map((cell) => headerKey(cellText(cell)));
  const columnIndex = {} as Record<ImportColumn, number>;
  for (const column of Object.keys(HEADER_NAMES) as ImportColumn[]) {
    columnIndex[column] = headers.findIndex((h) => HEADER_NAMES[column].includes(h));
  }
  const missing = REQUIRED_COLUMNS.filter((column) => columnIndex[column] < 0);
  if (missing.length > 0) {
    throw fileError("employeeImport.missingColumns", { columns: missing.map((c) => HEADER_NAMES[c][0].toUpperCase()).join(", ") });
  }

  const rows: ImportRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const row = table[i];
    if (isBlank(row)) continue;
    if (rows.length >= IMPORT_MAX_ROWS) throw fileError("employeeImport.tooManyRows", { max: IMPORT_MAX_ROWS });
    const get = (column: ImportColumn) => (columnIndex[column] < 0 ? "" : cellText(row[columnIndex[column]]));
    const nipCell = columnIndex.nip < 0 ? undefined : row[columnIndex.nip];
    rows.push({
      rowNumber: i + 1,
      nip: get("nip"),
      name: get("name"),
      position: get("position"),
      unit: get("unit"),
      email: get("email"),
      phone: get("phone"),
      ...(typeof nipCell === "object" && nipCell !== null ? { nipWasNumber: true } : {}),
    });
  }
  if (rows.length === 0) throw fileError("employeeImport.noRows");
  return rows;
}
