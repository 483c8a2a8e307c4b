import type { Body } from "../content";

// What the PDF renderer needs to lay out one official document. Every text is final and already in the
// document's language (Bahasa Indonesia); the renderer decides nothing about the organisation.

export type Letterhead = {
  /** PNG or JPEG bytes of the agency's logo, or null. */
  logo: { bytes: Buffer; type: "png" | "jpeg" } | null;
  /** "PEMERINTAH KABUPATEN BANYUWANGI" (printed upper case). */
  agencyName: string;
  /** The drafting unit's name, e.g. "DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN"; null for the agency's own kop. */
  unitName: string | null;
  address: string;
  phone: string;
  email: string;
  website: string;
};

/** A signer's reserved block: the TTE appearance (lib/signing/appearance.ts, 252 x 88 pt) is drawn there at signing. */
export type PlannedSigner = {
  /** Shown in the preview's dashed placeholder only, e.g. "Kepala Dinas Komunikasi, Informatika dan Persandian". */
  positionLabel: string;
  /** "a.n. Bupati Banyuwangi" when signing on a superior's behalf; printed above the block. */
  onBehalfOf: string | null;
};

/** Surat Tugas / Surat Perintah: "Dasar", the people assigned ("Kepada"), and "Untuk". */
export type AssignmentDetails = {
  basis: string[];
  people: { name: string; nip: string; grade: string; position: string }[];
  purpose: string;
  destination: string;
  /** Already formatted, e.g. "1 Desember 2026 s.d. 3 Desember 2026". */
  period: string;
};

/** Surat Undangan: the "hari, tanggal / pukul / tempat / acara" block. */
export type InvitationDetails = { dayDate: string; time: string; place: string; agenda: string };

export type RenderInput = {
  paperSize: "A4" | "F4";
  letterhead: Letterhead;
  /**
   * korespondensi: letter (place and date top right, Nomor/Sifat/Lampiran/Hal, "Yth.") when `internal` is false;
   * the Nota Dinas / Memo form (centred title, then Yth./Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal rows)
   * when `internal` is true. judul: centred title (typeName upper case) with "Nomor ..." under it.
   */
  layout: "korespondensi" | "judul";
  internal: boolean;
  /** "Nota Dinas", "Surat Tugas"... */
  typeName: string;
  /** The final number, or null while provisional: the number's place stays empty (see RenderedDocument.numberSlot). */
  number: string | null;
  /** "28 November 2026", or null while provisional (see dateSlot). */
  dateLabel: string | null;
  /** City printed before the date, e.g. "Banyuwangi". */
  place: string;
  /** "Biasa", "Terbatas", "Rahasia", "Sangat Rahasia". */
  securityLabel: string;
  /** "Segera", "Amat Segera", or null for Biasa (not printed). */
  urgencyLabel: string | null;
  /** "1 (satu) berkas" or "-". */
  attachmentLabel: string;
  subject: string;
  /** The sender's line of a Nota Dinas ("Dari"), e.g. "Kepala Bidang Aplikasi Informatika". */
  fromLabel: string;
  /** Addressees, one entry each: internal position names, or external "name\naddress" (multi-line). */
  recipients: string[];
  /** Tembusan entries, printed as a numbered list at the end (letters) or in the header rows (Nota Dinas). */
  carbonCopies: string[];
  body: Body;
  assignment: AssignmentDetails | null;
  invitation: InvitationDetails | null;
  signers: PlannedSigner[];
  /**
   * true for drafts and previews: "KONSEP" watermark, the number and date places show
   * "(nomor diberikan setelah ditandatangani)" / "(tanggal penandatanganan)" in grey, and each signature
   * place a dashed box with the signer's position. false for the revision that goes to the signers.
   */
  provisional: boolean;
};

/** A place on a page for text stamped later (the number and date, at the last signature), in PDF user space. */
export type TextSlot = {
  pageIndex: number;
  x: number;
  y: number;
  fontSize: number;
  maxWidth: number;
  /**
   * "center": the text is centred in [x, x + maxWidth] (the "NOMOR ..." line under a judul title, which can
   * only be centred once the number is known). Absent means left-aligned at x.
   */
  align?: "left" | "center";
  /** Printed before the stamped text, e.g. "NOMOR " (not repeated when the text already starts with it). */
  prefix?: string;
};

export type RenderedDocument = {
  pdf: Buffer;
  pageCount: number;
  /**
   * One per signer, in order: the block's top-left corner as fractions of the page (the Placement of
   * lib/signing/pdf-incremental.ts), so signing puts each TTE block exactly where the renderer reserved it.
   */
  signaturePlacements: { pageIndex: number; x: number; y: number }[];
  /** Where the number goes (baseline start), and where the date goes. */
  numberSlot: TextSlot;
  dateSlot: TextSlot;
};
